using Commissioning.Domain.Common;
using Commissioning.Domain.Tests.TestData;

namespace Commissioning.Domain.Tests.Common;

public class BusinessRuleTests
{
    private sealed class FixedRule(bool broken) : IBusinessRule
    {
        public bool IsBroken() => broken;
        public string Message => "Test rule message.";
    }

    [Fact]
    public void BusinessRuleException_CarriesTheRuleAndItsMessage()
    {
        var rule = new FixedRule(true);

        var ex = new BusinessRuleException(rule);

        Assert.Same(rule, ex.Rule);
        Assert.Equal("Test rule message.", ex.Message);
    }

    [Fact]
    public void StampCreated_RecordsWhoAndWhenForBothCreatedAndUpdated()
    {
        var contract = A.PersonaContract();
        var when = new DateTime(2021, 3, 24, 9, 30, 0, DateTimeKind.Utc);

        contract.StampCreated("jo@council.gov.uk", when);

        Assert.Equal("jo@council.gov.uk", contract.CreatedBy);
        Assert.Equal("jo@council.gov.uk", contract.UpdatedBy);
        Assert.Equal(when, contract.CreatedAtUtc);
        Assert.Equal(when, contract.UpdatedAtUtc);
        Assert.NotEqual(Guid.Empty, contract.Version);
    }

    [Fact]
    public void StampUpdated_KeepsTheCreationAndRenewsTheVersion()
    {
        var contract = A.PersonaContract();
        var created = new DateTime(2021, 3, 24, 9, 30, 0, DateTimeKind.Utc);
        var updated = new DateTime(2022, 1, 5, 14, 0, 0, DateTimeKind.Utc);
        contract.StampCreated("jo@council.gov.uk", created);
        var firstVersion = contract.Version;

        contract.StampUpdated("sam@council.gov.uk", updated);

        Assert.Equal("jo@council.gov.uk", contract.CreatedBy);
        Assert.Equal(created, contract.CreatedAtUtc);
        Assert.Equal("sam@council.gov.uk", contract.UpdatedBy);
        Assert.Equal(updated, contract.UpdatedAtUtc);
        Assert.NotEqual(firstVersion, contract.Version);
        Assert.NotEqual(Guid.Empty, contract.Version);
    }
}
