using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Commissioning.Web.Tests.Support;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Account;

/// <summary>
/// Failed sign-ins slow the guesser down and do not shut the account's owner out (issue 13, defect 5): delays
/// grow by account and client, the account alone never waits more than a minute, and there is no lockout.
/// </summary>
public sealed partial class SignInThrottleTests : IDisposable
{
    private const string Attacker = "203.0.113.66";
    private const string Owner = "198.51.100.7";
    private readonly MovableTime _time = new(DateTimeOffset.UtcNow);
    private readonly CommissioningFactory _app;

    public SignInThrottleTests() => _app = new CommissioningFactory { Time = _time };

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task After_an_attackers_failures_the_owner_signs_in_from_another_client_within_a_minute()
    {
        var attacker = _app.NewClient(Attacker);
        for (var i = 0; i < 12; i++) await attacker.SignInAsync(Commissioner, $"guess-{i}");

        var owner = _app.NewClient(Owner);
        var first = await owner.SignInAsync(Commissioner, DemoPassword);
        if (first.Status != HttpStatusCode.Redirect)
        {
            var wait = WaitOf(first);
            Assert.InRange(wait, 1, 60);
            _time.Advance(TimeSpan.FromSeconds(wait));
            first = await owner.SignInAsync(Commissioner, DemoPassword);
        }

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetPageAsync("/Contracts")).Status);
    }

    [Fact]
    public async Task The_attackers_own_client_waits_longer_after_each_failure_and_the_right_password_does_not_help()
    {
        var attacker = _app.NewClient(Attacker);
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await attacker.SignInAsync(Viewer, $"guess-{i}")).Status);

        var waits = new List<int>();
        for (var round = 0; round < 4; round++)
        {
            var refused = await attacker.SignInAsync(Viewer, DemoPassword);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
            Assert.Matches(WaitMessage(), refused.FieldError("Input-Email"));
            Assert.Contains(refused.ErrorSummary, m => WaitMessage().IsMatch(m));
            var wait = WaitOf(refused);
            Assert.Equal(wait.ToString(CultureInfo.InvariantCulture), Assert.Single(refused.Response.Headers.GetValues("Retry-After")));
            waits.Add(wait);
            _time.Advance(TimeSpan.FromSeconds(wait));
            Assert.Equal(HttpStatusCode.OK, (await attacker.SignInAsync(Viewer, $"guess-again-{round}")).Status);
        }

        Assert.True(waits.Zip(waits.Skip(1)).All(p => p.Second > p.First), $"waits should grow: {string.Join(", ", waits)}");
        // Other addresses guessed from the same client wait too: the client is a key of its own.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await attacker.SignInAsync("someone-else@demo.test", "guess")).Status);
    }

    [Fact]
    public async Task Guessers_spread_over_many_addresses_get_fewer_than_a_hundred_tries_an_hour_at_one_account()
    {
        var tries = 0;
        var start = _time.GetUtcNow();
        // A new address for every try, as fast as the throttle lets anyone in (bounded, should the throttle fail).
        for (var address = 1; _time.GetUtcNow() - start < TimeSpan.FromHours(1) && address < 400; address++)
        {
            var page = await _app.NewClient($"10.0.{address / 250}.{address % 250 + 1}").SignInAsync(CommissioningFactory.Finance, $"guess-{address}");
            if (page.Status == HttpStatusCode.OK) tries++;
            else _time.Advance(TimeSpan.FromSeconds(WaitOf(page)));
        }

        Assert.InRange(tries, 10, 99);
    }

    [Fact]
    public async Task Unlock_account_lets_the_owner_in_at_once()
    {
        var attacker = _app.NewClient(Attacker);
        for (var i = 0; i < 12; i++) await attacker.SignInAsync(Secretary, $"guess-{i}");
        var admin = await _app.SignedInClientAsync(Administrator);
        var users = await admin.GetPageAsync("/Admin/Users");
        var edit = users.FindAll("main a[href^='/Admin/Users/Edit/']").Single(a => a.TextContent == NameOf(Secretary)).GetAttribute("href")!;
        var page = await admin.GetPageAsync(edit);
        Assert.Contains("failed sign-in attempts", page.Text);

        var unlocked = await admin.PostFormAsync(edit + "?handler=Unlock", page.Form("form[action*='handler=Unlock']"));

        Assert.Equal(HttpStatusCode.Redirect, unlocked.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await _app.NewClient(Owner).SignInAsync(Secretary, DemoPassword)).Status);
    }

    private static int WaitOf(HtmlPage page)
    {
        var match = WaitMessage().Match(page.FieldError("Input-Email") ?? "");
        Assert.True(match.Success, $"expected the throttle's message, got {(int)page.Status}: {page.FieldError("Input-Email")}");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^Too many sign-in attempts\. Wait (\d+) seconds?, then try again\.$")]
    private static partial Regex WaitMessage();
}
