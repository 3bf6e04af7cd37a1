using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Lifecycle;
using Commissioning.Domain.Tests.TestData;
using static Commissioning.Domain.Tests.TestData.Days;

namespace Commissioning.Domain.Tests.Lifecycle;

public class ExtensionExercisedTests
{
    [Fact]
    public void Next_UsesTheOptionsInOrder_EachFromTheDayAfterTheLastEnd()
    {
        var kent = Life.KentHomecare(optionsExercised: false);

        var first = ExtensionExercised.Next(kent, Life.Record(On(2016, 3, 1)));
        var second = ExtensionExercised.Next(kent, Life.Record(On(2017, 3, 1)));

        Assert.Equal((1, On(2016, 5, 31), On(2017, 5, 31)), (first.OptionSequence, first.EndDateBefore, first.EndDateAfter));
        Assert.Equal((2, On(2017, 5, 31), On(2018, 5, 31)), (second.OptionSequence, second.EndDateBefore, second.EndDateAfter));
        Assert.Equal(On(2018, 5, 31), kent.CurrentEndDate);
        Assert.Equal(kent.MaximumEndDate, kent.CurrentEndDate);
        Assert.All(kent.ExtensionOptions, o => Assert.True(o.IsExercised));
        Assert.Equal(2, kent.ExercisedOptionCount);
    }

    [Fact]
    public void Next_RecordsTheEventDetails()
    {
        var kent = Life.KentHomecare(optionsExercised: false);

        var ev = ExtensionExercised.Next(kent, Life.Record(On(2016, 3, 1), " Demand is stable ", " 16/00012 "));

        Assert.Equal(ContractEventKind.ExtensionExercised, ev.Kind);
        Assert.Equal(On(2016, 3, 1), ev.EventDate);
        Assert.Equal("Demand is stable", ev.Reason);
        Assert.Equal("16/00012", ev.AuthorisingDecision);
        Assert.Equal(Life.Commissioner, ev.RecordedBy);
        Assert.Equal(Life.At, ev.RecordedAtUtc);
        Assert.Equal(12, ev.Months);
    }

    [Theory]
    [InlineData(2021, 4, 30, 1, 2021, 5, 31)]   // month end: to the end of May, not 30 May
    [InlineData(2027, 2, 28, 12, 2028, 2, 29)]  // into a leap year
    [InlineData(2028, 2, 29, 12, 2029, 2, 28)]  // out of a leap year
    [InlineData(2031, 3, 31, 12, 2032, 3, 31)]  // a 31 March year end stays a year end
    [InlineData(2021, 1, 31, 1, 2021, 2, 28)]
    public void Next_OneOption_EndsOnTheCorrespondingDay(int y, int m, int d, int months, int ey, int em, int ed)
    {
        var contract = A.Block().From(On(y - 1, 1, 1)).To(On(y, m, d)).WithOption(months).Build();

        Assert.Equal(On(ey, em, ed), ExtensionExercised.Next(contract, Life.Record(On(y, 1, 1))).EndDateAfter);
        Assert.Equal(On(ey, em, ed), contract.CurrentEndDate);
    }

    [Fact]
    public void Option_OutOfOrder_IsRefused()
    {
        var kent = Life.KentHomecare(optionsExercised: false);

        var ex = Assert.Throws<BusinessRuleException>(() => ExtensionExercised.Option(kent, 2, Life.Record(On(2016, 3, 1))));

        Assert.IsType<ExtensionOptionsMustBeExercisedInOrderRule>(ex.Rule);
        Assert.Equal("Extension options are used in order: option 2 cannot be exercised before option 1.", ex.Message);
        Assert.Equal(On(2016, 5, 31), kent.CurrentEndDate);
    }

    [Fact]
    public void Option_UsedTwice_IsRefused()
    {
        var kent = Life.KentHomecare(optionsExercised: false);
        ExtensionExercised.Option(kent, 1, Life.Record(On(2016, 3, 1)));

        var ex = Assert.Throws<BusinessRuleException>(() => ExtensionExercised.Option(kent, 1, Life.Record(On(2016, 4, 1))));

        Assert.IsType<ExtensionOptionCannotBeUsedTwiceRule>(ex.Rule);
        Assert.Equal("Extension option 1 has already been exercised; an option cannot be used twice.", ex.Message);
        Assert.Equal(On(2017, 5, 31), kent.CurrentEndDate);
    }

    [Fact]
    public void Next_WhenEveryOptionIsUsed_IsRefused()
    {
        var kent = Life.KentHomecare(optionsExercised: true);

        var ex = Assert.Throws<BusinessRuleException>(() => ExtensionExercised.Next(kent, Life.Record(On(2018, 1, 1))));

        Assert.IsType<ContractMustHaveAnExtensionOptionLeftRule>(ex.Rule);
        Assert.Contains("cannot be used twice", ex.Message);
    }

    [Fact]
    public void Next_WithNoOptions_IsRefused()
    {
        var ex = Assert.Throws<BusinessRuleException>(() => ExtensionExercised.Next(A.PersonaContract(), Life.Record(On(2030, 1, 1))));

        Assert.Equal("The contract has no extension options to exercise.", ex.Message);
    }

    [Fact]
    public void Option_ThatDoesNotExist_IsRefused()
    {
        var ex = Assert.Throws<BusinessRuleException>(() => A.PersonaContract().ExerciseOption(1));

        Assert.Equal("The contract has no extension option 1: choose one of its options", ex.Message);
    }

    [Fact]
    public void Option_ThatDoesNotExist_IsNamedBeforeTheMissingDecision_AndChangesNothing()
    {
        // Kent has options 1 and 2; a form asking for option 3 without a decision hears about the option first.
        var kent = Life.KentHomecare(optionsExercised: false);

        var ex = Assert.Throws<BusinessRuleException>(() => ExtensionExercised.Option(kent, 3, Life.Record(On(2016, 3, 1), decision: null)));

        Assert.IsType<ContractMustHaveTheExtensionOptionRule>(ex.Rule);
        Assert.Equal("The contract has no extension option 3: choose one of its options", ex.Message);
        Assert.Equal(On(2016, 5, 31), kent.CurrentEndDate);
        Assert.Equal(0, kent.ExercisedOptionCount);
    }

    [Fact]
    public void Next_BeyondTheMaximumEndDate_IsRefused()
    {
        // A continuation has already taken the contract part-way into the option years.
        var kent = Life.KentHomecare(optionsExercised: false);
        kent.ContinueTo(On(2017, 11, 30));

        var ex = Assert.Throws<BusinessRuleException>(() => ExtensionExercised.Next(kent, Life.Record(On(2017, 6, 1))));

        Assert.IsType<ExtensionCannotExceedMaximumEndDateRule>(ex.Rule);
        Assert.Equal("The extension would take the contract to 30 November 2018, beyond its maximum end date of 31 May 2018.", ex.Message);
        Assert.Equal(On(2017, 11, 30), kent.CurrentEndDate);
        Assert.Equal(0, kent.ExercisedOptionCount);
    }

    [Fact]
    public void Next_WithoutAReason_IsRefusedAndChangesNothing()
    {
        var kent = Life.KentHomecare(optionsExercised: false);

        var ex = Assert.Throws<BusinessRuleException>(() => ExtensionExercised.Next(kent, Life.Record(On(2016, 3, 1), reason: " ")));

        Assert.Equal("An extension needs a reason.", ex.Message);
        Assert.Equal(0, kent.ExercisedOptionCount);
    }

    [Fact]
    public void Next_WithoutAnAuthorisingDecision_IsRefusedAndChangesNothing()
    {
        var kent = Life.KentHomecare(optionsExercised: false);

        var ex = Assert.Throws<BusinessRuleException>(() => ExtensionExercised.Next(kent, Life.Record(On(2016, 3, 1), decision: null)));

        Assert.IsType<EventNeedsAnAuthorisingDecisionRule>(ex.Rule);
        Assert.Equal(On(2016, 5, 31), kent.CurrentEndDate);
    }

    [Fact]
    public void Next_OnATerminatedContract_IsRefused()
    {
        var kent = Life.KentHomecare(optionsExercised: false);
        kent.TerminateOn(On(2016, 1, 31), "Provider failure");

        var ex = Assert.Throws<BusinessRuleException>(() => ExtensionExercised.Next(kent, Life.Record(On(2016, 1, 1))));

        Assert.IsType<TerminatedContractCannotChangeRule>(ex.Rule);
    }

    [Fact]
    public void ExerciseNextOption_OnTheContract_ReturnsTheNewEnd()
    {
        var bnes = A.BathAndNorthEastSomerset().Build();

        Assert.Equal(On(2031, 7, 31), bnes.ExerciseNextOption());
        Assert.Null(bnes.NextExtensionOption());
    }
}
