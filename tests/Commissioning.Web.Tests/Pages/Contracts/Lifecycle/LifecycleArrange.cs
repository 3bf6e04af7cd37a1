using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Web.Tests.Pages.Contracts.Lifecycle;

/// <summary>Contracts with known dates for the lifecycle page tests, added straight to the database.</summary>
internal static class LifecycleArrange
{
    private static int Next;

    public static async Task<int> BlockAsync(CommissioningFactory factory, DateOnly start, DateOnly end, int[]? options = null,
        int noticeMonths = 3, ServiceCategory category = ServiceCategory.SupportedLiving, long valuePence = 100_000_00)
    {
        await using var scope = factory.OpenDb();
        var provider = await scope.Db.Providers.Select(p => p.Id).FirstAsync();
        var contract = new BlockContract(provider, Money.FromPence(valuePence));
        var reference = $"LC-{Interlocked.Increment(ref Next):0000}-{Guid.NewGuid().ToString("N")[..6]}";
        contract.Describe(new ContractDescription(reference, "Lifecycle test " + reference, null, category, await scope.Db.DirectorateIdAsync("Adult Social Care"),
            ResponsibleCommissioner.Historic("Test Commissioner"),
            ProcurementRoute.OpenTender, false, Confidentiality.Open));
        contract.SetTerm(new ContractTerm(start, end, (options ?? []).Select(m => new ExtensionOptionTerm(m, false)).ToList(), noticeMonths));
        contract.RecordAward(start.AddDays(-30), lettingDecision: null);
        scope.Db.Contracts.Add(contract);
        await scope.Db.SaveChangesAsync();
        return contract.Id;
    }

    public static async Task<Contract> LoadAsync(CommissioningFactory factory, int id)
    {
        await using var scope = factory.OpenDb();
        return await scope.Db.Contracts.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    public static async Task<int> EventCountAsync(CommissioningFactory factory, int id)
    {
        await using var scope = factory.OpenDb();
        return await scope.Db.ContractEvents.CountAsync(e => e.ContractId == id);
    }

    public static FormFields Date(this FormFields f, string name, DateOnly d) => ContractInput.Date(f, name, d);
}
