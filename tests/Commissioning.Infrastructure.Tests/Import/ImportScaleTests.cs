using System.Globalization;
using Commissioning.Infrastructure.Import;

namespace Commissioning.Infrastructure.Tests.Import;

/// <summary>
/// 10,000 rows plan correctly against a register that already holds some of them. Only correctness is checked: the
/// time (under 10 s on the project's machine) is measured by bench/, not asserted here.
/// </summary>
public sealed class ImportScaleTests : ImportTestBase
{
    [Fact]
    public async Task Ten_thousand_rows_plan_with_the_right_outcome_for_each()
    {
        var first = Enumerable.Range(1, 100).Select(i => Row(Reference(i), provider: $"Provider {i % 40}")).ToArray();
        await ImportAsync(StandardTable(first), StandardSettings());

        var rows = Enumerable.Range(1, 10_000).Select(i => i switch
        {
            <= 50 => Row(Reference(i), provider: $"Provider {i % 40}"),
            <= 100 => Row(Reference(i), provider: $"Provider {i % 40}", annual: "130000"),
            <= 110 => Row(Reference(i), annual: "12k"),
            _ => Row(Reference(i), provider: $"Provider {i % 500}"),
        }).ToArray();
        var plan = await PlanAsync(StandardTable(rows), StandardSettings());

        Assert.Equal(10_000, plan.Rows.Count);
        Assert.Equal((9_890, 50, 50, 10), (plan.Count(RowOutcome.Create), plan.Count(RowOutcome.Update), plan.Count(RowOutcome.Unchanged), plan.Count(RowOutcome.Refuse)));
        Assert.All(plan.Rows.Where(r => r.Outcome == RowOutcome.Update), r => Assert.Equal("£130,000.00", Assert.Single(r.Changes).New));
        // Providers 0 to 39 were created by the first import; 40 to 499 are new.
        Assert.Equal(460, plan.UnmatchedProviders.Count);
    }

    private static string Reference(int i) => "SC-" + i.ToString("00000", CultureInfo.InvariantCulture);
}
