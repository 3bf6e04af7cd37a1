using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Commissioning.BrowserTests;

/// <summary>What a person does in the browser, written once for every test.</summary>
public static partial class Browse
{
    /// <summary>Signs in through the form, by its labels and button, as a person would.</summary>
    public static async Task SignInAsync(IPage page, string email, string password = AppServer.DemoPassword)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }));
        if (new Uri(page.Url).AbsolutePath.StartsWith("/Account/SignIn", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Signing in as {email} failed: still on {page.Url}");
    }

    /// <summary>Opens one of <see cref="AppPages"/> in a new page of <paramref name="context"/>, in the state to check.</summary>
    public static async Task<IPage> OpenAsync(AppServer app, IBrowserContext context, AppPage target)
    {
        var route = await app.ResolveAsync(target.Route);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(route);
        Assert.True(response is not null, $"{target.Name}: no response from {route}");
        if (target.Arrange is null)
            Assert.True(response!.Status == target.Status, $"{target.Name}: {route} answered {response.Status}, expected {target.Status} (now at {page.Url})");
        else
            await target.Arrange(page);
        if (target.User is not null)
            Assert.False(new Uri(page.Url).AbsolutePath.StartsWith("/Account/SignIn", StringComparison.OrdinalIgnoreCase),
                $"{target.Name}: {target.User} was sent to sign in ({page.Url})");
        // GOV.UK Frontend's script has run once the body is marked.
        await page.WaitForSelectorAsync("body.govuk-frontend-supported", new() { State = WaitForSelectorState.Attached });
        return page;
    }

    /// <summary>Clicks a link or button that leads to a page (another, or the same one again) and waits until that page has loaded.</summary>
    public static Task ClickToNextPageAsync(IPage page, ILocator target) => NextPageAsync(page, () => target.ClickAsync(), target.ToString() ?? "a click");

    /// <summary>
    /// Does something that loads a new document (a click, Enter on a link or button) and waits for that document's
    /// load event. Waiting for the load state alone is not enough: until the new page commits, the old one is
    /// "loaded", and a check made then would read the page the test meant to leave (a form posted back to itself
    /// keeps its address, so waiting for the address is not enough either).
    /// </summary>
    public static async Task NextPageAsync(IPage page, Func<Task> action, string what)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage loadedPage) => loaded.TrySetResult();
        page.Load += OnLoad;
        try
        {
            await action();
            await loaded.Task.WaitAsync(AppServer.Patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No page loaded within {AppServer.Patience.TotalSeconds:0} s after {what} (still at {page.Url})");
        }
        finally
        {
            page.Load -= OnLoad;
        }
    }

    /// <summary>A full-page screenshot for people to look at (no test compares pixels).</summary>
    public static async Task<string> ScreenshotAsync(AppServer app, IPage page, string name, string suffix = "")
    {
        var file = Path.Combine(app.ScreenshotFolder, Slug().Replace(name.ToLowerInvariant(), "-").Trim('-') + suffix + ".png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        return file;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Slug();
}
