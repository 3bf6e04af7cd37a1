using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.KeyDates;
using Microsoft.EntityFrameworkCore;
using DomainKeyDates = Commissioning.Domain.Lifecycle.KeyDates;

namespace Commissioning.Infrastructure.Tests.KeyDates;

/// <summary>The database's deadline number is the domain's decision deadline, for every contract of the data set and several lead times.</summary>
public sealed class DeadlineInSqlTests(KeyDatesDataSet data) : IClassFixture<KeyDatesDataSet>
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(13)]
    [InlineData(60)]
    public async Task The_number_worked_out_by_the_database_is_the_domains_deadline(int lead)
    {
        await using var db = data.Database.NewContext();

        var rows = await db.Contracts
            .Select(c => new { c.Reference, c.CurrentEndDate, c.NoticePeriodMonths, Number = DeadlineInSql.Deadline.Invoke(c.CurrentEndDate, c.NoticePeriodMonths, lead) })
            .Expand().ToListAsync();

        Assert.True(rows.Count > 400);
        Assert.All(rows, r => Assert.Equal(
            (r.Reference, DeadlineInSql.Number(DomainKeyDates.DecisionDeadline(r.CurrentEndDate, r.NoticePeriodMonths, lead))), (r.Reference, r.Number)));
    }

    [Fact]
    public void A_later_date_has_a_larger_number()
    {
        for (var d = new DateOnly(2027, 1, 1); d < new DateOnly(2029, 1, 1); d = d.AddDays(1))
            Assert.True(DeadlineInSql.Number(d.AddDays(1)) > DeadlineInSql.Number(d));
    }
}
