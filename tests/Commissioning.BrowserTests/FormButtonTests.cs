using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Commissioning.BrowserTests;

/// <summary>
/// Secondary buttons ("Add another …", "Work out …", "Check …") must never break the main one.
/// Each form with more than one submit button is used as a person uses it: filled in, every
/// secondary button pressed, then the main button, and the record read back on its own page; and
/// the same again starting from the page re-rendered after a validation error.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FormButtonTests(AppServer app, ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(FormJourneys.Runs), MemberType = typeof(FormJourneys))]
    public async Task Secondary_buttons_then_the_main_button_save_what_was_typed(string name, bool afterValidationError)
    {
        var journey = FormJourneys.Named(name);
        var run = new Journey(app);
        await using var context = await app.NewContextAsync(journey.User);
        var page = await context.NewPageAsync();
        await journey.Open(page, run);
        var formPath = new Uri(page.Url).AbsolutePath;

        if (afterValidationError)
        {
            await journey.MakeInvalid(page, run);
            await Fill.PressAsync(page, journey.Main);
            await ExpectErrorSummaryAsync(page, $"pressing \u201c{journey.Main}\u201d with a mistake");
        }

        await journey.FillValidly(page, run);
        foreach (var step in journey.Secondary)
        {
            await Fill.PressAsync(page, step.Button);
            Assert.True(new Uri(page.Url).AbsolutePath == formPath, $"\u201c{step.Button}\u201d left the form for {page.Url}");
            if (step.RefusedWithErrors)
                await ExpectErrorSummaryAsync(page, $"pressing \u201c{step.Button}\u201d");
            else
                Assert.True(await page.Locator(".govuk-error-summary").CountAsync() == 0,
                    $"\u201c{step.Button}\u201d showed errors: {await ErrorsAsync(page)}");
            // What was typed is still there after the page came back.
            await Assertions.Expect(page.GetByLabel(journey.Kept.Label, new() { Exact = true })).ToHaveValueAsync(journey.Kept.Value(run));
            if (step.Then is not null) await step.Then(page);
        }

        await Fill.PressAsync(page, journey.Main);
        var errors = await ErrorsAsync(page);
        Assert.True(errors.Length == 0, $"\u201c{journey.Main}\u201d was refused: {errors}");
        if (!journey.MainStaysOnPage)
            Assert.True(new Uri(page.Url).AbsolutePath != formPath,
                $"\u201c{journey.Main}\u201d stayed on the form ({page.Url}): the save did not happen");
        await journey.ReadBack(page, run);
        output.WriteLine($"Saved and read back at {page.Url}; screenshot {await Browse.ScreenshotAsync(app, page, $"journey {name} {(afterValidationError ? "after error" : "")}")}");
    }

    /// <summary>
    /// Every page of the app's page list is opened; a post form with more than one submit button
    /// must have a journey above, post to its page's main handler, and have its secondary buttons
    /// name their own handlers. A new form with a secondary button fails here until it has a journey.
    /// </summary>
    [Fact]
    public async Task Every_form_with_more_than_one_submit_button_has_a_journey()
    {
        var covered = FormJourneys.All.SelectMany(j => j.Covers).ToHashSet();
        var unknown = covered.Where(c => AppPages.All.All(p => p.Name != c)).ToList();
        Assert.True(unknown.Count == 0, $"Journeys name pages that are not in AppPages: {string.Join(", ", unknown)}");

        var problems = new List<string>();
        var multiButtonPages = new HashSet<string>();
        foreach (var target in AppPages.All.Where(p => p.Status == 200))
        {
            await using var context = await app.NewContextAsync(target.User);
            var page = await Browse.OpenAsync(app, context, target);
            var json = await page.EvaluateAsync<JsonElement>(PostFormsScript);
            foreach (var form in json.Deserialize<PostForm[]>()!)
            {
                if (string.IsNullOrEmpty(form.Action))
                    problems.Add($"{target.Name}: a post form has no action of its own");
                if (form.Buttons.Length <= 1) continue;
                multiButtonPages.Add(target.Name);
                var buttons = string.Join(", ", form.Buttons.Select(b => $"\u201c{b.Text}\u201d"));
                if (!covered.Contains(target.Name))
                    problems.Add($"{target.Name}: a form with the buttons {buttons} has no journey in FormJourneys");
                if (form.Action.Contains("handler=", StringComparison.OrdinalIgnoreCase))
                    problems.Add($"{target.Name}: the form with {buttons} posts to a secondary handler ({form.Action})");
                var unnamed = form.Buttons.Where(b => string.IsNullOrEmpty(b.FormAction)).ToList();
                if (unnamed.Count != 1)
                    problems.Add($"{target.Name}: of {buttons}, {unnamed.Count} post to the form's own action; exactly one (the main button) should");
                problems.AddRange(form.Buttons.Where(b => !string.IsNullOrEmpty(b.FormAction) && !b.FormAction.Contains("handler=", StringComparison.OrdinalIgnoreCase))
                    .Select(b => $"{target.Name}: \u201c{b.Text}\u201d has a formaction without a handler ({b.FormAction})"));
            }
        }
        problems.AddRange(covered.Where(c => !multiButtonPages.Contains(c)).Select(c => $"{c}: a journey covers it, but it has no form with more than one submit button"));
        output.WriteLine($"Pages with a form of more than one submit button: {string.Join("; ", multiButtonPages.Order())}");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>Pages that are not HTML pages for a person, and why.</summary>
    private static readonly Dictionary<string, string> NotInThePageList = new()
    {
        ["/KeyDates/Calendar"] = "an iCalendar feed for Outlook, not a page",
        ["/Error"] = "shown in place of another page when something goes wrong",
        ["/Account/AccessDenied"] = "where a refused page sends a person: AppPages' \u201cAccess denied\u201d opens it that way",
        ["/Account/SignOut"] = "signing out is a button in the header; its page only confirms",
        ["/CoverSheets/Version"] = "the print view of a cover sheet version, printed to PDF",
        ["/Governance/Meetings/Pack"] = "the agenda pack PDF",
        ["/Governance/Meetings/Agenda"] = "the agenda PDF",
        ["/Documents/Download"] = "a document's file, sent as an attachment: DocumentJourneyTests downloads one",
        ["/Public/Releases"] = "the OCDS release package, JSON for machines, not a page: OcdsFeedTests validate it against the schema",
        ["/Public/Record"] = "a contract's OCDS record, JSON for machines, not a page: OcdsFeedTests validate it against the schema",
        ["/Account/ExternalSignIn"] = "council sign-in: only with single sign-on configured, so SingleSignOnTests runs axe and the keyboard walk on its pages",
    };

    /// <summary>The app's page list (AppPages) holds every Razor page of the app, so the suites that walk it miss none.</summary>
    [Fact]
    public void Every_page_of_the_app_is_in_the_page_list()
    {
        var descriptors = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>();
        var templates = descriptors.GroupBy(d => d.ViewEnginePath)
            .Where(g => !NotInThePageList.ContainsKey(g.Key))
            .Select(g => (Page: g.Key, Template: g.Select(d => d.AttributeRouteInfo?.Template ?? "").OrderBy(t => t.Length).First()))
            .ToList();
        var listed = AppPages.All.Select(p => Segments(p.Route)).ToList();
        var missing = templates.Where(t => !listed.Any(route => Matches(Segments(t.Template), route))).Select(t => $"{t.Page} (/{t.Template})").ToList();
        Assert.True(missing.Count == 0, "Pages not in AppPages (add a line, or say in NotInThePageList why not): " + string.Join(", ", missing));
        Assert.True(NotInThePageList.Keys.All(k => descriptors.Any(d => d.ViewEnginePath == k)), "NotInThePageList names a page the app no longer has");
    }

    private static string[] Segments(string route)
    {
        // The query is not part of the route; a {kind:name} placeholder may itself hold a '?' or '/' only inside braces.
        var depth = 0;
        var end = route.Length;
        for (var i = 0; i < route.Length; i++)
        {
            if (route[i] == '{') depth++;
            else if (route[i] == '}') depth--;
            else if (route[i] == '?' && depth == 0) { end = i; break; }
        }
        return route[..end].Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
    }

    private static bool Matches(string[] template, string[] route) =>
        template.Length == route.Length
        && template.Zip(route).All(p => p.First.StartsWith('{') ? p.Second.Length > 0 : string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));

    private static async Task ExpectErrorSummaryAsync(IPage page, string after)
    {
        Assert.True(await page.Locator(".govuk-error-summary").CountAsync() > 0, $"No error summary after {after} ({page.Url})");
    }

    private static async Task<string> ErrorsAsync(IPage page) =>
        string.Join("; ", await page.Locator(".govuk-error-summary__list li").AllTextContentsAsync()).Trim();

    private const string PostFormsScript = """
        () => Array.from(document.querySelectorAll('form'))
            .filter(f => (f.getAttribute('method') || '').toLowerCase() === 'post')
            .map(f => ({
                action: f.getAttribute('action') || '',
                buttons: Array.from(f.querySelectorAll('button:not([type]), button[type=submit], input[type=submit]'))
                    .map(b => ({ text: (b.textContent || b.value || '').trim().replace(/\s+/g, ' '), formAction: b.getAttribute('formaction') || '' }))
            }))
        """;

    private sealed record PostForm([property: JsonPropertyName("action")] string Action, [property: JsonPropertyName("buttons")] PostButton[] Buttons);

    private sealed record PostButton([property: JsonPropertyName("text")] string Text, [property: JsonPropertyName("formAction")] string FormAction);
}
