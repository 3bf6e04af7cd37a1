using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Tests.TestData;
using static Commissioning.Domain.Tests.TestData.Days;

namespace Commissioning.Domain.Tests.Contracts;

/// <summary>Status follows from dates and events (Persona: 1 April 2021 to 31 March 2031, awarded 24 March 2021).</summary>
public class ContractStatusTests
{
    [Fact]
    public void StatusOn_NotAwarded_IsDraftEvenDuringTheTerm()
    {
        var contract = A.Block().NotAwarded().Build();

        Assert.Equal(ContractStatus.Draft, contract.StatusOn(On(2025, 6, 1), null));
    }

    [Fact]
    public void StatusOn_NotAwarded_IsDraftEvenAfterTheTerm()
    {
        var contract = A.Block().NotAwarded().Build();

        Assert.Equal(ContractStatus.Draft, contract.StatusOn(On(2032, 1, 1), null));
    }

    [Fact]
    public void StatusOn_AwardedButBeforeItsStartDate_IsDraft()
    {
        var contract = A.PersonaContract();

        Assert.Equal(ContractStatus.Draft, contract.StatusOn(On(2021, 3, 24), null));
        Assert.Equal(ContractStatus.Draft, contract.StatusOn(On(2021, 3, 31), null));
    }

    [Theory]
    [InlineData(2021, 4, 1)]    // first day
    [InlineData(2026, 9, 30)]
    [InlineData(2031, 3, 31)]   // last day
    public void StatusOn_AwardedAndWithinItsTerm_IsActive(int y, int m, int d)
    {
        Assert.Equal(ContractStatus.Active, A.PersonaContract().StatusOn(On(y, m, d), null));
    }

    [Fact]
    public void StatusOn_AfterTheCurrentEndDate_IsExpired()
    {
        var contract = A.PersonaContract();

        Assert.Equal(ContractStatus.Expired, contract.StatusOn(On(2031, 4, 1), null));
        Assert.Equal(ContractStatus.Expired, contract.StatusOn(On(2040, 1, 1), null));
    }

    [Fact]
    public void StatusOn_AfterTheInitialEndWithAnOptionExercised_IsStillActive()
    {
        var contract = A.BathAndNorthEastSomerset(optionExercised: true).Build();

        Assert.Equal(ContractStatus.Active, contract.StatusOn(On(2028, 8, 1), null));
        Assert.Equal(ContractStatus.Active, contract.StatusOn(On(2031, 7, 31), null));
        Assert.Equal(ContractStatus.Expired, contract.StatusOn(On(2031, 8, 1), null));
    }

    [Fact]
    public void StatusOn_AfterTheInitialEndWithAnOptionNotExercised_IsExpired()
    {
        var contract = A.BathAndNorthEastSomerset(optionExercised: false).Build();

        Assert.Equal(ContractStatus.Expired, contract.StatusOn(On(2028, 8, 1), null));
    }

    // ---- termination ----

    [Fact]
    public void StatusOn_TheLastDayOfATermination_IsStillActive()
    {
        var contract = A.PersonaContract();
        contract.TerminateOn(On(2025, 9, 30), "Provider entered administration");

        Assert.Equal(ContractStatus.Active, contract.StatusOn(On(2025, 9, 30), null));
    }

    [Fact]
    public void StatusOn_AfterTheLastDayOfATermination_IsTerminated()
    {
        var contract = A.PersonaContract();
        contract.TerminateOn(On(2025, 9, 30), "Provider entered administration");

        Assert.Equal(ContractStatus.Terminated, contract.StatusOn(On(2025, 10, 1), null));
        Assert.Equal(ContractStatus.Terminated, contract.StatusOn(On(2031, 4, 1), null));
    }

    [Fact]
    public void Terminate_RecordsTheLastDayAndTheTrimmedReason()
    {
        var contract = A.PersonaContract();

        contract.TerminateOn(On(2025, 9, 30), "  Provider entered administration ");

        Assert.Equal(On(2025, 9, 30), contract.TerminatedOn);
        Assert.Equal("Provider entered administration", contract.TerminationReason);
    }

    [Fact]
    public void Terminate_OnItsFirstDay_IsAllowed()
    {
        var contract = A.PersonaContract();

        contract.TerminateOn(On(2021, 4, 1), "Award challenged");

        Assert.Equal(ContractStatus.Active, contract.StatusOn(On(2021, 4, 1), null));
        Assert.Equal(ContractStatus.Terminated, contract.StatusOn(On(2021, 4, 2), null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Terminate_WithoutAReason_IsRefused(string reason)
    {
        var contract = A.PersonaContract();

        var ex = Assert.Throws<BusinessRuleException>(() => contract.TerminateOn(On(2025, 9, 30), reason));

        Assert.IsType<EventNeedsAReasonRule>(ex.Rule);
        Assert.Null(contract.TerminatedOn);
    }

    [Fact]
    public void Terminate_BeforeTheContractStarts_IsRefused()
    {
        var contract = A.PersonaContract();

        var ex = Assert.Throws<BusinessRuleException>(() => contract.TerminateOn(On(2021, 3, 31), "Never started"));

        Assert.IsType<TerminationCannotTakeEffectBeforeTheStartRule>(ex.Rule);
        Assert.Null(contract.TerminatedOn);
        Assert.Null(contract.TerminationReason);
    }

    // ---- renewal by a successor ----

    [Fact]
    public void StatusOn_TheDayBeforeItsSuccessorStarts_IsActive()
    {
        // Persona: the predecessor ends 31 March 2021 and its successor starts 1 April 2021.
        var predecessor = A.Block().WithReference("SC-2016-0001")
            .From(On(2016, 4, 1)).To(On(2021, 3, 31)).AwardedOn(On(2016, 3, 1)).Build();

        Assert.Equal(ContractStatus.Active, predecessor.StatusOn(On(2021, 3, 31), On(2021, 4, 1)));
    }

    [Fact]
    public void StatusOn_OnceItsSuccessorHasStarted_IsSuperseded()
    {
        var predecessor = A.Block().WithReference("SC-2016-0001")
            .From(On(2016, 4, 1)).To(On(2021, 3, 31)).AwardedOn(On(2016, 3, 1)).Build();

        Assert.Equal(ContractStatus.Superseded, predecessor.StatusOn(On(2021, 4, 1), On(2021, 4, 1)));
        Assert.Equal(ContractStatus.Superseded, predecessor.StatusOn(On(2030, 1, 1), On(2021, 4, 1)));
    }

    [Fact]
    public void StatusOn_ASuccessorStartingBeforeTheEnd_SupersedesFromItsStart()
    {
        var contract = A.PersonaContract();

        Assert.Equal(ContractStatus.Active, contract.StatusOn(On(2026, 3, 31), On(2026, 4, 1)));
        Assert.Equal(ContractStatus.Superseded, contract.StatusOn(On(2026, 4, 1), On(2026, 4, 1)));
    }

    [Fact]
    public void StatusOn_WithoutASuccessorAfterTheEnd_IsExpiredNotSuperseded()
    {
        var contract = A.PersonaContract();

        Assert.Equal(ContractStatus.Expired, contract.StatusOn(On(2031, 4, 1), null));
        Assert.Equal(ContractStatus.Superseded, contract.StatusOn(On(2031, 4, 1), On(2031, 4, 1)));
    }

    [Fact]
    public void StatusOn_TerminatedBeforeItsSuccessorStarted_StaysTerminated()
    {
        var contract = A.PersonaContract();
        contract.TerminateOn(On(2025, 9, 30), "Provider entered administration");

        Assert.Equal(ContractStatus.Terminated, contract.StatusOn(On(2026, 4, 1), On(2026, 4, 1)));
    }

    // ---- the same rule on plain values, as the register uses it ----

    [Theory]
    [InlineData(2021, 3, 31, true, false, false, ContractStatus.Draft)]
    [InlineData(2025, 6, 1, false, false, false, ContractStatus.Draft)]
    [InlineData(2021, 4, 1, true, false, false, ContractStatus.Active)]
    [InlineData(2031, 3, 31, true, false, false, ContractStatus.Active)]
    [InlineData(2031, 4, 1, true, false, false, ContractStatus.Expired)]
    [InlineData(2025, 9, 30, true, true, false, ContractStatus.Active)]
    [InlineData(2025, 10, 1, true, true, false, ContractStatus.Terminated)]
    [InlineData(2026, 3, 31, true, false, true, ContractStatus.Active)]
    [InlineData(2026, 4, 1, true, false, true, ContractStatus.Superseded)]
    public void DeriveStatus_OnPlainValues_AgreesWithStatusOn(int y, int m, int d, bool awarded, bool terminated, bool succeeded, ContractStatus expected)
    {
        var today = On(y, m, d);
        DateOnly? terminatedOn = terminated ? On(2025, 9, 30) : null;
        DateOnly? successorStart = succeeded ? On(2026, 4, 1) : null;
        var contract = A.Block().AwardedOn(awarded ? On(2021, 3, 24) : null).Build();
        if (terminatedOn is { } last) contract.TerminateOn(last, "Provider entered administration");

        var derived = Contract.DeriveStatus(today, contract.AwardedOn, contract.StartDate, contract.CurrentEndDate, terminatedOn, successorStart);

        Assert.Equal(expected, derived);
        Assert.Equal(expected, contract.StatusOn(today, successorStart));
    }

    [Fact]
    public void DeriveStatus_UsesTheCurrentEndItIsGiven()
    {
        // An exercised option moves the end: the same day is active under the extended end, expired under the initial one.
        var day = On(2028, 8, 1);

        Assert.Equal(ContractStatus.Expired, Contract.DeriveStatus(day, On(2021, 7, 1), On(2021, 8, 1), On(2028, 7, 31), null, null));
        Assert.Equal(ContractStatus.Active, Contract.DeriveStatus(day, On(2021, 7, 1), On(2021, 8, 1), On(2031, 7, 31), null, null));
    }
}
