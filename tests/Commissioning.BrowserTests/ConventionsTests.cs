using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Commissioning.BrowserTests;

/// <summary>
/// GOV.UK Design System conventions on every page of <see cref="AppPages"/>: the title says "Error: "
/// when (and only when) the page shows an error summary; a phone-sized window (375 px) never scrolls
/// sideways; the service navigation's menu button works; printed pages carry the content only.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConventionsTests(AppServer app, ITestOutputHelper output)
{
    private const int Phone = 375;

    /// <summary>
    /// Both checks on one load of each page at 375 px: the browser suite is slow, and a page that
    /// fails one usually needs looking at for the other. The screenshot (…-375.png) is for people.
    /// </summary>
    [Theory]
    [MemberData(nameof(AppPages.Names), MemberType = typeof(AppPages))]
    public async Task Page_fits_a_phone_and_its_title_starts_Error_only_when_it_shows_errors(string name)
    {
        var target = AppPages.Named(name);
        await using var context = await app.NewContextAsync(target.User, width: Phone);
        var page = await Browse.OpenAsync(app, context, target);
        output.WriteLine($"Screenshot: {await Browse.ScreenshotAsync(app, page, name, "-375")}");
        var problems = new List<string>();

        var title = await page.TitleAsync();
        var summary = await page.Locator(".govuk-error-summary").CountAsync() > 0;
        if (target.Errors && !title.StartsWith("Error: ", StringComparison.Ordinal))
            problems.Add($"it shows errors but its title is \"{title}\", not \"Error: …\"");
        if (!target.Errors && title.Contains("Error:", StringComparison.Ordinal))
            problems.Add($"it shows no errors but its title is \"{title}\"");
        if (summary != target.Errors)
            problems.Add($"AppPages says Errors: {target.Errors}, but the page {(summary ? "shows" : "does not show")} an error summary");

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        if (widths[0] > widths[1])
        {
            // Name the elements that stick out (outermost first, and any positioned on their own) so the
            // failure says what to fix; what scrolls inside a table's own box is no problem.
            var wide = await page.EvaluateAsync<string[]>("""
                () => [...document.body.querySelectorAll('*')]
                  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !e.parentElement?.closest('.app-table-container'))
                  .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= window.innerWidth + 0.5 || getComputedStyle(e).position === 'absolute')
                  .slice(0, 8)
                  .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${[...e.classList].join('.')} (right edge ${Math.round(e.getBoundingClientRect().right)} px): "${(e.innerText || '').trim().replace(/\s+/g, ' ').slice(0, 60)}"`)
                """);
            problems.Add($"at {Phone} px it scrolls sideways: the document is {widths[0]} px wide in a {widths[1]} px window. Too wide:\n    " + string.Join("\n    ", wide));
        }

        Assert.True(problems.Count == 0, $"{name} ({page.Url}):\n- " + string.Join("\n- ", problems));
    }

    [Fact]
    public async Task On_a_phone_the_menu_button_opens_the_service_navigation()
    {
        var target = AppPages.Named("Key dates");
        await using var context = await app.NewContextAsync(target.User, width: Phone);
        var page = await Browse.OpenAsync(app, context, target);
        var menu = page.Locator(".govuk-service-navigation").GetByRole(AriaRole.Button, new() { Name = "Menu", Exact = true });
        var contracts = page.Locator(".govuk-service-navigation").GetByRole(AriaRole.Link, new() { Name = "Contracts", Exact = true });

        Assert.True(await menu.IsVisibleAsync(), "No visible Menu button at 375 px");
        Assert.Equal("false", await menu.GetAttributeAsync("aria-expanded"));
        Assert.False(await contracts.IsVisibleAsync(), "The navigation links show before the menu is opened");

        // A keyboard user opens it: Tab to the button, then Enter.
        await KeyboardScripts.TabToAsync(page, f => f.Tag == "button" && f.Text == "Menu", "the Menu button", limit: 10);
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("true", await menu.GetAttributeAsync("aria-expanded"));
        Assert.True(await contracts.IsVisibleAsync(), "The Contracts link is not shown after opening the menu");
        // The current section is marked for everyone, not only by colour.
        Assert.Equal("page", await page.Locator(".govuk-service-navigation__item--active a").GetAttributeAsync("aria-current"));
        output.WriteLine($"Screenshot: {await Browse.ScreenshotAsync(app, page, "menu-open", "-375")}");

        await contracts.ClickAsync();
        await page.WaitForURLAsync("**/Contracts");

        // On a wide screen the links show and the button does not.
        await page.SetViewportSizeAsync(1280, 900);
        Assert.False(await page.Locator(".govuk-service-navigation__toggle").IsVisibleAsync(), "The Menu button shows at 1280 px");
        Assert.True(await page.Locator(".govuk-service-navigation").GetByRole(AriaRole.Link, new() { Name = "Finance", Exact = true }).IsVisibleAsync());
    }

    /// <summary>After a save the page lands on the section it changed, with the banner there and in view.</summary>
    [Fact]
    public async Task After_saving_a_savings_target_the_contract_page_opens_at_its_savings_with_the_banner()
    {
        var target = AppPages.Named("Edit a savings target");
        await using var context = await app.NewContextAsync(target.User);
        var page = await Browse.OpenAsync(app, context, target);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Contracts/Details/*#savings");
        await page.WaitForLoadStateAsync(LoadState.Load);

        var banner = page.Locator(".govuk-notification-banner--success");
        Assert.Equal(1, await banner.CountAsync());
        Assert.Equal("savings", await banner.EvaluateAsync<string>("b => b.previousElementSibling.id"));
        var inView = await banner.EvaluateAsync<bool>("b => { const r = b.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }");
        Assert.True(inView, "The success banner is not in view where the page landed");
        // What the person sees on landing: the window, not the whole page.
        var shot = Path.Combine(app.ScreenshotFolder, "saved-at-savings.png");
        await page.ScreenshotAsync(new() { Path = shot });
        output.WriteLine($"Screenshot: {shot}");
    }

    /// <summary>
    /// Printed (print media, on an A4 page's printable width): no navigation, forms, buttons or link
    /// addresses, and every table whole. The PDF is kept beside the screenshots for people to look at.
    /// </summary>
    [Theory]
    [InlineData("Contract register")]
    [InlineData("Contract: lead provider")]
    [InlineData("Decision: route")]
    [InlineData("Finance portfolio")]
    public async Task A_printed_page_shows_the_content_only_and_every_column(string name)
    {
        var target = AppPages.Named(name);
        // A4 is 210 mm wide; less Chromium's default 10 mm margins that is 190 mm, or 718 CSS pixels.
        await using var context = await app.NewContextAsync(target.User, width: 718);
        var page = await Browse.OpenAsync(app, context, target);
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        var shown = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('nav, form, button, input:not([type=hidden]), select, textarea, .govuk-button, .govuk-back-link, .govuk-skip-link')]
              .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
              .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${(e.innerText || e.value || '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`)
            """);
        Assert.True(shown.Length == 0, $"{name} prints navigation, forms or buttons:\n  " + string.Join("\n  ", shown));

        var addresses = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('a[href]')]
              .filter(a => a.getClientRects().length > 0 && getComputedStyle(a, '::after').content.includes(a.getAttribute('href')))
              .map(a => `${a.innerText.trim()} (${a.getAttribute('href')})`)
            """);
        Assert.True(addresses.Length == 0, $"{name} prints link addresses:\n  " + string.Join("\n  ", addresses));

        var tables = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main table')]
              .filter(t => t.getClientRects().length > 0)
              .filter(t => t.getBoundingClientRect().right > document.querySelector('main').getBoundingClientRect().right + 1
                        || (t.parentElement.scrollWidth > t.parentElement.clientWidth + 1))
              .map(t => `${t.caption ? t.caption.innerText.trim() : 'a table'} is ${Math.round(t.getBoundingClientRect().width)} px wide`)
            """);
        Assert.True(tables.Length == 0, $"{name} prints tables cut off at the page edge:\n  " + string.Join("\n  ", tables));

        // Every column prints: no header cell is hidden or squeezed to nothing.
        var columns = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main table thead th')]
              .filter(th => th.getBoundingClientRect().width < 20 || getComputedStyle(th).display === 'none')
              .map(th => th.innerText.trim() || '(no text)')
            """);
        Assert.True(columns.Length == 0, $"{name} prints columns hidden or squeezed: {string.Join(", ", columns)}");

        var pdf = Path.Combine(app.ScreenshotFolder, Path.GetFileNameWithoutExtension(await Browse.ScreenshotAsync(app, page, name, "-print")) + ".pdf");
        await page.PdfAsync(new() { Path = pdf, Format = "A4", PrintBackground = true, Margin = new() { Top = "10mm", Right = "10mm", Bottom = "10mm", Left = "10mm" } });
        output.WriteLine($"Printed: {pdf}");
    }
}
