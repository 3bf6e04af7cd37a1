using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Commissioning.BrowserTests;

/// <summary>
/// People by name, in the browser: no page shows a sign-in e-mail address except the users pages and the sign-in
/// form; an administrator names a user; a commissioner picks who is responsible for a contract, and it becomes theirs.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PeopleTests(AppServer app, ITestOutputHelper output)
{
    /// <summary>Something@something.something, as an address is written.</summary>
    [GeneratedRegex(@"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")]
    private static partial Regex EmailAddress();

    /// <summary>The pages that may show addresses: managing users needs them, signing in asks for one, and "Sign-in and security" shows the person their own.</summary>
    private static bool MayShowAddresses(string route) =>
        route.StartsWith("/Admin/Users", StringComparison.OrdinalIgnoreCase) || route.StartsWith("/Account/SignIn", StringComparison.OrdinalIgnoreCase)
        || route.Equals("/Account/Security", StringComparison.OrdinalIgnoreCase);

    [Theory]
    [MemberData(nameof(AppPages.Names), MemberType = typeof(AppPages))]
    public async Task No_page_shows_an_email_address_except_the_users_pages_and_the_sign_in_form(string name)
    {
        var target = AppPages.Named(name);
        await using var context = await app.NewContextAsync(target.User);
        var page = await Browse.OpenAsync(app, context, target);

        var text = await page.EvaluateAsync<string>("() => document.title + '\\n' + document.body.innerText");
        var found = EmailAddress().Matches(text).Select(m => m.Value).Distinct().ToList();

        if (MayShowAddresses(target.Route))
            output.WriteLine($"{name}: may show addresses; shows {found.Count}");
        else
            Assert.True(found.Count == 0, $"{name} ({page.Url}) shows e-mail address(es): {string.Join(", ", found)}");
        if (target.User is not null)
            Assert.DoesNotContain(target.User, await page.Locator("header").InnerTextAsync());
    }

    /// <summary>The check above must see an address when one is on the page, or its passing would mean nothing.</summary>
    [Fact]
    public async Task The_address_check_finds_the_addresses_the_sign_in_page_lists_in_demo_mode()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");

        var found = EmailAddress().Matches(await page.EvaluateAsync<string>("() => document.body.innerText")).Select(m => m.Value).ToList();

        Assert.Contains(AppPages.Commissioner, found);
        Assert.Contains(AppPages.Admin, found);
    }

    [Fact]
    public async Task An_administrator_sets_a_users_display_name_which_the_users_list_and_then_their_header_show()
    {
        var email = $"display-{Guid.NewGuid():N}@council.test";
        const string password = "harbour lantern pebble";
        await using var admin = await app.NewContextAsync(AppPages.Admin);
        var page = await admin.NewPageAsync();
        await page.GotoAsync("/Admin/Users/Create");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Display name").FillAsync("Chris Typo");
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByLabel("Viewer").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save user" }).ClickAsync();
        await page.WaitForURLAsync("**/Admin/Users");

        // The administrator corrects the name on the user's own page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Chris Typo", Exact = true }).ClickAsync();
        await page.GetByLabel("Display name").FillAsync("Chris Tapper");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await page.WaitForURLAsync("**/Admin/Users");
        await Browse.ScreenshotAsync(app, page, "people-users-list-after-rename");

        var row = page.Locator("main table tbody tr").Filter(new() { HasText = email });
        Assert.Equal("Chris Tapper", (await row.Locator("td").First.InnerTextAsync()).Trim());
        Assert.Contains("Chris Tapper saved", await page.Locator(".govuk-notification-banner").InnerTextAsync());

        await using var person = await app.NewContextAsync();
        var theirs = await person.NewPageAsync();
        await Browse.SignInAsync(theirs, email, password);
        await Browse.ScreenshotAsync(app, theirs, "people-header-display-name");
        var header = await theirs.Locator("header").InnerTextAsync();
        Assert.Contains("Chris Tapper", header);
        Assert.DoesNotContain(email, header);
    }

    [Fact]
    public async Task A_commissioner_picks_who_is_responsible_for_a_contract_and_it_moves_to_their_contracts()
    {
        // A second commissioner of the test's own, so the demo commissioner's contracts stay as they are for other tests.
        var email = $"commissioner-{Guid.NewGuid():N}@council.test";
        var name = $"Nia Roberts {email[13..17]}";
        const string password = "quiet meadow river stone";
        await using (var admin = await app.NewContextAsync(AppPages.Admin))
        {
            var page = await admin.NewPageAsync();
            await page.GotoAsync("/Admin/Users/Create");
            await page.GetByLabel("Email address").FillAsync(email);
            await page.GetByLabel("Display name").FillAsync(name);
            await page.GetByLabel("Password").FillAsync(password);
            await page.GetByLabel("Commissioner", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save user" }).ClickAsync();
            await page.WaitForURLAsync("**/Admin/Users");
        }

        // One of the demo commissioner's own contracts with a key date coming up, from their "My contracts".
        await using var commissioner = await app.NewContextAsync(AppPages.Commissioner);
        var home = await commissioner.NewPageAsync();
        await home.GotoAsync("/");
        var first = home.Locator("main table tbody tr td:first-child a[href^='/Contracts/Details/']").First;
        var reference = (await first.InnerTextAsync()).Trim();
        var details = await first.GetAttributeAsync("href") ?? throw new InvalidOperationException("No contract on the commissioner's key dates");
        output.WriteLine($"Moving {reference} ({details}) to {name}");

        var edit = await commissioner.NewPageAsync();
        await edit.GotoAsync(details.Replace("/Details/", "/Edit/", StringComparison.Ordinal));
        await edit.GetByLabel("Responsible commissioner").SelectOptionAsync(new SelectOptionValue { Label = name });
        await Browse.ScreenshotAsync(app, edit, "people-edit-contract-commissioner");
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await edit.WaitForURLAsync("**" + details);

        var row = edit.Locator(".govuk-summary-list__row").Filter(new() { Has = edit.Locator("dt", new() { HasTextString = "Responsible commissioner" }) });
        Assert.Equal(name, (await row.Locator("dd").InnerTextAsync()).Trim());
        await Browse.ScreenshotAsync(app, edit, "people-contract-commissioner");

        await using var newOwner = await app.NewContextAsync();
        var theirs = await newOwner.NewPageAsync();
        await Browse.SignInAsync(theirs, email, password);
        await theirs.GotoAsync("/");
        await Browse.ScreenshotAsync(app, theirs, "people-my-contracts");
        Assert.Contains(reference, await theirs.Locator("main").InnerTextAsync());
        await home.ReloadAsync();
        Assert.DoesNotContain(reference, string.Join("\n", await home.Locator("main table").AllInnerTextsAsync()));
    }
}
