using Commissioning.Infrastructure.Data;

namespace Commissioning.Infrastructure.Import;

/// <summary>The dry run: reads the register and says what an import would do, writing nothing.</summary>
public sealed class ImportPlanner(CommissioningDbContext db)
{
    // Owner: the "planning" part. Stub until it lands.
    public Task<ImportPlan> PlanAsync(ImportTable table, ImportSettings settings, CancellationToken ct) =>
        throw new NotImplementedException($"ImportPlanner is being written ({db.GetType().Name}).");
}
