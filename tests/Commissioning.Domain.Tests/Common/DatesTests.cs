using System.Globalization;
using Commissioning.Domain.Common;

namespace Commissioning.Domain.Tests.Common;

/// <summary>
/// The register's one date style (GOV.UK): "1 April 2021", "1 Apr 2021" in dense tables, and stored UTC
/// moments in UK local time. In 2021 the clocks went forward at 01:00 UTC on Sunday 28 March
/// and back at 01:00 UTC on Sunday 31 October (the last Sundays of those months).
/// </summary>
public sealed class DatesTests
{
    private static DateTime Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    [Fact]
    public void UkZone_is_Europe_London_so_this_machine_has_time_zone_data()
    {
        // Without tzdata the zone falls back to UTC and every summer time would be an hour out.
        Assert.Equal("Europe/London", Dates.UkZone.Id);
        Assert.True(Dates.UkZone.SupportsDaylightSavingTime);
    }

    [Fact]
    public void Long_spells_the_month_with_no_leading_zero() =>
        Assert.Equal("1 April 2021", Dates.Long(new DateOnly(2021, 4, 1)));

    [Theory]
    [InlineData(1, "Jan")]
    [InlineData(3, "Mar")]
    [InlineData(4, "Apr")]
    [InlineData(6, "Jun")]
    [InlineData(7, "Jul")]
    [InlineData(9, "Sept")]
    [InlineData(12, "Dec")]
    public void Short_uses_the_GOV_UK_short_months(int month, string name) =>
        Assert.Equal($"1 {name} 2021", Dates.Short(new DateOnly(2021, month, 1)));

    [Fact]
    public void Dates_read_the_same_whatever_the_threads_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            Assert.Equal("31 December 2021", Dates.Long(new DateOnly(2021, 12, 31)));
            Assert.Equal("31 Dec 2021", Dates.Short(new DateOnly(2021, 12, 31)));
            Assert.Equal("31 December 2021 at 11:59pm", Dates.At(Utc(2021, 12, 31, 23, 59)));
        }
        finally { CultureInfo.CurrentCulture = before; }
    }

    [Fact]
    public void Null_dates_are_blank()
    {
        Assert.Equal("", Dates.Long((DateOnly?)null));
        Assert.Equal("", Dates.Short((DateOnly?)null));
    }

    [Fact]
    public void In_winter_UK_time_is_GMT() =>
        Assert.Equal("15 January 2021 at 2:05pm", Dates.At(Utc(2021, 1, 15, 14, 5)));

    [Fact]
    public void In_summer_UK_time_is_BST_an_hour_ahead() =>
        Assert.Equal("15 July 2021 at 2:05pm", Dates.At(Utc(2021, 7, 15, 13, 5)));

    [Theory]
    [InlineData(0, 59, "28 March 2021 at 12:59am")] // the last minute of GMT
    [InlineData(1, 0, "28 March 2021 at 2am")]      // 1am never happens: BST starts at 2am
    [InlineData(1, 30, "28 March 2021 at 2:30am")]
    public void Clocks_go_forward_at_1am_UTC_on_the_last_Sunday_of_March(int hour, int minute, string expected) =>
        Assert.Equal(expected, Dates.At(Utc(2021, 3, 28, hour, minute)));

    [Theory]
    [InlineData(0, 30, "31 October 2021 at 1:30am")] // BST
    [InlineData(0, 59, "31 October 2021 at 1:59am")] // the last minute of BST
    [InlineData(1, 0, "31 October 2021 at 1am")]     // GMT again: 1am happens twice
    [InlineData(1, 30, "31 October 2021 at 1:30am")]
    public void Clocks_go_back_at_1am_UTC_on_the_last_Sunday_of_October(int hour, int minute, string expected) =>
        Assert.Equal(expected, Dates.At(Utc(2021, 10, 31, hour, minute)));

    [Fact]
    public void Late_evening_UTC_in_summer_is_already_the_next_UK_day()
    {
        var elevenPmUtc = Utc(2021, 6, 30, 23, 0); // midnight BST
        Assert.Equal("1 July 2021 at midnight", Dates.At(elevenPmUtc));
        Assert.Equal(new DateOnly(2021, 7, 1), Dates.UkDate(elevenPmUtc));
        Assert.Equal("1 July 2021", Dates.Long(elevenPmUtc));
        Assert.Equal("1 Jul 2021", Dates.Short(elevenPmUtc));
        Assert.Equal("1 Jul 2021 at 12:30am", Dates.ShortAt(Utc(2021, 6, 30, 23, 30)));
    }

    [Fact]
    public void Midnight_in_winter_starts_the_same_UTC_day()
    {
        Assert.Equal("31 December 2021 at midnight", Dates.At(Utc(2021, 12, 31, 0, 0)));
        Assert.Equal("31 December 2021 at 12:05am", Dates.At(Utc(2021, 12, 31, 0, 5)));
    }

    [Theory]
    [InlineData(1, 12, 0, "4 January 2021 at midday")]  // GMT
    [InlineData(7, 11, 0, "4 July 2021 at midday")]     // BST
    [InlineData(1, 12, 30, "4 January 2021 at 12:30pm")]
    [InlineData(1, 9, 0, "4 January 2021 at 9am")]
    [InlineData(1, 21, 45, "4 January 2021 at 9:45pm")]
    public void Times_read_as_GOV_UK_writes_them(int month, int hour, int minute, string expected) =>
        Assert.Equal(expected, Dates.At(Utc(2021, month, 4, hour, minute)));

    [Fact]
    public void A_moment_read_back_without_a_kind_is_UTC() =>
        Assert.Equal("15 July 2021 at 2:05pm", Dates.At(new DateTime(2021, 7, 15, 13, 5, 0, DateTimeKind.Unspecified)));

    [Fact]
    public void Today_in_the_UK_follows_BST()
    {
        Assert.Equal(new DateOnly(2021, 7, 1), Dates.UkDate(new DateTimeOffset(2021, 6, 30, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2021, 12, 31), Dates.UkDate(new DateTimeOffset(2021, 12, 31, 23, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Paper_dates_follow_the_published_cover_sheet_template()
    {
        // 000: "Meeting Date 01 March 2021"; Governance and Reporting: "Executive Board 15/02/2021".
        Assert.Equal("01 March 2021", Dates.PaperLong(new DateOnly(2021, 3, 1)));
        Assert.Equal("15/02/2021", Dates.Paper(new DateOnly(2021, 2, 15)));
    }
}
