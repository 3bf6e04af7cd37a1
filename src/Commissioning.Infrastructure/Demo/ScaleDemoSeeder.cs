using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Domain.Providers;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Finance;

namespace Commissioning.Infrastructure.Demo;

/// <summary>
/// <c>Demo:ExtraContracts</c>: a large council's register on top of the demo, to see and measure the app at
/// scale. Proportions follow a big council's real register: about one provider to 12 contracts, a value
/// review for every year a contract has run, half of them
/// returned once before agreement (about 9 each), a savings target on one contract in 5 and a
/// funding split on one in 10. Deterministic from a fixed seed; dates count from today, as the demo's do.
/// The rows are built through the domain (so every rule holds) and saved in batches without an audit entry
/// each (<see cref="CommissioningDbContext.SaveGeneratedAsync"/>; the reviews and savings, nine rows in ten, by
/// <see cref="BulkInsert"/>): a hundred thousand audit rows would say nothing and take minutes.
/// </summary>
internal sealed class ScaleDemoSeeder(CommissioningDbContext db, IClock clock, int count)
{
    private const int Batch = 500;
    private static readonly string[] First = ["Abbey", "Beacon", "Brook", "Castle", "Cedar", "Chapel", "Clover", "Dale", "Elm", "Fern",
        "Forest", "Harbour", "Heath", "Hill", "Holly", "Kings", "Lake", "Lime", "Maple", "Meadow", "Mill", "Moor", "Oak", "Orchard",
        "Park", "Priory", "Queens", "Ridge", "River", "Rose", "Spring", "Stone", "Vale", "Willow", "Wood", "Yew"];
    private static readonly string[] Second = ["Care", "Support", "Homecare", "Living", "Lodge", "House", "Community", "Wellbeing", "Health", "Partners"];
    private static readonly (string Suffix, OrganisationType Type, bool Sme, bool Vcse)[] Kinds =
        [(" Ltd", OrganisationType.PrivateCompany, true, false), (" Limited", OrganisationType.PrivateCompany, false, false),
         (" CIC", OrganisationType.Vcse, true, true), (" Trust", OrganisationType.Vcse, true, true), (" Group Ltd", OrganisationType.PrivateCompany, false, false)];
    private static readonly (string Title, ServiceCategory Category, RateUnit Unit)[] Services =
    [
        ("Home care", ServiceCategory.DomiciliaryCare, RateUnit.Hour),
        ("Supported living", ServiceCategory.SupportedLiving, RateUnit.Week),
        ("Residential care placements", ServiceCategory.ResidentialCare, RateUnit.Week),
        ("Nursing care placements", ServiceCategory.ResidentialCare, RateUnit.Week),
        ("Day opportunities", ServiceCategory.DayServices, RateUnit.Placement),
        ("Community health and wellbeing", ServiceCategory.CommunityHealth, RateUnit.Hour),
        ("Respite and short breaks", ServiceCategory.Other, RateUnit.Night),
    ];

    private readonly Random _random = new(15_000);
    private readonly Dictionary<int, int> _numbers = [];

    /// <summary>Adds the contracts unless a generated set is there already; returns how many it added.</summary>
    public async Task<int> SeedAsync(Actor commissioner, Actor finance, CancellationToken ct = default)
    {
        if (count <= 0 || await db.Contracts.AnyAsync(c => c.Description == DemoOptions.GeneratedMarker, ct)) return 0;
        var directorates = await db.Directorates.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
        foreach (var r in await db.Contracts.Select(c => c.Reference).ToListAsync(ct))
            if (int.TryParse(r.AsSpan(3, 4), out var y)) _numbers[y] = Math.Max(_numbers.GetValueOrDefault(y), 1000);
        var providers = await ProvidersAsync(Math.Max(2, count / 12), ct);
        var today = clock.Today;
        var thisYear = FinancialYear.Containing(today);

        for (var done = 0; done < count; done += Batch)
        {
            var contracts = Enumerable.Range(done, Math.Min(Batch, count - done)).Select(i => Contract(i, providers, directorates, commissioner, today)).ToList();
            db.Contracts.AddRange(contracts);
            await db.SaveGeneratedAsync(ct);
            db.ChangeTracker.Clear();
            var (reviews, savings) = (new List<AnnualValueReview>(), new List<SavingsTarget>());
            foreach (var c in contracts) Finance(c, commissioner, finance, thisYear, reviews, savings);
            foreach (var row in reviews.Cast<AuditedAggregate>().Concat(savings)) row.StampCreated("Demo data", clock.UtcNow);
            await BulkInsert.InsertAsync(db, reviews, ct);
            await BulkInsert.InsertAsync(db, savings, ct);
            await db.SaveGeneratedAsync(ct);
            db.ChangeTracker.Clear();
        }
        return count;
    }

    private async Task<IReadOnlyList<int>> ProvidersAsync(int n, CancellationToken ct)
    {
        var taken = (await db.Providers.Select(p => p.Name).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var list = new List<Provider>();
        for (var i = 0; list.Count < n; i++)
        {
            var kind = Kinds[i % Kinds.Length];
            var name = $"{First[i % First.Length]} {Second[i / First.Length % Second.Length]}{kind.Suffix}" + (i >= First.Length * Second.Length ? $" ({i / (First.Length * Second.Length) + 1})" : "");
            if (!taken.Add(name)) continue;
            list.Add(new Provider(new ProviderDetails(name, kind.Type, kind.Sme, kind.Vcse, Address: "Generated for the demo")));
        }
        db.Providers.AddRange(list);
        await db.SaveGeneratedAsync(ct);
        db.ChangeTracker.Clear();
        return list.Select(p => p.Id).ToList();
    }

    private Contract Contract(int i, IReadOnlyList<int> providers, IReadOnlyList<int> directorates, Actor commissioner, DateOnly today)
    {
        var (service, category, unit) = Services[i % Services.Length];
        var at = _random.Next(providers.Count);
        var provider = providers[at];
        var partner = providers[(at + 1 + _random.Next(providers.Count - 1)) % providers.Count];
        // Started up to 15 years ago (or due to start within a few months), for 5 to 15 years: most are running,
        // about a third have ended, and some end in every coming month.
        var years = 5 + _random.Next(11);
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-_random.Next(-4, 15 * 12));
        var value = Money.FromPence(_random.NextInt64(20_000_00, 3_000_000_00));
        Contract contract = (i % 10) switch
        {
            < 5 => new BlockContract(provider, value),
            < 8 => new SpotContract(provider, [new RateCardLine(service, unit, Money.FromPence(_random.NextInt64(15_00, 1_500_00)))], value),
            8 => new LeadProviderContract(provider, value, [new SubContract(partner, service + " in one locality", Money.FromPence(value.Pence / 5))]),
            _ => new ConsortiumContract([new ConsortiumMember(provider, service, true), new ConsortiumMember(partner, service, false)], value),
        };
        var startYear = FinancialYear.Containing(start).StartYear;
        _numbers[startYear] = _numbers.GetValueOrDefault(startYear, 1000) + 1;
        contract.Describe(new ContractDescription($"SC-{startYear}-{_numbers[startYear]:0000}", $"{service} – {Areas[i % Areas.Length]}", DemoOptions.GeneratedMarker,
            category, directorates[i % directorates.Count],
            i % 3 == 0 ? ResponsibleCommissioner.User(commissioner.UserId!) : ResponsibleCommissioner.Historic(Officers[i % Officers.Length]),
            i % 4 == 3 ? ProcurementRoute.FrameworkCallOff : ProcurementRoute.OpenTender, i % 6 == 0, Confidentiality.Open));
        contract.SetTerm(new ContractTerm(start, DateRange.OfMonths(start, years * 12).End,
            i % 2 == 0 ? [new ExtensionOptionTerm(12, false), new ExtensionOptionTerm(12, false)] : [], 3 + i % 4));
        // One in 25 is still a draft, waiting for its award.
        if (i % 25 != 7) contract.RecordAward(start.AddDays(-30), lettingDecision: null);
        return contract;
    }

    /// <summary>The opening value, a review agreed for every year run so far (every fourth contract's current year still due), savings and funding.</summary>
    private void Finance(Contract c, Actor commissioner, Actor finance, FinancialYear thisYear, List<AnnualValueReview> reviews, List<SavingsTarget> savings)
    {
        if (c.AwardedOn is null || c.AnnualValue is not { } value) return;
        var term = c.CurrentTerm;
        var opening = AnnualValueReview.OpeningEntry(c.Id, term, value, commissioner, Utc(c.AwardedOn.Value));
        reviews.Add(opening);
        var agreed = new List<AgreedValue> { new(opening.Year, opening.Annual, opening.YearValue, Money.Zero) };
        var planned = new List<PlannedSaving>();
        if (c.Id % 5 == 0)
        {
            var year = FinancialYear.Containing(term.Start).Next;
            if (term.Overlaps(year.Range))
            {
                var amount = Money.FromPence(value.Pence / 20);
                var kind = c.Id % 2 == 0 ? SavingsKind.CashableReduction : SavingsKind.CostAvoidance;
                savings.Add(new SavingsTarget(c.Id, year, new SavingsDetails(amount, kind, "Efficiency saving agreed at award",
                    Officers[c.Id % Officers.Length], year <= thisYear ? Money.FromPence(amount.Pence * (80 + c.Id % 30) / 100) : null)));
                planned.Add(new PlannedSaving(year, amount, kind));
            }
        }
        var (current, maximum) = ContractFinance.Terms(c.StartDate, c.CurrentEndDate, c.MaximumEndDate, c.TerminatedOn);
        var years = FinancialYear.Spanning(term).Skip(1).Where(y => y <= thisYear).ToList();
        if (c.Id % 4 == 0 && years.Count > 0 && years[^1] == thisYear) years.RemoveAt(years.Count - 1);
        AnnualValueReview? last = opening;
        foreach (var year in years)
        {
            var schedule = new ValueSchedule(current, maximum, new OpeningBaseline(value, null, "entered"), agreed, planned);
            var uplift = 1.5m + year.StartYear % 3;
            // Half the years went round twice: a first proposal above the budget's assumption, returned by finance.
            if ((c.Id + year.StartYear) % 2 == 0)
            {
                var high = schedule.PositionFor(year, uplift + 2);
                var first = AnnualValueReview.Propose(c.Id, term, year, ValueSchedule.Suggested(high)!.Value,
                    new ReviewFactors(true, true, false, false, UpliftKind.Inflation, uplift + 2), "Annual review: provider's requested uplift.", high, commissioner, Utc(year.Start.AddMonths(-3)));
                first.Return(finance, Utc(year.Start.AddMonths(-3).AddDays(10)), "Above the budget's inflation assumption: please review.");
                reviews.Add(first);
            }
            var position = schedule.PositionFor(year, uplift);
            var review = AnnualValueReview.Propose(c.Id, term, year, ValueSchedule.Suggested(position)!.Value,
                new ReviewFactors(true, true, false, false, UpliftKind.Inflation, uplift), "Annual review: inflation uplift.", position, commissioner, Utc(year.Start.AddMonths(-2)));
            review.Agree(finance, Utc(year.Start.AddMonths(-1)), null, null);
            reviews.Add(review);
            agreed.Add(new AgreedValue(year, review.Annual, review.YearValue, Money.FromPence(review.UpliftPence)));
            last = review;
        }
        if (c.Id % 10 == 1 && last.Year == thisYear)
        {
            var plan = new FundingPlan(c.Id, thisYear);
            var health = Money.FromPence(last.YearValue.Pence / 4);
            plan.Split([new FundingLine(FundingSource.CouncilRevenue, "KLB60", last.YearValue - health), new FundingLine(FundingSource.NhsIcbContribution, null, health)], last.YearValue);
            db.FundingPlans.Add(plan);
        }
    }

    private static readonly string[] Areas = ["North", "South", "East", "West", "Central", "Town centre", "Rural villages", "Countywide"];
    private static readonly string[] Officers = ["Head of Commissioning", "Commissioning Manager", "Senior Commissioning Officer", "Contracts Manager"];

    private static DateTime Utc(DateOnly d) => d.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
}
