using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Tests.TestData;
using static Commissioning.Domain.Tests.TestData.Days;

namespace Commissioning.Domain.Tests.Contracts;

public class RenewalTests
{
    private static BlockContract Predecessor(int id = 41) =>
        A.Block().WithReference("SC-2016-0001")
            .From(On(2016, 4, 1)).To(On(2021, 3, 31)).AwardedOn(On(2016, 3, 1))
            .WithId(id).Build();

    [Fact]
    public void NewContract_HasNoPredecessor()
    {
        Assert.Null(A.PersonaContract().PredecessorId);
    }

    [Fact]
    public void Renews_LinksTheSuccessorToItsPredecessor()
    {
        var predecessor = Predecessor(id: 41);
        var successor = A.PersonaContract();

        successor.Renews(predecessor);

        Assert.Equal(41, successor.PredecessorId);
        Assert.Null(predecessor.PredecessorId);
    }

    [Fact]
    public void Renews_ANewPredecessor_LinksItsIdOfZero()
    {
        var predecessor = A.Block().WithReference("SC-2016-0001").From(On(2016, 4, 1)).To(On(2021, 3, 31)).Build();
        var successor = A.PersonaContract();

        successor.Renews(predecessor);

        Assert.Equal(0, predecessor.Id);
        Assert.Equal(0, successor.PredecessorId);
    }

    [Fact]
    public void Renews_StartingTheDayAfterThePredecessorStarts_IsAllowed()
    {
        // The rule only asks that a renewal start after its predecessor started; an overlap is allowed.
        var predecessor = Predecessor();
        var successor = A.Block().From(On(2016, 4, 2)).To(On(2021, 3, 31)).Build();

        successor.Renews(predecessor);

        Assert.Equal(41, successor.PredecessorId);
    }

    [Theory]
    [InlineData(2016, 4, 1)]    // the same day
    [InlineData(2016, 3, 31)]   // the day before
    [InlineData(2010, 1, 1)]
    public void Renews_StartingOnOrBeforeThePredecessorStarts_IsRefused(int y, int m, int d)
    {
        var predecessor = Predecessor();
        var successor = A.Block().From(On(y, m, d)).To(On(2021, 3, 31)).Build();

        var ex = Assert.Throws<BusinessRuleException>(() => successor.Renews(predecessor));

        Assert.IsType<SuccessorMustStartAfterPredecessorRule>(ex.Rule);
        Assert.Null(successor.PredecessorId);
    }

    [Fact]
    public void Renews_Refused_SaysWhichContractAndWhenItStarts()
    {
        using var _ = new CultureScope("en-GB");
        var predecessor = Predecessor();
        var successor = A.Block().From(On(2016, 4, 1)).To(On(2021, 3, 31)).Build();

        var ex = Assert.Throws<BusinessRuleException>(() => successor.Renews(predecessor));

        Assert.Equal("A renewal must start after the contract it renews (SC-2016-0001 starts 1 April 2016).", ex.Message);
    }

    [Fact]
    public void Renews_ItSelf_IsRefused()
    {
        var contract = A.PersonaContract();

        var ex = Assert.Throws<BusinessRuleException>(() => contract.Renews(contract));

        Assert.IsType<SuccessorMustStartAfterPredecessorRule>(ex.Rule);
        Assert.Null(contract.PredecessorId);
    }
}
