using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Identity;
using Commissioning.Infrastructure.Tests.Support;

namespace Commissioning.Infrastructure.Tests.KeyDates;

/// <summary>
/// Several hundred contracts in a real SQLite file, ending on the days around every month end from 2026 to 2031 (where
/// month arithmetic and the buckets' edges bite), with notice periods from 0 to 60 months, and, by turns: terminated,
/// renewed, withdrawn, not yet awarded, starting later, with an extension option left, owned by a user or by a historic
/// name, with this year's or next year's value agreed or proposed. Deterministic: the variations follow the row number.
/// </summary>
public sealed class KeyDatesDataSet : IAsyncLifetime
{
    public const string UserId = "user-kd";
    private static readonly int[] Notices = [0, 1, 3, 6, 11, 12, 13, 24, 60, 2];
    private static readonly int[] Days = [1, 2, 15, 27, 28, 29, 30, 31];

    /// <summary>The days the tests look from: a year end, a month end, a leap day and a mid-month day.</summary>
    public static readonly DateOnly[] Todays = [new(2027, 3, 31), new(2026, 11, 30), new(2028, 2, 29), new(2027, 6, 15)];
    public static readonly int[] Leads = [0, 6, 12];

    public SqliteTestDatabase Database { get; } = new();
    public int Count { get; private set; }

    public async Task InitializeAsync()
    {
        await Database.MigrateAsync();
        await using var db = Database.NewContext();
        db.Users.Add(new ApplicationUser { Id = UserId, UserName = "kd@council.test", Email = "kd@council.test", DisplayName = "Kay Dee" });
        var provider = TestData.Provider();
        db.Providers.Add(provider);
        await db.SaveChangesAsync();

        var proposer = new Actor("p", "Proposer");
        var agreer = new Actor("a", "Agreer");
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var contracts = new List<(Contract Contract, int I)>();
        var i = 0;
        for (var month = new DateOnly(2025, 12, 1); month <= new DateOnly(2031, 12, 1); month = month.AddMonths(1))
            foreach (var day in Days.Where(d => d <= DateTime.DaysInMonth(month.Year, month.Month)))
            {
                i++;
                var end = new DateOnly(month.Year, month.Month, day);
                var start = i % 7 == 0 ? new DateOnly(2027, 6, 1) : new DateOnly(2024, 4, 1);
                if (start >= end) start = new DateOnly(2024, 4, 1);
                var c = new BlockContract(provider.Id, Money.Pounds(1_000m));
                c.Describe(new ContractDescription($"KDS-{i:D4}", $"Selection {i}", null, ServiceCategory.DomiciliaryCare, TestData.DirectorateId,
                    i % 3 == 0 ? ResponsibleCommissioner.User(UserId) : ResponsibleCommissioner.Historic("Someone Else"),
                    ProcurementRoute.OpenTender, false, Confidentiality.Open));
                c.SetTerm(new ContractTerm(start, end, i % 5 == 0 ? [new ExtensionOptionTerm(12, false)] : [], Notices[i % Notices.Length]));
                if (i % 13 != 0) c.RecordAward(start.AddDays(-30), lettingDecision: null);
                if (i % 10 == 3) c.TerminateOn(end.AddMonths(-(i % 4) * 3) > start ? end.AddMonths(-(i % 4) * 3) : end, "Test");
                if (i % 17 == 0) c.Withdraw("Entered in error", new Actor("t", "Test"), at);
                db.Contracts.Add(c);
                contracts.Add((c, i));
            }
        // And on each test day's own edges: the buckets' ends, today, a year back, and the decision horizon for each lead time.
        foreach (var today in Todays)
        {
            var edges = new List<(DateOnly End, int Notice)>();
            foreach (var months in new[] { 0, 3, 6, 12, 18, -12 })
                edges.AddRange(new[] { -1, 0, 1 }.Select(d => (today.AddMonths(months).AddDays(d), 3)));
            foreach (var lead in Leads)
                foreach (var notice in new[] { 0, 1, 12 })
                {
                    var end = today.AddMonths(18 + notice + lead).AddDays(-1);
                    edges.AddRange(new[] { -1, 0, 1 }.Select(d => (end.AddDays(d), notice)));
                }
            foreach (var (end, notice) in edges)
            {
                i++;
                var c = new BlockContract(provider.Id, Money.Pounds(1_000m));
                c.Describe(new ContractDescription($"KDS-{i:D4}", $"Edge {i}", null, ServiceCategory.DomiciliaryCare, TestData.DirectorateId,
                    i % 2 == 0 ? ResponsibleCommissioner.User(UserId) : ResponsibleCommissioner.Historic("Someone Else"),
                    ProcurementRoute.OpenTender, false, Confidentiality.Open));
                c.SetTerm(new ContractTerm(new DateOnly(2024, 4, 1), end, [], notice));
                c.RecordAward(new DateOnly(2024, 3, 1), lettingDecision: null);
                db.Contracts.Add(c);
            }
        }
        await db.SaveChangesAsync();

        foreach (var (c, n) in contracts)
        {
            // Renewals: some start the day after the end (not yet started, or started), some before today's year.
            if (n % 11 == 0)
            {
                var successor = new BlockContract(provider.Id, Money.Pounds(1_000m));
                TestData.Describe(successor, $"KDS-{n:D4}-R", $"Renewal of {n}");
                successor.SetTerm(new ContractTerm(c.CurrentEndDate.AddDays(1 - (n % 3) * 20), c.CurrentEndDate.AddYears(3), [], 3));
                successor.RecordAward(c.CurrentEndDate.AddDays(-60), lettingDecision: null);
                successor.Renews(c);
                db.Contracts.Add(successor);
            }
            var term = new DateRange(c.StartDate, c.TerminatedOn ?? c.CurrentEndDate);
            foreach (var year in new[] { 2026, 2027, 2028 }.Select(y => new FinancialYear(y)).Where(y => term.Overlaps(y.Range)))
            {
                var kind = (n + year.StartYear) % 4;
                if (kind == 3) continue;
                var review = AnnualValueReview.Propose(c.Id, term, year, Money.Pounds(1_000m), ReviewFactors.None, "Test",
                    new YearPosition(null, Money.Zero, Money.Zero), proposer, at);
                if (kind != 2) review.Agree(agreer, at, null, null);
                db.AnnualValueReviews.Add(review);
            }
        }
        await db.SaveChangesAsync();
        Count = i;
    }

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }
}
