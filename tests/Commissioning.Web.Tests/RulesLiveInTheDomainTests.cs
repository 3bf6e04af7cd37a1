using Commissioning.Domain.Common;

namespace Commissioning.Web.Tests;

/// <summary>
/// A business rule belongs to the aggregate it protects (decision 0001): a page maps a broken rule's message
/// to a field, it does not make rules of its own, where no domain test would ever see them.
/// </summary>
public sealed class RulesLiveInTheDomainTests
{
    [Fact]
    public void No_type_in_the_web_assembly_implements_a_business_rule()
    {
        // GetTypes includes private nested classes, which is where page rules used to hide.
        var rules = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IBusinessRule).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(rules.Count == 0, "Move these rules into the aggregate they protect: " + string.Join(", ", rules));
    }
}
