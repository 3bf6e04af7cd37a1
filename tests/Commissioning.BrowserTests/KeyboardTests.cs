using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Commissioning.BrowserTests.KeyboardScripts;

namespace Commissioning.BrowserTests;

/// <summary>Usable by keyboard alone: every page of <see cref="AppPages"/>, and two whole journeys.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class KeyboardTests(AppServer app, ITestOutputHelper output)
{
    private const int MaxTabs = 200;

    [Theory]
    [MemberData(nameof(AppPages.Names), MemberType = typeof(AppPages))]
    public async Task Every_control_is_reached_by_Tab_with_visible_focus(string name)
    {
        var target = AppPages.Named(name);
        await using var context = await app.NewContextAsync(target.User);
        var page = await Browse.OpenAsync(app, context, target);

        var problems = await AuditAsync(page, name);

        Assert.True(problems.Count == 0, $"{name} ({page.Url}) is not usable by keyboard alone:\n- " + string.Join("\n- ", problems));
    }

    /// <summary>
    /// GOV.UK error summary: each message is a link that, activated from the keyboard, puts focus in
    /// the field to correct (GOV.UK Frontend's script focuses the element the link points to).
    /// </summary>
    [Theory]
    [MemberData(nameof(AppPages.NamesWithErrors), MemberType = typeof(AppPages))]
    public async Task Each_error_summary_link_takes_focus_to_its_field(string name)
    {
        var target = AppPages.Named(name);
        await using var context = await app.NewContextAsync(target.User);
        var page = await Browse.OpenAsync(app, context, target);
        var links = page.Locator(".govuk-error-summary a");
        var count = await links.CountAsync();
        Assert.True(count > 0, $"{name}: no links in an error summary");

        var problems = new List<string>();
        for (var n = 0; n < count; n++)
        {
            var link = links.Nth(n);
            var href = await link.GetAttributeAsync("href") ?? "";
            var message = (await link.InnerTextAsync()).Trim();
            // A task list's error names unfinished sections, whose fields are on their own pages: such a link opens the page.
            if (href.StartsWith('/'))
            {
                var opened = await page.APIRequest.GetAsync(href);
                if (opened.Status != 200) problems.Add($"\"{message}\" (href=\"{href}\"): the page it opens answers {opened.Status}");
                continue;
            }
            await link.FocusAsync(); // where Tab reaches it (the walk above proves Tab does)
            await page.Keyboard.PressAsync("Enter");
            var landing = await page.EvaluateAsync<string>("""
                id => {
                  const a = document.activeElement, el = document.getElementById(id);
                  const field = a && ['INPUT', 'SELECT', 'TEXTAREA'].includes(a.tagName);
                  if (field && el && (a === el || el.contains(a))) return '';
                  const what = e => !e ? 'nothing' : e === document.body ? 'body' : e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).trim().split(/\s+/).join('.') : '');
                  const first = el && el.querySelector('input:not([type=hidden]), select, textarea');
                  return `focus stays on ${a && a.closest('.govuk-error-summary') ? 'the error summary link' : what(a)}; `
                    + (el ? `the link's target ${what(el)} cannot take focus` : 'the link\'s target does not exist')
                    + (first ? ` (link to its first field, #${first.id}, instead)` : '');
                }
                """, href.TrimStart('#'));
            if (landing.Length > 0) problems.Add($"\"{message}\" (href=\"{href}\"): {landing}");
        }

        Assert.True(problems.Count == 0, $"{name} ({page.Url}): error summary links that do not take the keyboard to the field:\n- " + string.Join("\n- ", problems));
    }

    /// <summary>The keyboard walk must fail when focus is broken, or its passing would mean nothing.</summary>
    [Fact]
    public async Task The_keyboard_check_notices_invisible_focus_and_a_positive_tabindex()
    {
        var target = AppPages.Named("Sign in");
        await using var context = await app.NewContextAsync(target.User);
        var page = await Browse.OpenAsync(app, context, target);
        // Break the page as careless CSS and markup would (script-set styles are allowed by the CSP).
        await page.EvaluateAsync("""
            () => {
              const password = document.getElementById('Input-Password');
              password.addEventListener('focus', () => {
                password.style.setProperty('outline', 'none', 'important');
                password.style.setProperty('box-shadow', 'none', 'important');
              });
              document.querySelector('main button').setAttribute('tabindex', '3');
            }
            """);

        var problems = await AuditAsync(page, "Broken sign in");

        Assert.Contains(problems, p => p.StartsWith("No visible focus indicator on input#Input-Password", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Positive tabindex", StringComparison.Ordinal) && p.Contains("Sign in", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("The first Tab focuses button", StringComparison.Ordinal));
    }

    /// <summary>
    /// Walks a page by keyboard: the skip link comes first and works, Tab reaches every visible
    /// control, no positive tabindex reorders them, and focus can always be seen. Returns the problems.
    /// </summary>
    internal async Task<List<string>> AuditAsync(IPage page, string name)
    {
        // No stray pointer may hover over a control and hide its focus style (GOV.UK buttons drop it on :hover).
        await page.Mouse.MoveAsync(0, 0);
        var problems = new List<string>();

        // GOV.UK pattern: after a failed submit the error summary has focus, so it is read out first.
        if (await page.Locator(".govuk-error-summary").CountAsync() > 0)
        {
            var summaryFocused = await page.EvaluateAsync<bool>("() => !!document.activeElement?.closest('.govuk-error-summary')");
            if (!summaryFocused) problems.Add("The error summary does not have focus after the page loads (GOV.UK's error summary script should move focus to it).");
        }

        // A fresh page has no focus, so its first Tab goes to the start of the tab order; a page that
        // put focus somewhere (the error summary) is taken back to the top first.
        if (await page.EvaluateAsync<bool>("() => !!document.activeElement && document.activeElement !== document.body"))
            await page.EvaluateAsync(FocusTop);
        var survey = await EvaluateAsync<FocusableSurvey>(page, Survey)
            ?? throw new InvalidOperationException("The survey of focusable elements returned nothing");
        foreach (var positive in survey.PositiveTabIndex)
            problems.Add($"Positive tabindex changes the tab order: {positive}");

        // 1. The first Tab reaches the skip link, and Enter takes the keyboard to the main content.
        await page.Keyboard.PressAsync("Tab");
        var first = await FocusedAsync(page);
        if (first is null || first.Text != "Skip to main content")
            problems.Add($"The first Tab focuses {first?.Describe ?? "nothing"}, not the \"Skip to main content\" link.");
        else
        {
            await page.Keyboard.PressAsync("Enter");
            var afterSkip = await page.EvaluateAsync<string>(
                "() => { const a = document.activeElement; return a && (a.id === 'main-content' || a.closest('#main-content')) ? 'main' : location.hash === '#main-content' ? 'hash' : (a ? a.tagName + '#' + a.id : 'none'); }");
            if (afterSkip is not ("main" or "hash"))
                problems.Add($"Enter on the skip link leaves focus on {afterSkip}, not #main-content.");
            await page.Keyboard.PressAsync("Tab");
            var next = await FocusedAsync(page);
            var firstInMain = survey.Items.FirstOrDefault(i => i.InMain);
            if (next is null || !next.InMain || (firstInMain is not null && next.Kbd != firstInMain.Kbd))
                problems.Add($"After skipping to the main content, Tab focuses {next?.Describe ?? "nothing"}; expected the first control of the main content, {firstInMain?.Describe ?? "(none)"}.");
        }

        // 2. From the top, Tab walks through every control, each showing where focus is.
        await page.EvaluateAsync(FocusTop);
        // Starting from the body, any positive-tabindex control comes round only after the end.
        await page.EvaluateAsync(FocusTop);
        var reached = new List<string>();
        var order = new List<string>();
        var outside = 0;
        for (var press = 0; press < MaxTabs; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await FocusedAsync(page);
            if (focused is null)
            {
                if (reached.Count > 0 && ++outside >= 2) break; // past the last control, twice
                continue;
            }
            outside = 0;
            if (focused.Kbd is null)
            {
                problems.Add($"Tab focuses an element that is hidden or disabled: {focused.Describe}");
                continue;
            }
            if (reached.Contains(focused.Kbd)) break; // round to a control already reached
            reached.Add(focused.Kbd);
            order.Add(focused.Describe);
            if (!focused.Indicator)
                problems.Add($"No visible focus indicator on {focused.Describe}: {focused.Style}");
        }

        var missed = survey.Items
            .Where(i => !reached.Contains(i.Kbd))
            .Where(i => i.Group is null || !survey.Items.Any(o => o.Group == i.Group && reached.Contains(o.Kbd)))
            .ToList();
        foreach (var m in missed)
            problems.Add($"Tab never reaches {m.Describe}");

        output.WriteLine($"{name}: {survey.Items.Length} focusable elements, {reached.Count} reached by Tab in this order:");
        foreach (var step in order) output.WriteLine("  " + step);
        return problems.Distinct().ToList();
    }

    [Fact]
    public async Task A_person_signs_in_searches_and_opens_a_contract_by_keyboard_alone()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/SignIn");
        await TabToAsync(page, f => f.Id == "Input-Email", "the email address field");
        await page.Keyboard.TypeAsync(AppPages.Commissioner);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Input-Password", (await FocusedAsync(page))?.Id);
        await page.Keyboard.TypeAsync(AppServer.DemoPassword);
        await page.Keyboard.PressAsync("Enter");
        // Signing in lands on the key dates home page.
        await page.WaitForURLAsync(HomePath());

        await page.GotoAsync("/Contracts");
        await TabToAsync(page, f => f.Id == "Filter-Q", "the search box");
        await page.Keyboard.TypeAsync("Persona");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("Filter.Q=Persona"));

        await TabToAsync(page, f => f.Tag == "a" && f.Text == "SC-2021-0001", "the SC-2021-0001 link");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/Contracts/Details/\\d+$"));

        var heading = await page.Locator("h1").InnerTextAsync();
        Assert.Contains("Persona", heading, StringComparison.Ordinal);
        await Browse.ScreenshotAsync(app, page, "journey-contract-by-keyboard");
    }

    [Fact]
    public async Task A_commissioner_adds_a_provider_by_keyboard_alone()
    {
        var providerName = $"Keyboard Care {Guid.NewGuid().ToString("N")[..6]} Limited";
        await using var context = await app.NewContextAsync(AppPages.Commissioner);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Providers");

        await TabToAsync(page, f => f.Tag == "a" && f.Text == "Add a provider", "the \"Add a provider\" button");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/Providers/Create$"));

        await TabToAsync(page, f => f.Id == "Input-Name", "the name field");
        await page.Keyboard.TypeAsync(providerName);

        await page.Keyboard.PressAsync("Tab");
        var type = await FocusedAsync(page);
        Assert.True(type is { Type: "radio" }, $"After the name, Tab should reach the type of organisation; it reached {type?.Describe}");
        await page.Keyboard.PressAsync("Space");
        Assert.True((await FocusedAsync(page))!.Checked, "Space did not choose the focused type of organisation");

        await page.Keyboard.PressAsync("Tab");
        var sme = await FocusedAsync(page);
        Assert.True(sme is { Id: "Input-IsSme" }, $"Tab should reach the SME checkbox; it reached {sme?.Describe}");
        await page.Keyboard.PressAsync("Space");
        Assert.True((await FocusedAsync(page))!.Checked, "Space did not tick the SME checkbox");

        await TabToAsync(page, f => f.Id == "Input-RegistrationNumber", "the registration number field");
        await page.Keyboard.TypeAsync("KB 123456");

        await TabToAsync(page, f => f.Tag == "button" && f.Text == "Save provider", "the \"Save provider\" button");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/Providers$"));

        Assert.Contains($"{providerName} added", await page.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("main table").GetByRole(AriaRole.Link, new() { Name = providerName, Exact = true }).CountAsync());
        await Browse.ScreenshotAsync(app, page, "journey-provider-by-keyboard");
    }

    [GeneratedRegex("://[^/]+/$")]
    private static partial Regex HomePath();
}
