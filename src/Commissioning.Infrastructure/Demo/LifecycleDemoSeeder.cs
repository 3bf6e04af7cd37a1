using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Domain.Lifecycle;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Finance;

namespace Commissioning.Infrastructure.Demo;

/// <summary>
/// Lifecycle events on the generated (fictional) contracts only, so the five papers' contracts stay as the
/// papers describe them: one extension option exercised, one variation under clause 53 that moves the value by
/// more than 10% on a contract outside the light-touch regime (so the change notice warning shows), and one
/// termination by notice. Dates are relative to today so the demo reads the same whenever it is started.
/// </summary>
public sealed class LifecycleDemoSeeder(CommissioningDbContext db, IClock clock)
{
    public async Task SeedAsync()
    {
        var today = clock.Today;
        var commissioner = await db.Users.Where(u => u.Email == "commissioner@demo.test")
            .Select(u => new Actor(u.Id, u.DisplayName)).SingleAsync();
        var decided = await db.ContractDecisions.Select(d => d.ContractId).ToListAsync();
        // Generated contracts are numbered from 100 in their year (SC-2023-0110); the papers' are below.
        var running = (await db.Contracts.ToListAsync())
            .Where(c => c.Reference.Length == 12 && c.Reference[9] == '1' && c.AwardedOn is not null
                        && c.StartDate <= today && c.CurrentEndDate > today.AddMonths(3) && !decided.Contains(c.Id))
            .OrderBy(c => c.Reference, StringComparer.Ordinal).ToList();
        EventRecord By(DateOnly date, string reason, string? decision) => new(date, reason, decision, commissioner, clock.UtcNow);

        // The first running contract with an option left (the one whose extension is on its way to the board has a decision
        // and is not among them); failing that, one that ran its first term out, two months before it ended.
        var generated = (await db.Contracts.ToListAsync())
            .Where(c => c.Reference.Length == 12 && c.Reference[9] == '1' && c.AwardedOn is not null && !decided.Contains(c.Id))
            .ToList();
        var extended = running.FirstOrDefault(c => c.NextExtensionOption() is not null)
            ?? generated.Where(c => c.NextExtensionOption() is not null && c.CurrentEndDate <= today)
                .OrderByDescending(c => c.CurrentEndDate).FirstOrDefault();
        if (extended is not null)
        {
            var on = extended.CurrentEndDate <= today ? extended.CurrentEndDate.AddMonths(-2) : today.AddDays(-20);
            db.ContractEvents.Add(ExtensionExercised.Next(extended,
                By(on, "The service performs well and the re-procurement will not be ready in time (fictional demo event).",
                    "Community Commissioning Management Team, " + Dates.Long(on.AddDays(-7)))));
            running.Remove(extended);
        }
        if (running.FirstOrDefault(c => c.ServiceCategory == ServiceCategory.Other && c.AnnualValuePence is > 0) is { } varied)
        {
            // Measured, as the Vary page does, against this year's value (agreed, else projected).
            var schedule = (await ContractFinance.LoadAsync(db, varied, default)).Schedule;
            var before = CurrentYearValue.Of(schedule, FinancialYear.Containing(today), varied.StartDate, varied.CurrentEndDate).Annual ?? varied.AnnualValue!.Value;
            var newValue = Money.FromPence(before.Pence * 115 / 100);
            db.ContractEvents.Add(ContractVariation.Record(varied, new VariationTerms(VariationChange.Value | VariationChange.Scope, "clause 53", newValue),
                By(today.AddDays(-40), "Additional advocacy hours for Care Act assessments after rising demand (fictional demo event).", "Delegated officer decision DOD-0412"), before));
            running.Remove(varied);
        }
        foreach (var c in running.Where(c => c.ExtensionOptions.Count == 0))
        {
            var served = today.AddMonths(-1);
            if (Contract.NoticeEndsOn(served, c.NoticePeriodMonths) > c.CurrentEndDate) continue;
            db.ContractEvents.Add(ContractTermination.ByNotice(c,
                By(served, "The provider gave notice: it is leaving the area (fictional demo event).", "Strategic Commissioning Board, " + Dates.Long(served))));
            break;
        }
        await db.SaveChangesAsync();
    }
}
