using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Tests.TestData;
using static Commissioning.Domain.Tests.TestData.Days;

namespace Commissioning.Domain.Tests.Contracts;

public class ContractTermTests
{
    // ---- extending an end date ----

    [Theory]
    [InlineData(2021, 4, 30, 1, 2021, 5, 31)]    // runs from the day after: 1 May to 31 May
    [InlineData(2027, 2, 28, 12, 2028, 2, 29)]   // 1 March 2027 + 12 months, less a day: leap day
    [InlineData(2028, 7, 31, 36, 2031, 7, 31)]   // B&NES option
    [InlineData(2031, 3, 31, 24, 2033, 3, 31)]
    [InlineData(2021, 6, 30, 1, 2021, 7, 31)]
    [InlineData(2024, 2, 29, 12, 2025, 2, 28)]
    public void Extend_ByMonths_RunsFromTheDayAfterTheEnd(int y, int m, int d, int months, int ey, int em, int ed)
    {
        Assert.Equal(On(ey, em, ed), Contract.Extend(On(y, m, d), months));
    }

    [Fact]
    public void Extend_ByNoMonths_KeepsTheEnd()
    {
        Assert.Equal(On(2021, 4, 30), Contract.Extend(On(2021, 4, 30), 0));
    }

    [Fact]
    public void Extend_ByOneMonthFromTheEndOfApril_EndsAtTheEndOfMayNotThe30th()
    {
        // A naive AddMonths would give 30 May.
        Assert.NotEqual(On(2021, 4, 30).AddMonths(1), Contract.Extend(On(2021, 4, 30), 1));
        Assert.Equal(On(2021, 5, 31), Contract.Extend(On(2021, 4, 30), 1));
    }

    // ---- setting a term ----

    [Fact]
    public void SetTerm_RecordsTheDatesAndNotice()
    {
        var contract = A.PersonaContract();

        Assert.Equal(On(2021, 4, 1), contract.StartDate);
        Assert.Equal(On(2031, 3, 31), contract.InitialEndDate);
        Assert.Equal(12, contract.NoticePeriodMonths);
        Assert.Empty(contract.ExtensionOptions);
    }

    [Fact]
    public void SetTerm_WithNoOptions_CurrentAndMaximumEndAreTheInitialEnd()
    {
        var contract = A.PersonaContract();

        Assert.Equal(On(2031, 3, 31), contract.CurrentEndDate);
        Assert.Equal(On(2031, 3, 31), contract.MaximumEndDate);
        Assert.Equal(contract.InitialTerm, contract.CurrentTerm);
        Assert.Equal(contract.InitialTerm, contract.MaximumTerm);
        Assert.Equal(0, contract.ExercisedOptionCount);
    }

    [Fact]
    public void SetTerm_WithAnUnexercisedOption_ExtendsOnlyTheMaximumEnd()
    {
        // B&NES: 1 August 2021 to 31 July 2028 with one 36-month option.
        var contract = A.BathAndNorthEastSomerset(optionExercised: false).Build();

        Assert.Equal(On(2028, 7, 31), contract.CurrentEndDate);
        Assert.Equal(On(2031, 7, 31), contract.MaximumEndDate);
        Assert.Equal(new DateRange(On(2021, 8, 1), On(2028, 7, 31)), contract.CurrentTerm);
        Assert.Equal(new DateRange(On(2021, 8, 1), On(2031, 7, 31)), contract.MaximumTerm);
        Assert.Equal(0, contract.ExercisedOptionCount);
    }

    [Fact]
    public void SetTerm_WithTheOptionExercised_ExtendsTheCurrentEndToo()
    {
        var contract = A.BathAndNorthEastSomerset(optionExercised: true).Build();

        Assert.Equal(On(2028, 7, 31), contract.InitialEndDate);
        Assert.Equal(On(2031, 7, 31), contract.CurrentEndDate);
        Assert.Equal(On(2031, 7, 31), contract.MaximumEndDate);
        Assert.Equal(1, contract.ExercisedOptionCount);
    }

    [Fact]
    public void SetTerm_WithSeveralOptions_CurrentEndCountsOnlyTheExercisedOnes()
    {
        var contract = A.Block()
            .From(On(2021, 4, 1)).To(On(2026, 3, 31))
            .WithOption(24, exercised: true)
            .WithOption(12)
            .WithOption(6)
            .Build();

        Assert.Equal(On(2028, 3, 31), contract.CurrentEndDate);
        Assert.Equal(On(2029, 9, 30), contract.MaximumEndDate);
        Assert.Equal(1, contract.ExercisedOptionCount);
    }

    [Fact]
    public void SetTerm_NumbersTheOptionsInOrderFromOne()
    {
        var contract = A.Block().WithOption(24, exercised: true).WithOption(12).Build();

        Assert.Collection(contract.ExtensionOptions,
            o => { Assert.Equal(1, o.Sequence); Assert.Equal(24, o.Months); Assert.True(o.IsExercised); },
            o => { Assert.Equal(2, o.Sequence); Assert.Equal(12, o.Months); Assert.False(o.IsExercised); });
    }

    [Fact]
    public void SetTerm_AgainWithFewerOptions_ReplacesTheOptionsAndTheDerivedEnds()
    {
        var contract = A.BathAndNorthEastSomerset(optionExercised: true).Build();

        contract.SetTerm(new ContractTerm(On(2021, 8, 1), On(2028, 7, 31), [], 6));

        Assert.Empty(contract.ExtensionOptions);
        Assert.Equal(On(2028, 7, 31), contract.CurrentEndDate);
        Assert.Equal(On(2028, 7, 31), contract.MaximumEndDate);
        Assert.Equal(6, contract.NoticePeriodMonths);
    }

    [Fact]
    public void SetTerm_OptionTwoExercisedBeforeOptionOne_IsRefused()
    {
        var contract = A.PersonaContract();
        var term = new ContractTerm(On(2021, 4, 1), On(2026, 3, 31), [new(24, false), new(12, true)], 12);

        var ex = Assert.Throws<BusinessRuleException>(() => contract.SetTerm(term));

        Assert.IsType<ExtensionOptionsMustBeUsedInOrderRule>(ex.Rule);
        Assert.Equal(ex.Rule.Message, ex.Message);
    }

    [Fact]
    public void SetTerm_RefusedForOptionOrder_LeavesTheTermAsItWas()
    {
        var contract = A.PersonaContract();
        var term = new ContractTerm(On(2022, 4, 1), On(2026, 3, 31), [new(24, false), new(12, true)], 3);

        Assert.Throws<BusinessRuleException>(() => contract.SetTerm(term));

        Assert.Equal(On(2021, 4, 1), contract.StartDate);
        Assert.Equal(On(2031, 3, 31), contract.CurrentEndDate);
        Assert.Equal(12, contract.NoticePeriodMonths);
        Assert.Empty(contract.ExtensionOptions);
    }

    [Theory]
    [InlineData(new[] { true, true, false }, false)]
    [InlineData(new[] { true, false, false }, false)]
    [InlineData(new[] { false, false, false }, false)]
    [InlineData(new[] { true, true, true }, false)]
    [InlineData(new[] { true, false, true }, true)]
    [InlineData(new[] { false, true, true }, true)]
    [InlineData(new[] { false, false, true }, true)]
    public void ExtensionOptionsMustBeUsedInOrderRule_IsBrokenOnlyByAGap(bool[] exercised, bool broken)
    {
        var options = exercised.Select((e, i) => new ExtensionOption(i + 1, 12, e)).ToList();

        Assert.Equal(broken, new ExtensionOptionsMustBeUsedInOrderRule(options).IsBroken());
    }

    [Fact]
    public void ExtensionOptionsMustBeUsedInOrderRule_SaysWhatIsWrongInASentence()
    {
        var rule = new ExtensionOptionsMustBeUsedInOrderRule([]);

        Assert.Equal("Extension options are used in order: an option cannot be exercised before the ones above it.", rule.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-12)]
    [InlineData(Contract.MaxTermMonths + 1)]
    public void SetTerm_AnOptionOfImpossibleLength_IsRefused(int months)
    {
        var contract = A.PersonaContract();
        var term = new ContractTerm(On(2021, 4, 1), On(2031, 3, 31), [new(months, false)], 12);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => contract.SetTerm(term));
        Assert.Equal("months", ex.ParamName);
    }

    [Fact]
    public void SetTerm_EndBeforeStart_IsRefused()
    {
        var contract = A.PersonaContract();
        var term = new ContractTerm(On(2031, 3, 31), On(2021, 4, 1), [], 12);

        var ex = Assert.Throws<ArgumentException>(() => contract.SetTerm(term));

        Assert.Contains("cannot be before the start", ex.Message);
        Assert.Equal(On(2021, 4, 1), contract.StartDate);
    }

    [Fact]
    public void SetTerm_OfASingleDay_IsAllowed()
    {
        var contract = A.Block().From(On(2021, 4, 1)).To(On(2021, 4, 1)).Build();

        Assert.Equal(1, contract.CurrentTerm.Days);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(Contract.MaxNoticeMonths + 1)]
    public void SetTerm_ANoticePeriodOutOfRange_IsRefused(int months)
    {
        var contract = A.PersonaContract();
        var term = new ContractTerm(On(2021, 4, 1), On(2031, 3, 31), [], months);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => contract.SetTerm(term));
        Assert.Contains("notice period", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Contract.MaxNoticeMonths)]
    public void SetTerm_ANoticePeriodAtTheEdges_IsAllowed(int months)
    {
        var contract = A.Block().WithNotice(months).Build();

        Assert.Equal(months, contract.NoticePeriodMonths);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("  Either party on six months' notice after year five.  ", "Either party on six months' notice after year five.")]
    public void SetTerm_BreakClause_IsTrimmedAndBlankBecomesNull(string? given, string? expected)
    {
        var contract = A.PersonaContract();

        contract.SetTerm(new ContractTerm(On(2021, 4, 1), On(2031, 3, 31), [], 12, given));

        Assert.Equal(expected, contract.BreakClause);
    }

    // ---- notice ----

    [Fact]
    public void NoticeDeadline_TwelveMonthsBeforeA31MarchEnd_IsThe1stOfAprilAYearBefore()
    {
        // Persona: ends 31 March 2031 on twelve months' notice.
        Assert.Equal(On(2030, 4, 1), A.PersonaContract().NoticeDeadline);
    }

    [Fact]
    public void NoticeDeadline_FollowsTheCurrentEndNotTheMaximum()
    {
        var unexercised = A.BathAndNorthEastSomerset(optionExercised: false).WithNotice(6).Build();
        var exercised = A.BathAndNorthEastSomerset(optionExercised: true).WithNotice(6).Build();

        Assert.Equal(On(2028, 2, 1), unexercised.NoticeDeadline);
        Assert.Equal(On(2031, 2, 1), exercised.NoticeDeadline);
    }

    [Theory]
    [InlineData(1, 2031, 3, 1)]
    [InlineData(3, 2031, 1, 1)]
    [InlineData(24, 2029, 4, 1)]
    public void NoticeDeadline_LeavesExactlyTheNoticePeriodToTheEnd(int months, int y, int m, int d)
    {
        Assert.Equal(On(y, m, d), A.Block().WithNotice(months).Build().NoticeDeadline);
    }
}
