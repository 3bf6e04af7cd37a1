using System.Net;
using System.Text;
using Commissioning.Infrastructure.Identity;
using Commissioning.Infrastructure.KeyDates;
using Commissioning.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Commissioning.Web.Tests.Pages.KeyDates.KeyDatesFixture;

namespace Commissioning.Web.Tests.Pages.KeyDates;

/// <summary>The per-user iCalendar feed, read back with a small RFC 5545 parser.</summary>
[Collection(KeyDatesCollection.Name)]
public sealed class CalendarFeedTests(KeyDatesFixture fixture)
{
    /// <summary>The feed address as the dashboard shows it, made relative so the test server can answer it.</summary>
    private async Task<string> FeedPathAsync(string email = Email, string password = CommissioningFactory.DemoPassword)
    {
        var client = await fixture.SignedInAsync(email, password);
        var page = await client.GetPageAsync("/");
        var url = page.Find("#feed-url")!.GetAttribute("value")!;
        Assert.StartsWith(BaseUrl + "/Calendar/", url);
        Assert.EndsWith(".ics", url);
        return new Uri(url).PathAndQuery;
    }

    private async Task<HttpResponseMessage> GetFeedAsync(string path) => await fixture.NewClient().GetAsync(path);

    [Fact]
    public async Task The_feed_works_without_signing_in_and_follows_RFC_5545_framing()
    {
        var response = await GetFeedAsync(await FeedPathAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.EndsWith("END:VCALENDAR\r\n", text);
        // Every line ends CRLF (no bare LF or CR) and none is longer than 75 octets.
        Assert.DoesNotMatch("[^\r]\n", text);
        Assert.DoesNotMatch("\r[^\n]", text);
        var lines = text.Split("\r\n")[..^1];
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"Longer than 75 octets: {l}"));
        Assert.Contains(lines, l => l.StartsWith(' '));   // long descriptions were folded
        var calendar = Ics.Parse(text);
        Assert.Equal("2.0", calendar.Property("VERSION"));
        Assert.Equal("Bury Council contract key dates – " + DisplayName, calendar.Property("X-WR-CALNAME"));
    }

    [Fact]
    public async Task My_end_dates_notice_and_decision_deadlines_and_reviews_are_all_day_events_with_stable_uids()
    {
        var path = await FeedPathAsync();
        var calendar = Ics.Parse(await (await GetFeedAsync(path)).Content.ReadAsStringAsync());
        var events = calendar.Events;
        var kd02 = fixture.Id("KD-02");
        Ics.Component Event(string uid) => Assert.Single(events, e => e.Property("UID") == uid);

        var end = Event($"contract-{kd02}-end@register.council.test");
        Assert.Equal("20270630", end.Property("DTSTART"));
        Assert.Equal("DATE", end.Parameter("DTSTART", "VALUE"));
        Assert.Equal("20270701", end.Property("DTEND"));
        Assert.Equal("KD-02 ends", end.Property("SUMMARY"));
        Assert.Equal("20270331T100000Z", end.Property("DTSTAMP"));
        Assert.Equal($"{BaseUrl}/Contracts/Details/{kd02}", end.Property("URL"));
        // Comma, semicolon and backslash come back as they were, after unescaping.
        Assert.Equal($"KD-02 {AwkwardTitle} ends on 30 June 2027.\n{BaseUrl}/Contracts/Details/{kd02}", end.Property("DESCRIPTION"));
        Assert.Contains("Home care\\, nights\\; weekends \\\\ holidays", end.Raw("DESCRIPTION"));

        Assert.Equal("20270401", Event($"contract-{kd02}-notice@register.council.test").Property("DTSTART"));
        var decision = Event($"contract-{kd02}-decision@register.council.test");
        Assert.Equal("20261001", decision.Property("DTSTART"));
        Assert.Equal("KD-02: decide whether to extend or serve notice", decision.Property("SUMMARY"));
        // The year under way has no agreed value: due on 1 April 2026.
        Assert.Equal("20260401", Event($"contract-{kd02}-review-2026@register.council.test").Property("DTSTART"));

        // The feed looks past the dashboard's 18 months: KD-10 ends 1 October 2028, its renewal KD-19 is decided by 1 September 2029.
        Assert.Equal("20281001", Event($"contract-{fixture.Id("KD-10")}-end@register.council.test").Property("DTSTART"));
        Assert.Equal("20290901", Event($"contract-{fixture.Id("KD-19")}-decision@register.council.test").Property("DTSTART"));
        // Terminated from 30 April: ends then, and no deadlines. Someone else's and withdrawn ones are not in it.
        Assert.Equal("20270430", Event($"contract-{fixture.Id("KD-12")}-end@register.council.test").Property("DTSTART"));
        Assert.DoesNotContain(events, e => e.Property("UID").StartsWith($"contract-{fixture.Id("KD-12")}-notice", StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => e.Property("UID").StartsWith($"contract-{fixture.Id("KD-16")}-", StringComparison.Ordinal));
        // KD-20 spells Priya's name but names no user: the feed matches by user, so it is not hers.
        Assert.DoesNotContain(events, e => e.Property("UID").StartsWith($"contract-{fixture.Id("KD-20")}-", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Property("UID").StartsWith($"contract-{fixture.Id("KD-17")}-", StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => e.Property("UID").StartsWith($"contract-{fixture.Id("KD-15")}-", StringComparison.Ordinal));
        Assert.All(events, e => Assert.Equal("DATE", e.Parameter("DTSTART", "VALUE")));
        Assert.Equal(events.Count, events.Select(e => e.Property("UID")).Distinct().Count());

        // A second download, with a fresh address even, gives the same events under the same UIDs.
        var again = Ics.Parse(await (await GetFeedAsync(await FeedPathAsync())).Content.ReadAsStringAsync());
        Assert.Equal(events.Select(e => (e.Property("UID"), e.Property("DTSTART"))), again.Events.Select(e => (e.Property("UID"), e.Property("DTSTART"))));
    }

    [Fact]
    public async Task Changing_the_security_stamp_revokes_the_address()
    {
        await fixture.CreateUserAsync("revoke.me@council.test", "Revoke Me");
        var path = await FeedPathAsync("revoke.me@council.test", Password);
        Assert.Equal(HttpStatusCode.OK, (await GetFeedAsync(path)).StatusCode);

        await using (var scope = fixture.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync("revoke.me@council.test"))!);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await GetFeedAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Getting_a_new_address_revokes_the_old_one_and_keeps_this_session()
    {
        await fixture.CreateUserAsync("new.address@council.test", "New Address");
        var client = await fixture.SignedInAsync("new.address@council.test", Password);
        var old = new Uri((await client.GetPageAsync("/")).Find("#feed-url")!.GetAttribute("value")!).PathAndQuery;

        var posted = await client.PostFormAsync("/?handler=NewAddress", new FormFields(), tokenFrom: "/");

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal("/#calendar", posted.Location);
        var page = await client.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("You have a new calendar address. The old one no longer works", page.Text);
        var fresh = new Uri(page.Find("#feed-url")!.GetAttribute("value")!).PathAndQuery;
        Assert.Equal(HttpStatusCode.NotFound, (await GetFeedAsync(old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetFeedAsync(fresh)).StatusCode);
    }

    [Theory]
    [InlineData("/Calendar/not-a-token.ics")]
    [InlineData("/Calendar/CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics")]
    public async Task A_made_up_address_is_not_found(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await GetFeedAsync(path)).StatusCode);

    [Fact]
    public void Folding_never_splits_a_character_and_unfolds_to_the_original()
    {
        var title = string.Concat(Enumerable.Repeat("Care – £12,393,408; ", 12));
        var text = CalendarFeed.Write([new CalendarEvent("x", new DateOnly(2027, 3, 31), title, title, "https://x.test/")], "Name", "x.test",
            new DateTime(2027, 3, 31, 10, 0, 0, DateTimeKind.Utc));

        Assert.All(text.Split("\r\n"), l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75));
        Assert.Equal(title, Assert.Single(Ics.Parse(text).Events).Property("SUMMARY"));
    }

    /// <summary>Just enough of RFC 5545 to read the feed back: unfolding, properties with parameters, TEXT unescaping.</summary>
    internal static class Ics
    {
        public sealed class Component(string name)
        {
            public string Name { get; } = name;
            public List<(string Name, Dictionary<string, string> Parameters, string Value)> Properties { get; } = [];
            public List<Component> Children { get; } = [];
            public List<Component> Events => Children.Where(c => c.Name == "VEVENT").ToList();

            public string Raw(string name) => Properties.First(p => p.Name == name).Value;
            public string Property(string name) => Unescape(Raw(name));
            public string? Parameter(string name, string parameter) =>
                Properties.First(p => p.Name == name).Parameters.GetValueOrDefault(parameter);
        }

        public static Component Parse(string text)
        {
            // Unfold: a CRLF followed by one space or tab joins the lines.
            var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
            var stack = new Stack<Component>();
            Component? root = null;
            foreach (var line in unfolded.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var head = line[..colon].Split(';');
                var value = line[(colon + 1)..];
                if (head[0] == "BEGIN")
                {
                    var c = new Component(value);
                    if (stack.Count > 0) stack.Peek().Children.Add(c); else root = c;
                    stack.Push(c);
                }
                else if (head[0] == "END")
                    Assert.Equal(value, stack.Pop().Name);
                else
                    stack.Peek().Properties.Add((head[0], head.Skip(1).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]), value));
            }
            Assert.Empty(stack);
            Assert.Equal("VCALENDAR", root!.Name);
            return root;
        }

        private static string Unescape(string value)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < value.Length; i++)
            {
                if (value[i] == '\\' && i + 1 < value.Length)
                {
                    i++;
                    sb.Append(value[i] is 'n' or 'N' ? '\n' : value[i]);
                }
                else sb.Append(value[i]);
            }
            return sb.ToString();
        }
    }
}
