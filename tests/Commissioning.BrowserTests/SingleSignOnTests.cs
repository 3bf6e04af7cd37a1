using Commissioning.Infrastructure.Identity;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Commissioning.BrowserTests.SingleSignOnAppServer;

namespace Commissioning.BrowserTests;

/// <summary>
/// Council single sign-on against a real OpenID Connect provider (oidc-provider on 127.0.0.1, started by
/// <see cref="SingleSignOnAppServer"/>): a person presses "Sign in with your council account", signs in at the
/// provider's own page, and comes back signed in with the role their groups give them. Microsoft Entra ID itself is
/// not reachable from here; this provider speaks the same protocol and sends the same "groups" claim.
/// </summary>
[Collection(SingleSignOnCollection.Name)]
public sealed class SingleSignOnTests(SingleSignOnAppServer app, ITestOutputHelper output)
{
    private const string Button = "Sign in with your council account";

    [Fact]
    public async Task A_commissioner_signs_in_with_their_council_account_lands_where_they_were_going_and_can_add_a_provider()
    {
        var login = Login("cora");
        app.SetPerson(login, new($"{login}@council.test", "Cora Fenwick", [CommissionersGroup, UnrelatedGroup]));
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        // A page that needs signing in sends the person to the sign-in page, which offers the council account first.
        await page.GotoAsync("/Providers/Create");
        Assert.StartsWith("/Account/SignIn", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await AssertAccessibleAsync(context, page.Url, "Sign in with the council account button");
        await Browse.ScreenshotAsync(app, page, "council sign-in: the sign-in page");
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).IsVisibleAsync(), "the password form stays for local accounts");

        await SignInAtProviderAsync(page, login);

        Assert.Equal("/Providers/Create", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Add a provider");
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("Cora Fenwick");

        // The administrator's list of users shows the new user, their role, and that they sign in with the council account.
        var row = await UsersRowAsync("Cora Fenwick", screenshot: "council sign-in: users and roles");
        Assert.Contains("Commissioner", row, StringComparison.Ordinal);
        Assert.Contains("Council account", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_in_no_group_of_the_register_is_refused_with_a_page_that_says_why_and_no_user_is_made()
    {
        var login = Login("nora");
        app.SetPerson(login, new($"{login}@council.test", "Nora Outside", [UnrelatedGroup]));
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");

        await SignInAtProviderAsync(page, login);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You cannot use the register with this council account");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your council account is not in a group that uses the register.");
        await Browse.ScreenshotAsync(app, page, "council sign-in: not in a group");
        await AssertAccessibleAsync(page, "Council sign-in refused");
        // Not signed in: the register still asks for sign-in.
        await page.GotoAsync("/Contracts");
        Assert.StartsWith("/Account/SignIn", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Null(await UsersRowAsync("Nora Outside", mustExist: false));
    }

    [Fact]
    public async Task Moving_a_person_between_groups_changes_their_role_at_their_next_sign_in_and_leaving_them_all_refuses_them()
    {
        var login = Login("vic");
        app.SetPerson(login, new($"{login}@council.test", "Vic Mover", [ViewersGroup]));
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await SignInAtProviderAsync(page, login);
        var viewer = await page.GotoAsync("/Providers/Create");
        Assert.Equal(403, viewer!.Status);

        // The council moves them to the board secretaries: at their next sign-in they are one, and no longer a viewer.
        app.SetPerson(login, new($"{login}@council.test", "Vic Mover", [SecretariesGroup]));
        await SignOutAsync(page);
        await page.GotoAsync("/Governance/Meetings/Create");
        await SignInAtProviderAsync(page, login);
        Assert.Equal("/Governance/Meetings/Create", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Schedule a meeting");
        var row = await UsersRowAsync("Vic Mover");
        Assert.Contains("Board secretary", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Viewer", row, StringComparison.Ordinal);

        // Out of every group of the register: refused, and their user keeps no role.
        app.SetPerson(login, new($"{login}@council.test", "Vic Mover", [UnrelatedGroup]));
        await SignOutAsync(page);
        await page.GotoAsync("/Account/SignIn");
        await SignInAtProviderAsync(page, login);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You cannot use the register with this council account");
        Assert.Contains("None", await UsersRowAsync("Vic Mover"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_council_account_with_the_address_of_a_password_account_does_not_take_that_account_over()
    {
        // The council's directory gives someone the demo administrator's address.
        var login = Login("mallory");
        app.SetPerson(login, new(AppPages.Admin, "Mallory Claims", [CommissionersGroup]));
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");

        await SignInAtProviderAsync(page, login);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your council account is not joined to your register account");
        await Browse.ScreenshotAsync(app, page, "council sign-in: a password account has the address");
        await AssertAccessibleAsync(page, "Council sign-in: password account");
        await page.GotoAsync("/Admin/Users");
        Assert.StartsWith("/Account/SignIn", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        var admin = await UsersRowAsync(AppPages.Admin);
        Assert.DoesNotContain("Council account", admin, StringComparison.Ordinal);
        Assert.Null(await UsersRowAsync("Mallory Claims", mustExist: false));
    }

    /// <summary>The register's lockout counts wrong passwords; a council user has none, so it must not shut them out.</summary>
    [Fact]
    public async Task A_council_user_locked_by_wrong_passwords_typed_against_their_address_still_signs_in_with_their_council_account()
    {
        var login = Login("lou");
        var email = $"{login}@council.test";
        app.SetPerson(login, new(email, "Lou Locked", [CommissionersGroup]));
        await using (var first = await app.NewContextAsync())
        {
            var page = await first.NewPageAsync();
            await page.GotoAsync("/Account/SignIn");
            await SignInAtProviderAsync(page, login);
        }
        // What five wrong passwords typed into the password form against Lou's address leave behind.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var lou = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("Lou's user was not made");
            await users.SetLockoutEndDateAsync(lou, DateTimeOffset.UtcNow.AddMinutes(15));
        }
        await using var later = await app.NewContextAsync();
        var again = await later.NewPageAsync();
        await again.GotoAsync("/Providers/Create");

        await SignInAtProviderAsync(again, login);

        await Assertions.Expect(again.Locator("h1")).ToHaveTextAsync("Add a provider");
    }

    [Fact]
    public async Task Cancelling_at_the_council_sign_in_page_comes_back_to_a_page_that_says_so()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = Button }));
        Assert.Equal(app.ProviderAddress.Authority, new Uri(page.Url).Authority);

        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "[ Cancel ]" }));

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Signing in with your council account did not finish");
        await Browse.ScreenshotAsync(app, page, "council sign-in: cancelled");
        await AssertAccessibleAsync(context, page.Url, "Council sign-in cancelled");
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Go back to sign in" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = Button })).ToBeVisibleAsync();
    }

    /// <summary>Presses the button, signs in at the provider's page as a person would, and waits to be back at the register.</summary>
    private async Task SignInAtProviderAsync(IPage page, string login)
    {
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = Button }));
        if (new Uri(page.Url).Authority == app.ProviderAddress.Authority)
        {
            // First time in this browser: the provider asks who they are, then for consent to share their details.
            await page.Locator("input[name=login]").FillAsync(login);
            await page.Locator("input[name=password]").FillAsync("any password: this test provider checks none");
            await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Sign-in" }));
            if (new Uri(page.Url).Authority == app.ProviderAddress.Authority)
                await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Continue" }));
        }
        Assert.Equal(app.BaseAddress.Authority, new Uri(page.Url).Authority);
        output.WriteLine($"Back at {page.Url}");
    }

    private static async Task SignOutAsync(IPage page)
    {
        await Browse.ClickToNextPageAsync(page, page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Sign out" }));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You have signed out");
    }

    /// <summary>The row of the administrator's users list naming <paramref name="text"/>, as its text.</summary>
    private async Task<string?> UsersRowAsync(string text, bool mustExist = true, string? screenshot = null)
    {
        await using var admin = await app.NewContextAsync(AppPages.Admin);
        var page = await admin.NewPageAsync();
        await page.GotoAsync("/Admin/Users");
        if (screenshot is not null) await Browse.ScreenshotAsync(app, page, screenshot);
        var rows = page.Locator("main table tbody tr").Filter(new() { HasText = text });
        if (!mustExist && await rows.CountAsync() == 0) return null;
        return await rows.First.InnerTextAsync();
    }

    /// <summary>axe and the keyboard walk on the page at <paramref name="url"/>, opened afresh: the walk leaves its page unfit for more clicks.</summary>
    private async Task AssertAccessibleAsync(IBrowserContext context, string url, string name)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await AssertAccessibleAsync(page, name);
        await page.CloseAsync();
    }

    /// <summary>axe and the keyboard walk on this page, as the test's last look at it.</summary>
    private async Task AssertAccessibleAsync(IPage page, string name)
    {
        await page.WaitForSelectorAsync("body.govuk-frontend-supported", new() { State = WaitForSelectorState.Attached });
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, $"{name}: axe found {string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help}"))}");
        var keyboard = await new KeyboardTests(app, output).AuditAsync(page, name);
        Assert.True(keyboard.Count == 0, $"{name} is not usable by keyboard alone:\n- " + string.Join("\n- ", keyboard));
    }

    /// <summary>A login name of its own for each test, so a person made by one test never meets another's.</summary>
    private static string Login(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..8]}";
}
