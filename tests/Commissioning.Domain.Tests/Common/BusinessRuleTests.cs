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

        contract.StampCreated("Jo Smith", when, "user-jo");

        Assert.Equal("Jo Smith", contract.CreatedBy);
        Assert.Equal("Jo Smith", contract.UpdatedBy);
        Assert.Equal("user-jo", contract.CreatedById);
        Assert.Equal("user-jo", contract.UpdatedById);
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
        contract.StampCreated("Jo Smith", created, "user-jo");
        var firstVersion = contract.Version;

        contract.StampUpdated("Sam Patel", updated, "user-sam");

        Assert.Equal(("Jo Smith", "user-jo"), (contract.CreatedBy, contract.CreatedById));
        Assert.Equal(created, contract.CreatedAtUtc);
        Assert.Equal(("Sam Patel", "user-sam"), (contract.UpdatedBy, contract.UpdatedById));
        Assert.Equal(updated, contract.UpdatedAtUtc);
        Assert.NotEqual(firstVersion, contract.Version);
        Assert.NotEqual(Guid.Empty, contract.Version);
    }
}
