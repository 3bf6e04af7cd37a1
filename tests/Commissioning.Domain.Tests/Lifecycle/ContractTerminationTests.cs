using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Lifecycle;
using Commissioning.Domain.Tests.TestData;
using static Commissioning.Domain.Tests.TestData.Days;

namespace Commissioning.Domain.Tests.Lifecycle;

public class ContractTerminationTests
{
    [Fact]
    public void ByNotice_ServedOnTheNoticeDeadline_EndsOnThe31MarchYearEnd()
    {
        var persona = A.PersonaContract();

        var t = ContractTermination.ByNotice(persona, Life.Record(On(2030, 4, 1), "Service to be brought in house"));

        Assert.Equal(ContractEventKind.Termination, t.Kind);
        Assert.Equal(TerminationKind.Notice, t.TerminationKind);
        Assert.Equal(On(2030, 4, 1), t.NoticeServedOn);
        Assert.Equal(12, t.NoticePeriodMonths);
        Assert.Equal(On(2031, 3, 31), t.LastDay);
        Assert.Equal(On(2031, 3, 31), persona.TerminatedOn);
        Assert.Equal("Service to be brought in house", persona.TerminationReason);
    }

    [Theory]
    [InlineData(2027, 3, 1, 12, 2028, 2, 29)]   // into a leap year
    [InlineData(2028, 3, 1, 12, 2029, 2, 28)]
    [InlineData(2025, 10, 1, 6, 2026, 3, 31)]   // to a 31 March year end
    [InlineData(2025, 8, 31, 6, 2026, 2, 28)]   // no 31 February: the end of the month
    [InlineData(2025, 4, 15, 3, 2025, 7, 14)]
    [InlineData(2025, 4, 15, 0, 2025, 4, 15)]   // no notice period: ends the day it is served
    public void NoticeEndsOn_IsATermOfTheNoticeMonthsFromTheDayOfService(int y, int m, int d, int months, int ey, int em, int ed)
    {
        Assert.Equal(On(ey, em, ed), Contract.NoticeEndsOn(On(y, m, d), months));
    }

    [Fact]
    public void ByNotice_ServedTooLateToTakeEffectByTheEnd_IsRefused()
    {
        var persona = A.PersonaContract();

        var ex = Assert.Throws<BusinessRuleException>(() => ContractTermination.ByNotice(persona, Life.Record(On(2030, 4, 2))));

        Assert.IsType<NoticeMustTakeEffectByTheCurrentEndRule>(ex.Rule);
        Assert.Equal("12 months' notice served on 2 April 2030 would take effect on 1 April 2031, after the current end date of 31 March 2031: "
            + "to end the contract by then, notice had to be served by 1 April 2030. Otherwise let it expire.", ex.Message);
        Assert.Null(persona.TerminatedOn);
    }

    [Fact]
    public void ByNotice_NamingALaterDay_EndsThen()
    {
        var persona = A.PersonaContract();

        var t = ContractTermination.ByNotice(persona, Life.Record(On(2028, 1, 10), "Re-procurement"), takesEffectOn: On(2030, 3, 31));

        Assert.Equal(On(2030, 3, 31), t.LastDay);
    }

    [Fact]
    public void ByNotice_ServedAfterTheDayItWouldTakeEffect_IsRefused()
    {
        var persona = A.PersonaContract();

        var ex = Assert.Throws<BusinessRuleException>(() =>
            ContractTermination.ByNotice(persona, Life.Record(On(2029, 4, 2)), takesEffectOn: On(2029, 3, 31)));

        Assert.Equal("Notice served on 2 April 2029 cannot end the contract on 31 March 2029: it was served after the date it would take effect.", ex.Message);
        Assert.Null(persona.TerminatedOn);
    }

    [Fact]
    public void ByNotice_NamingADayBeforeTheNoticeRunsOut_IsRefused()
    {
        var ex = Assert.Throws<BusinessRuleException>(() =>
            ContractTermination.ByNotice(A.PersonaContract(), Life.Record(On(2028, 10, 1)), takesEffectOn: On(2029, 3, 31)));

        Assert.Equal("12 months' notice served on 1 October 2028 runs to 30 September 2029 at the earliest, not 31 March 2029.", ex.Message);
    }

    [Fact]
    public void ByNotice_ShorterThanTheContractAllows_IsRefused()
    {
        var ex = Assert.Throws<BusinessRuleException>(() =>
            ContractTermination.ByNotice(A.PersonaContract(), Life.Record(On(2028, 10, 1)), noticeMonths: 6));

        Assert.Equal("The contract requires 12 months' notice; 6 months is too short.", ex.Message);
    }

    [Fact]
    public void ByNotice_LongerThanTheContractRequires_IsAllowed()
    {
        var t = ContractTermination.ByNotice(A.PersonaContract(), Life.Record(On(2028, 10, 1)), noticeMonths: 18);

        Assert.Equal(On(2030, 3, 31), t.LastDay);
        Assert.Equal(18, t.NoticePeriodMonths);
    }

    [Fact]
    public void ByNotice_TakingEffectBeforeTheStart_IsRefused()
    {
        var contract = A.Block().WithNotice(0).Build();

        var ex = Assert.Throws<BusinessRuleException>(() => ContractTermination.ByNotice(contract, Life.Record(On(2021, 3, 25))));

        Assert.Equal("A termination cannot take effect on 25 March 2021, before the contract starts on 1 April 2021.", ex.Message);
    }

    [Fact]
    public void ForBreach_BeforeTheStartDate_IsRefused()
    {
        var persona = A.PersonaContract();

        var ex = Assert.Throws<BusinessRuleException>(() =>
            ContractTermination.ForBreach(persona, Life.Record(On(2021, 3, 30), "Failed CQC registration"), On(2021, 3, 31)));

        Assert.IsType<TerminationCannotTakeEffectBeforeTheStartRule>(ex.Rule);
        Assert.Null(persona.TerminatedOn);
    }

    [Fact]
    public void ForBreach_AfterTheCurrentEnd_IsRefused()
    {
        var ex = Assert.Throws<BusinessRuleException>(() =>
            ContractTermination.ForBreach(A.PersonaContract(), Life.Record(On(2031, 1, 1)), On(2031, 4, 30)));

        Assert.IsType<TerminationMustTakeEffectByTheCurrentEndRule>(ex.Rule);
    }

    [Fact]
    public void ForBreach_EndsTheContract_AndItsStatusBecomesTerminated()
    {
        var persona = A.PersonaContract();

        var t = ContractTermination.ForBreach(persona, Life.Record(On(2024, 5, 1), "Serious safeguarding failures"), On(2024, 5, 31));

        Assert.Equal(TerminationKind.Breach, t.TerminationKind);
        Assert.Equal(On(2024, 5, 31), t.LastDay);
        Assert.Null(t.NoticeServedOn);
        Assert.Equal(ContractStatus.Terminated, persona.StatusOn(On(2024, 6, 1), null));
    }

    [Fact]
    public void ByAgreement_EndsTheContract()
    {
        var persona = A.PersonaContract();

        var t = ContractTermination.ByAgreement(persona, Life.Record(On(2025, 1, 15), "Provider exiting the market"), On(2025, 3, 31));

        Assert.Equal(TerminationKind.Agreement, t.TerminationKind);
        Assert.Equal(On(2025, 3, 31), persona.TerminatedOn);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Termination_WithoutAReason_IsRefused(string reason)
    {
        var persona = A.PersonaContract();

        var ex = Assert.Throws<BusinessRuleException>(() => ContractTermination.ByAgreement(persona, Life.Record(On(2025, 1, 15), reason), On(2025, 3, 31)));

        Assert.Equal("A termination needs a reason.", ex.Message);
        Assert.Null(persona.TerminatedOn);
    }

    [Fact]
    public void Termination_Twice_IsRefused()
    {
        var persona = A.PersonaContract();
        ContractTermination.ByAgreement(persona, Life.Record(On(2025, 1, 15)), On(2025, 3, 31));

        var ex = Assert.Throws<BusinessRuleException>(() => ContractTermination.ForBreach(persona, Life.Record(On(2025, 2, 1)), On(2025, 2, 28)));

        Assert.IsType<TerminatedContractCannotChangeRule>(ex.Rule);
        Assert.Equal(On(2025, 3, 31), persona.TerminatedOn);
    }

    [Fact]
    public void NaturalExpiry_RunsToTheCurrentEnd_NeedsNoDecision_AndLeavesTheStatusExpired()
    {
        var persona = A.PersonaContract();

        var t = ContractTermination.NaturalExpiry(persona, Life.Record(On(2030, 1, 1), "Re-procured as a new contract", decision: null));

        Assert.Equal(TerminationKind.NaturalExpiry, t.TerminationKind);
        Assert.Equal(On(2031, 3, 31), t.LastDay);
        Assert.Null(t.AuthorisingDecision);
        Assert.Null(persona.TerminatedOn);
        Assert.Equal(ContractStatus.Expired, persona.StatusOn(On(2031, 4, 1), null));
    }

    [Fact]
    public void NaturalExpiry_WithoutAReason_IsRefused()
    {
        Assert.Throws<BusinessRuleException>(() => ContractTermination.NaturalExpiry(A.PersonaContract(), Life.Record(On(2030, 1, 1), reason: "")));
    }

    [Fact]
    public void NaturalExpiry_AlreadyRecordedForTheCurrentEnd_IsRefused()
    {
        var ex = Assert.Throws<BusinessRuleException>(() =>
            ContractTermination.NaturalExpiry(A.PersonaContract(), Life.Record(On(2030, 1, 1), "Re-procured"), alreadyRecorded: true));

        Assert.IsType<ExpiryCannotBeRecordedTwiceRule>(ex.Rule);
    }
}
