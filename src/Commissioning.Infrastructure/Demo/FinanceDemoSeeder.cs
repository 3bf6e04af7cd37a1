using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Finance;

namespace Commissioning.Infrastructure.Demo;

/// <summary>
/// The papers' money: Persona's 2019/20 value and its two savings years (so the renewal shows
/// £11,393,408 and £9,893,408 without anyone typing them), Leicestershire's £1m, B&amp;NES's
/// £73,325 and its Section 117 / KLB60 / KGB70 funding. The other contracts get a history of
/// agreed reviews so the portfolio has years to compare; a few are left due, one waiting.
/// </summary>
internal sealed class FinanceDemoSeeder(CommissioningDbContext db, IClock clock)
{
    private Actor _commissioner = null!, _finance = null!;

    public async Task SeedAsync()
    {
        _commissioner = await ActorAsync("commissioner@demo.test");
        _finance = await ActorAsync("finance@demo.test");
        var contracts = await db.Contracts.ToDictionaryAsync(c => c.Reference);

        // Persona: the 2019/20 value on the old contract is where the renewal's values start.
        var personaOld = contracts["SC-2015-0001"];
        Agree(Propose(personaOld, new FinancialYear(2019), Money.Pounds(12_393_408m), "Contract value for 2019/20 (report section 7.1)."));
        var persona = contracts["SC-2021-0001"];
        db.SavingsTargets.AddRange(
            new SavingsTarget(persona.Id, new FinancialYear(2021), new SavingsDetails(Money.Pounds(1_000_000m), SavingsKind.CashableReduction,
                "Innovation and savings programme, year one: reduction in the baseline contract value", "Julie Gonda", Money.Pounds(1_000_000m))),
            new SavingsTarget(persona.Id, new FinancialYear(2022), new SavingsDetails(Money.Pounds(1_500_000m), SavingsKind.CashableReduction,
                "Innovation and savings programme, year two: a further reduction in the baseline", "Julie Gonda", Money.Pounds(1_200_000m))));
        await db.SaveChangesAsync();
        // The first two years were set with the renewal (report 7.2): review and agree what the savings point to.
        foreach (var year in new[] { new FinancialYear(2021), new FinancialYear(2022) })
            await ReviewAtSuggestionAsync(persona, year, null, "Set with the renewal: the baseline less the agreed reduction (report 7.2).");

        // Leicestershire: the MTFS savings the Help to Live at Home procurement was to deliver.
        var lot1 = contracts["SC-2016-0001"];
        db.SavingsTargets.Add(new SavingsTarget(lot1.Id, new FinancialYear(2017), new SavingsDetails(Money.Pounds(1_000_000m), SavingsKind.CostAvoidance,
            "County Council savings target of £1m by 2017/18 (MTFS), through lower unit costs across the Help to Live at Home lots", "Sandy McMillan", Money.Pounds(820_000m))));

        // B&NES: the paper's estimate is agreed for 2021/22; 8 months of it is paid that year.
        var bnes = contracts["SC-2021-0003"];
        var opening = AnnualValueReview.OpeningEntry(bnes.Id, bnes.CurrentTerm, bnes.AnnualValue!.Value, _commissioner, Utc(bnes.AwardedOn!.Value));
        db.AnnualValueReviews.Add(opening);
        db.SavingsTargets.Add(new SavingsTarget(bnes.Id, new FinancialYear(2021), new SavingsDetails(Money.Pounds(73_325m), SavingsKind.CostAvoidance,
            "Saving on the £2.5m spend on these services in 2021/22 (section 3.6); more as existing packages move to the new model", "Director of Adult Social Care", Money.Pounds(73_325m))));
        await db.SaveChangesAsync();
        var plan = new FundingPlan(bnes.Id, new FinancialYear(2021));
        // £471,574 in 2021/22: Section 117 health funding £40,932 (section 3.7), the rest council revenue, at least 90% from KLB60.
        plan.Split([
            new FundingLine(FundingSource.CouncilRevenue, "KLB60", Money.Pounds(387_577.80m)),
            new FundingLine(FundingSource.CouncilRevenue, "KGB70", Money.Pounds(43_064.20m)),
            new FundingLine(FundingSource.Section117Aftercare, null, Money.Pounds(40_932m)),
        ], opening.YearValue);
        db.FundingPlans.Add(plan);
        await db.SaveChangesAsync();

        await SeedHistoriesAsync(contracts.Values.Where(c => c.Reference.Length == 12 && int.Parse(c.Reference[8..]) >= 100 || c.Reference is "SC-2021-0002" or "SC-2016-0001" or "SC-2016-0002"));
    }

    /// <summary>Opening value, then a yearly review with an inflation uplift up to this year; every fourth contract's latest year is left due.</summary>
    private async Task SeedHistoriesAsync(IEnumerable<Contract> contracts)
    {
        var thisYear = FinancialYear.Containing(clock.Today);
        var n = 0;
        var seeded = contracts.Where(c => c.AwardedOn is not null && c.AnnualValue is not null).OrderBy(c => c.Reference, StringComparer.Ordinal).ToList();
        foreach (var c in seeded)
        {
            n++;
            db.AnnualValueReviews.Add(AnnualValueReview.OpeningEntry(c.Id, c.CurrentTerm, c.AnnualValue!.Value, _commissioner, Utc(c.AwardedOn!.Value)));
            await db.SaveChangesAsync();
            var years = FinancialYear.Spanning(c.CurrentTerm).Skip(1).Where(y => y <= thisYear).ToList();
            if (n % 4 == 0 && years.Count > 0 && years[^1] == thisYear) years.RemoveAt(years.Count - 1);
            foreach (var y in years)
                await ReviewAtSuggestionAsync(c, y, 2.5m + (y.StartYear % 3), "Annual review: inflation uplift; outcomes and performance satisfactory.");
        }
        // One review waiting for a finance officer: next year's National Living Wage rise on the first contract running into it.
        var waiting = seeded.FirstOrDefault(c => c.CurrentTerm.Overlaps(thisYear.Next.Range));
        if (waiting is not null)
        {
            var finance = await ContractFinance.LoadAsync(db, waiting, default);
            var position = finance.Schedule.PositionFor(thisYear.Next, 4m);
            db.AnnualValueReviews.Add(AnnualValueReview.Propose(waiting.Id, waiting.CurrentTerm, thisYear.Next, ValueSchedule.Suggested(position)!.Value,
                new ReviewFactors(true, true, false, false, UpliftKind.NationalLivingWage, 4m), "National Living Wage rise for next April.", position, _commissioner, clock.UtcNow));
            await db.SaveChangesAsync();
        }
    }

    private async Task ReviewAtSuggestionAsync(Contract c, FinancialYear year, decimal? uplift, string narrative)
    {
        var finance = await ContractFinance.LoadAsync(db, c, default);
        var position = finance.Schedule.PositionFor(year, uplift);
        var factors = new ReviewFactors(true, true, true, uplift is null, uplift is null ? UpliftKind.None : UpliftKind.Inflation, uplift);
        var review = AnnualValueReview.Propose(c.Id, c.CurrentTerm, year, ValueSchedule.Suggested(position)!.Value, factors, narrative, position,
            _commissioner, Utc(year.Start.AddMonths(-2)));
        Agree(review);
        await db.SaveChangesAsync();
    }

    private AnnualValueReview Propose(Contract c, FinancialYear year, Money annual, string narrative) =>
        AnnualValueReview.Propose(c.Id, c.CurrentTerm, year, annual, ReviewFactors.None, narrative, new YearPosition(null, Money.Zero, Money.Zero),
            _commissioner, Utc(year.Start.AddMonths(-2)));

    private void Agree(AnnualValueReview review)
    {
        review.Agree(_finance, review.ProposedAtUtc.AddDays(14), "Checked against the budget.", null);
        db.AnnualValueReviews.Add(review);
    }

    private static DateTime Utc(DateOnly d) => d.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);

    private async Task<Actor> ActorAsync(string email)
    {
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Email == email);
        return new Actor(user.Id, user.DisplayName);
    }
}
