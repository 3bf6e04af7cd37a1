using System.Linq.Expressions;
using Commissioning.Infrastructure.Data;
using DomainKeyDates = Commissioning.Domain.Lifecycle.KeyDates;

namespace Commissioning.Infrastructure.KeyDates;

/// <summary>
/// The decision deadline (<see cref="DomainKeyDates.DecisionDeadline"/>) as a number the database can compare and sort by,
/// so the dashboard selects and pages its "decisions to make" in SQL instead of reading every contract. A date is
/// numbered <c>(12 × year + month − 1) × 32 + day</c>: a later date always has a larger number. The deadline is the day
/// after the end moved back by notice + lead time months, its day held to the last day of the month it lands in, as
/// .NET's AddMonths does; only whole-number arithmetic on the date's parts, so SQLite and SQL Server give the same answer
/// (their own month arithmetic differs at month ends). The domain's rule still gives the date the page shows: this
/// number only chooses and orders the rows, and DeadlineInSqlTests hold the two in step over every day of several
/// years and a spread of notice periods.
/// </summary>
public static class DeadlineInSql
{
    /// <summary>A date's number: larger for a later date.</summary>
    public static int Number(DateOnly date) => (date.Year * 12 + date.Month - 1) * 32 + date.Day;

    /// <summary>How many days a month (12 × year + month − 1) has; February by the Gregorian leap-year rule.</summary>
    private static readonly Expression<Func<int, int>> DaysIn = month =>
        month % 12 == 1
            ? ((month / 12) % 4 == 0 && ((month / 12) % 100 != 0 || (month / 12) % 400 == 0) ? 29 : 28)
            : month % 12 == 3 || month % 12 == 5 || month % 12 == 8 || month % 12 == 10 ? 30 : 31;

    /// <summary>The number of a day in a month (counted as 12 × year + month − 1), held to that month's last day.</summary>
    private static readonly Expression<Func<int, int, int>> DayIn = (month, day) =>
        month * 32 + (day <= 28 || day <= DaysIn.Invoke(month) ? day : DaysIn.Invoke(month));

    /// <summary>The deadline's <see cref="Number"/> for a contract ending on <c>end</c> with <c>notice</c> months' notice and <c>lead</c> months' lead time.</summary>
    public static readonly Expression<Func<DateOnly, int, int, int>> Deadline = (end, notice, lead) =>
        DayIn.Invoke(end.AddDays(1).Year * 12 + end.AddDays(1).Month - 1 - notice - lead, end.AddDays(1).Day);
}
