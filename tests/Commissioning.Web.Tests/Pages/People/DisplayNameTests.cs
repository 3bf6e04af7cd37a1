using System.Net;
using Commissioning.Infrastructure.Identity;
using Commissioning.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.People;

/// <summary>Display names: set by administrators on Users and roles, shown in the header and wherever someone is named.</summary>
[Collection(SharedApp.People)]
public sealed class DisplayNameTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    private static FormFields NewUser(string email, string? displayName) => new()
    {
        { "Input.Email", email }, { "Input.DisplayName", displayName ?? "" }, { "Input.Password", "harbour lantern pebble" }, { "Input.Roles", Roles.Viewer },
    };

    [Theory]
    [InlineData("/Admin/Users/Create")]
    [InlineData("/Admin/Users/Edit/{viewer}")]
    public async Task The_user_forms_ask_for_a_display_name(string path)
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        await using var scope = factory.OpenDb();
        var viewer = await scope.Db.Users.Where(u => u.Email == Viewer).Select(u => u.Id).SingleAsync();

        var page = await admin.GetPageAsync(path.Replace("{viewer}", viewer));

        Assert.Equal("Display name", Browser.Normalise(page.Find("label[for='Input-DisplayName']")!.TextContent));
    }

    [Theory]
    [InlineData("", "Enter the display name")]
    [InlineData("   ", "Enter the display name")]
    [InlineData("jo@council.test", "not an email address")]
    public async Task A_missing_or_address_like_display_name_is_refused_at_its_field(string name, string message)
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var email = $"named-{Guid.NewGuid():N}@council.test";

        var page = await admin.PostFormAsync("/Admin/Users/Create", NewUser(email, name));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.FieldError("Input-DisplayName"));
        await using var scope = factory.OpenDb();
        Assert.False(await scope.Db.Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task A_display_name_longer_than_100_characters_is_refused_and_100_is_taken()
    {
        var admin = await factory.SignedInClientAsync(Administrator);

        var tooLong = await admin.PostFormAsync("/Admin/Users/Create", NewUser($"long-{Guid.NewGuid():N}@council.test", new string('a', 101)));
        var longest = await admin.PostFormAsync("/Admin/Users/Create", NewUser($"long-{Guid.NewGuid():N}@council.test", new string('a', 100)));

        Assert.Contains("100 characters or fewer", tooLong.FieldError("Input-DisplayName"));
        Assert.Equal(HttpStatusCode.Redirect, longest.Status);
    }

    [Fact]
    public async Task The_users_list_leads_with_display_names_and_links_each_to_its_user()
    {
        var admin = await factory.SignedInClientAsync(Administrator);

        var page = await admin.GetPageAsync("/Admin/Users");

        var headers = page.FindAll("main table thead th").Select(th => Browser.Normalise(th.TextContent)).ToList();
        Assert.Equal(["Display name", "Email address", "Roles", "Account"], headers);
        var link = page.FindAll("main table tbody a").Single(a => Browser.Normalise(a.TextContent) == NameOf(Viewer));
        Assert.StartsWith("/Admin/Users/Edit/", link.GetAttribute("href"));
        Assert.Contains(Viewer, link.ParentElement!.ParentElement!.TextContent);
    }

    [Theory]
    [InlineData(Commissioner)]
    [InlineData(Secretary)]
    [InlineData(CommissioningFactory.Finance)]
    [InlineData(Viewer)]
    [InlineData(Administrator)]
    public async Task The_header_names_the_signed_in_person_by_display_name_not_address(string email)
    {
        var client = await factory.SignedInClientAsync(email);

        var page = await client.GetPageAsync("/Contracts");

        Assert.Equal(NameOf(email), Browser.Normalise(page.Find(".app-header__user span")!.TextContent));
        Assert.DoesNotContain(email, page.Text);
    }

    [Fact]
    public async Task An_administrator_renaming_themself_sees_the_new_name_at_once()
    {
        // A user of its own, made an administrator, so the demo administrator keeps their name for other tests.
        var email = $"admin-{Guid.NewGuid():N}@council.test";
        var admin = await factory.SignedInClientAsync(Administrator);
        var created = await admin.PostFormAsync("/Admin/Users/Create", new FormFields
        {
            { "Input.Email", email }, { "Input.DisplayName", "Ann Before" }, { "Input.Password", "harbour lantern pebble" }, { "Input.Roles", Roles.Administrator },
        });
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var self = await factory.SignedInClientAsync(email, "harbour lantern pebble");
        var id = await UserIdAsync(email);

        var form = (await self.GetPageAsync($"/Admin/Users/Edit/{id}")).Form().Set("Input.DisplayName", "Ann After");
        var saved = await self.PostFormAsync($"/Admin/Users/Edit/{id}", form);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var list = await self.GetPageAsync(saved.Location!);
        Assert.Equal("Ann After", Browser.Normalise(list.Find(".app-header__user span")!.TextContent));
        Assert.Contains("Ann After saved", list.Text);
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = factory.OpenDb();
        return await scope.Db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}

/// <summary>
/// A display name an administrator changes reaches the person's pages at the next stamp check (5 minutes), without
/// signing them out or revoking their calendar address; changed roles still do both.
/// </summary>
public sealed class DisplayNameRefreshTests : IDisposable
{
    private readonly MovableTime _time = new(DateTimeOffset.UtcNow);
    private readonly CommissioningFactory _factory;

    public DisplayNameRefreshTests() => _factory = new CommissioningFactory { Time = _time };

    public void Dispose() => _factory.Dispose();

    private async Task<(string Id, string Stamp)> UserAsync(string email)
    {
        await using var scope = _factory.OpenDb();
        var users = scope.Services.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        return (user.Id, (await users.GetSecurityStampAsync(user))!);
    }

    private static string Header(HtmlPage page) => Browser.Normalise(page.Find(".app-header__user span")!.TextContent);

    [Fact]
    public async Task A_new_name_reaches_the_header_within_five_minutes_and_the_calendar_address_keeps_working()
    {
        var person = await _factory.SignedInClientAsync(Commissioner);
        var feed = new Uri((await person.GetPageAsync("/")).Find("#feed-url")!.GetAttribute("value")!).PathAndQuery;
        var (id, stamp) = await UserAsync(Commissioner);
        var admin = await _factory.SignedInClientAsync(Administrator);

        var form = (await admin.GetPageAsync($"/Admin/Users/Edit/{id}")).Form().Set("Input.DisplayName", "Sarah Okafor-Reid");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Users/Edit/{id}", form)).Status);

        Assert.Contains("Sarah Okafor-Reid", (await admin.GetPageAsync("/Admin/Users")).Text);
        Assert.Equal(stamp, (await UserAsync(Commissioner)).Stamp);
        // The cookie still says the old name until the stamp check, five minutes after it was issued.
        Assert.Equal("Sarah Okafor", Header(await person.GetPageAsync("/Contracts")));
        _time.Advance(TimeSpan.FromMinutes(6));
        var after = await person.GetPageAsync("/Contracts");
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal("Sarah Okafor-Reid", Header(after));
        Assert.Equal(HttpStatusCode.OK, (await _factory.NewClient().GetAsync(feed)).StatusCode);
    }

    [Fact]
    public async Task Changed_roles_still_renew_the_stamp_which_revokes_the_calendar_address()
    {
        var person = await _factory.SignedInClientAsync(CommissioningFactory.Finance);
        var feed = new Uri((await person.GetPageAsync("/")).Find("#feed-url")!.GetAttribute("value")!).PathAndQuery;
        var (id, stamp) = await UserAsync(CommissioningFactory.Finance);
        var admin = await _factory.SignedInClientAsync(Administrator);

        var form = (await admin.GetPageAsync($"/Admin/Users/Edit/{id}")).Form();
        form.Add("Input.Roles", Roles.Viewer);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Users/Edit/{id}", form)).Status);

        Assert.NotEqual(stamp, (await UserAsync(CommissioningFactory.Finance)).Stamp);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.NewClient().GetAsync(feed)).StatusCode);
    }

    private sealed class MovableTime(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}

/// <summary>A session that began before display names were in the cookie gets one at its next request, not the address.</summary>
[Collection(SharedApp.People)]
public sealed class DisplayNameUpgradeTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Fact]
    public async Task A_cookie_without_the_display_name_claim_is_given_it_at_the_next_request()
    {
        string cookie;
        await using (var scope = factory.OpenDb())
        {
            var services = scope.Services;
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(Viewer))!;
            // The principal as the app built it before: Identity's own claims, the sign-in time, no display name.
            var plain = services.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
            var principal = await plain.CreateAsync(user);
            var identity = (System.Security.Claims.ClaimsIdentity)principal.Identity!;
            identity.RemoveClaim(identity.FindFirst(Commissioning.Infrastructure.Identity.People.DisplayNameClaim));
            identity.AddClaim(Commissioning.Web.Setup.IdentitySetup.SignInTime(TimeProvider.System));
            // Cookies name a server-side session (issue 13): a cookie without one is refused, so this one has one.
            var session = await services.GetRequiredService<Commissioning.Infrastructure.Identity.UserSessions>().StartAsync(user.Id, "test");
            identity.AddClaim(new System.Security.Claims.Claim(Commissioning.Web.Setup.SessionClaims.SessionId, session));
            Assert.False(principal.HasClaim(c => c.Type == Commissioning.Infrastructure.Identity.People.DisplayNameClaim));
            var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
                .Get(IdentityConstants.ApplicationScheme);
            var properties = new Microsoft.AspNetCore.Authentication.AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow, ExpiresUtc = DateTimeOffset.UtcNow.AddMinutes(30) };
            cookie = $"{options.Cookie.Name}={options.TicketDataFormat.Protect(new Microsoft.AspNetCore.Authentication.AuthenticationTicket(principal, properties, IdentityConstants.ApplicationScheme))}";
        }
        var client = factory.NewClient();
        client.DefaultRequestHeaders.Add("Cookie", cookie);

        var page = await client.GetPageAsync("/Contracts");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(NameOf(Viewer), Browser.Normalise(page.Find(".app-header__user span")!.TextContent));
        Assert.DoesNotContain(Viewer, page.Text);
    }
}
