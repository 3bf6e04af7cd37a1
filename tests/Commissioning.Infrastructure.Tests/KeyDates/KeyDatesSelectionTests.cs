using System.Globalization;
using Commissioning.Infrastructure.KeyDates;

namespace Commissioning.Infrastructure.Tests.KeyDates;

/// <summary>
/// The database's selection of the key dates lists (issue 15) gives exactly the rows the old query found by running the
/// domain's rules over every contract in memory (<see cref="InMemoryKeyDates"/>), on days that sit on month ends and a
/// leap day, for everyone's contracts and one user's, for the page's 18 months and the feed's whole future; and reading
/// the lists a page at a time gives the same rows again, with the database's totals.
/// </summary>
public sealed class KeyDatesSelectionTests(KeyDatesDataSet data) : IClassFixture<KeyDatesDataSet>
{
    public static TheoryData<string, bool, int, bool> Cases()
    {
        var cases = new TheoryData<string, bool, int, bool>();
        foreach (var today in KeyDatesDataSet.Todays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            foreach (var mine in new[] { false, true })
            {
                cases.Add(today, mine, 6, false);
                cases.Add(today, mine, 0, today == "2027-03-31");
            }
        cases.Add("2027-03-31", false, 12, true);
        return cases;
    }

    private static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private async Task<KeyDatesScope> ScopeAsync(bool mine)
    {
        await using var db = data.Database.NewContext();
        return mine ? await KeyDatesScope.ForCommissionerAsync(db, KeyDatesDataSet.UserId, default) : KeyDatesScope.All;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_list_has_the_rows_the_in_memory_rules_choose(string today, bool mine, int lead, bool wholeFuture)
    {
        var scope = await ScopeAsync(mine);
        await using var db = data.Database.NewContext();

        var expected = await InMemoryKeyDates.LoadAsync(db, Day(today), scope, lead, default, wholeFuture);
        var actual = await KeyDatesQuery.LoadAsync(db, Day(today), scope, lead, default, wholeFuture);

        // Not a vacuous match: the data set puts rows in every list.
        Assert.All(new[] { expected.Ending.Count, expected.EndedUnresolved.Count, expected.Decisions.Count, expected.ReviewsDue.Count }, n => Assert.True(n > 3));
        Assert.Equal(expected.Ending, actual.Ending);
        Assert.Equal(expected.EndedUnresolved, actual.EndedUnresolved);
        Assert.Equal(expected.Decisions, actual.Decisions);
        Assert.Equal(expected.ReviewsDue, actual.ReviewsDue);
        Assert.Equal(expected.Decisions.Count(d => d.KeyDate.IsOverdue), actual.OverdueDecisions);
    }

    [Theory]
    [InlineData("2027-03-31", false)]
    [InlineData("2028-02-29", true)]
    public async Task Read_a_page_at_a_time_each_list_is_the_same_rows_with_the_same_totals(string today, bool mine)
    {
        var scope = await ScopeAsync(mine);
        await using var db = data.Database.NewContext();
        var whole = await KeyDatesQuery.LoadAsync(db, Day(today), scope, 6, default);

        var first = await KeyDatesQuery.LoadAsync(db, Day(today), scope, 6, KeyDatesRows.FirstOfEach(5), default);
        Assert.Equal(whole.Decisions.Count(d => d.KeyDate.IsOverdue), first.OverdueDecisions);
        foreach (var bucket in Enum.GetValues<EndingBucket>())
        {
            Assert.Equal(whole.InBucket(bucket).Count(), first.Total(KeyDatesQuery.ListOf(bucket)));
            Assert.Equal(whole.InBucket(bucket).Take(5), first.InBucket(bucket));
        }
        Assert.Equal(whole.Decisions.Take(5), first.Decisions);

        foreach (var list in Enum.GetValues<KeyDatesList>())
        {
            var rows = new List<object>();
            for (var page = 1; ; page++)
            {
                var part = await KeyDatesQuery.LoadAsync(db, Day(today), scope, 6, KeyDatesRows.Page(list, page, 7), default);
                var read = Rows(part, list).ToList();
                Assert.Equal(Rows(whole, list).Count(), part.Total(list));
                Assert.True(read.Count <= 7);
                // Only the list asked for is read.
                Assert.Equal(read.Count, part.Ending.Count + part.EndedUnresolved.Count + part.Decisions.Count + part.ReviewsDue.Count + part.Governance.Count
                    + part.OverdueNotices.Count);
                if (read.Count == 0) break;
                rows.AddRange(read);
            }
            Assert.Equal(Rows(whole, list), rows);
        }
    }

    private static IEnumerable<object> Rows(KeyDatesReport report, KeyDatesList list) => list switch
    {
        KeyDatesList.Ended => report.EndedUnresolved,
        KeyDatesList.Decisions => report.Decisions,
        KeyDatesList.Reviews => report.ReviewsDue,
        KeyDatesList.Governance => report.Governance,
        KeyDatesList.Notices => report.OverdueNotices,
        _ => report.InBucket((EndingBucket)(int)list),
    };
}
