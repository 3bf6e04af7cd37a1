using System.Net;
using AngleSharp.Dom;
using Commissioning.Web.Tests.Pages.Contracts.Lifecycle;
using Commissioning.Web.Tests.Pages.Finance;
using Commissioning.Web.Tests.Support;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages;

/// <summary>
/// GOV.UK Design System conventions the pages share: "Error: " in the title of a page showing errors,
/// the service navigation, the success banner at the section a save changed, contents lists and the
/// contract's Actions group, status tags, and the footer's accessibility statement and privacy notice.
/// (Every page's title, phone width and print view are checked in a browser: BrowserTests/ConventionsTests.)
/// </summary>
[Collection(SharedApp.Register)]
public sealed class GovukConventionsTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    private static readonly string[] LifecycleLinks =
        ["Exercise extension option", "Record a variation", "Record a negotiated continuation", "Record termination", "Record renewal", "Withdraw contract"];

    private static string Title(HtmlPage page) => Browser.Normalise(page.Document.Title);

    [Fact]
    public async Task A_page_showing_errors_says_Error_first_in_its_title_and_the_same_page_without_errors_does_not()
    {
        var client = await factory.SignedInClientAsync(Commissioner);

        var blank = await client.GetPageAsync("/Providers/Create");
        var refused = await client.PostFormAsync("/Providers/Create", new FormFields(), tokenFrom: "/Providers/Create");

        Assert.Equal("Add a provider – Commissioning register – Bury Council", Title(blank));
        Assert.NotEmpty(refused.ErrorSummary);
        Assert.Equal("Error: Add a provider – Commissioning register – Bury Council", Title(refused));
    }

    [Fact]
    public async Task The_service_navigation_marks_the_current_section_and_shows_users_and_directorates_to_administrators_only()
    {
        var commissioner = await (await factory.SignedInClientAsync(Commissioner)).GetPageAsync("/Providers");
        var admin = await (await factory.SignedInClientAsync(Administrator)).GetPageAsync("/Providers");

        string[] Links(HtmlPage page) => page.FindAll(".govuk-service-navigation__list a").Select(a => Browser.Normalise(a.TextContent)).ToArray();
        var viewer = await (await factory.SignedInClientAsync(Viewer)).GetPageAsync("/Providers");
        Assert.Equal(["Key dates", "Contracts", "Providers", "Finance", "Governance", "Publish"], Links(commissioner));
        Assert.Equal(["Key dates", "Contracts", "Providers", "Finance", "Governance", "Publish", "Users and roles", "Directorates"], Links(admin));
        // Publishing is for commissioners, finance officers and administrators: a viewer is not offered it.
        Assert.Equal(["Key dates", "Contracts", "Providers", "Finance", "Governance"], Links(viewer));
        var current = Assert.Single(commissioner.FindAll(".govuk-service-navigation__list a[aria-current='page']"));
        Assert.Equal("Providers", Browser.Normalise(current.TextContent));
        // GOV.UK Frontend's script shows the menu button on a narrow screen and opens the list it controls.
        Assert.Equal("navigation", commissioner.Find(".govuk-js-service-navigation-toggle")!.GetAttribute("aria-controls"));
        Assert.NotNull(commissioner.Find("ul#navigation.govuk-service-navigation__list"));
    }

    [Fact]
    public async Task A_saved_savings_target_is_confirmed_in_the_savings_section_and_only_once()
    {
        var id = await FinanceArrange.ContractAsync(factory, new DateOnly(2021, 4, 1), new DateOnly(2024, 3, 31), 100_000m);
        var client = await factory.SignedInClientAsync(Commissioner);

        var save = await client.PostFormAsync($"/Finance/Savings/Create/{id}", new FormFields
        {
            { "Input.Year", "2022" }, { "Input.Amount", "25,000.00" }, { "Input.Kind", "CashableReduction" },
            { "Input.Description", "Remodel the night support" }, { "Input.Owner", "" }, { "Input.Delivered", "" },
        });
        var landed = await client.GetPageAsync(save.Location!);
        var again = await client.GetPageAsync($"/Contracts/Details/{id}");

        Assert.Equal($"/Contracts/Details/{id}#savings", save.Location);
        var banner = Assert.Single(landed.FindAll(".govuk-notification-banner--success"));
        Assert.Equal("savings", banner.PreviousElementSibling?.Id);
        Assert.Contains("Savings target of £25,000.00 for 2022/23 added", banner.TextContent);
        Assert.Empty(again.FindAll(".govuk-notification-banner--success"));
    }

    [Fact]
    public async Task A_recorded_variation_is_confirmed_at_the_history_and_an_edit_at_the_top_of_the_page()
    {
        var today = factory.Today;
        var id = await LifecycleArrange.BlockAsync(factory, today.AddYears(-1), today.AddYears(2));
        var client = await factory.SignedInClientAsync(Commissioner);

        var vary = (await client.GetPageAsync($"/Contracts/{id}/Vary")).Form().Set("Input.Changes", "Value").Set("Input.NewValue", "105,000.00")
            .Set("Input.Clause", "clause 53").Set("Input.Reason", "More hours").Set("Input.Decision", "DOD-1");
        var varied = await client.PostFormAsync($"/Contracts/{id}/Vary", vary);
        var history = await client.GetPageAsync(varied.Location!);
        var edit = (await client.GetPageAsync($"/Contracts/Edit/{id}")).Form().Set("Input.Title", "Renamed to see the banner");
        var edited = await client.PostFormAsync($"/Contracts/Edit/{id}", edit);
        var top = await client.GetPageAsync(edited.Location!);

        Assert.Equal($"/Contracts/Details/{id}#history", varied.Location);
        Assert.Equal("history", Assert.Single(history.FindAll(".govuk-notification-banner--success")).PreviousElementSibling?.Id);
        Assert.Equal($"/Contracts/Details/{id}", edited.Location);
        var banner = Assert.Single(top.FindAll(".govuk-notification-banner--success"));
        Assert.True(banner.CompareDocumentPosition(top.Find("h1")!).HasFlag(DocumentPositions.Following), "The edit's banner is not above the heading");
    }

    [Fact]
    public async Task The_contract_page_has_a_contents_list_of_its_sections_and_its_lifecycle_actions_in_an_Actions_group()
    {
        var today = factory.Today;
        var id = await LifecycleArrange.BlockAsync(factory, today.AddYears(-1), today.AddYears(2), [12]);
        var commissioner = await (await factory.SignedInClientAsync(Commissioner)).GetPageAsync($"/Contracts/Details/{id}");
        var viewer = await (await factory.SignedInClientAsync(Viewer)).GetPageAsync($"/Contracts/Details/{id}");

        var contents = commissioner.FindAll("nav.app-contents-list a").ToList();
        Assert.Equal(["About the contract", "Term", "Money and parties", "Annual values", "Governance", "Procurement Act notices", "Documents", "History", "Record"],
            contents.Select(a => Browser.Normalise(a.TextContent)));
        foreach (var link in contents)
        {
            // Each entry links to its section's own heading.
            var heading = commissioner.Find(link.GetAttribute("href")!);
            Assert.True(heading is { LocalName: "h2" }, $"{link.GetAttribute("href")} is not a section heading");
            Assert.Equal(Browser.Normalise(link.TextContent), Browser.Normalise(heading!.TextContent));
        }

        var actions = commissioner.Find("#actions")!.ParentElement!;
        Assert.Equal(LifecycleLinks, actions.QuerySelectorAll("a").Select(a => Browser.Normalise(a.TextContent)));
        var history = string.Join(" ", commissioner.Find("#history")!.ParentElement!.Children
            .SkipWhile(e => e.Id != "history").TakeWhile(e => e.Id != "record").Select(e => e.TextContent));
        Assert.DoesNotContain(LifecycleLinks, history.Contains);

        Assert.Null(viewer.Find("#actions"));
        Assert.NotNull(viewer.Find("nav.app-contents-list"));
    }

    [Fact]
    public async Task Value_status_and_RAG_are_GOV_UK_tags_and_returning_a_review_is_a_secondary_button()
    {
        var client = await factory.SignedInClientAsync(CommissioningFactory.Finance);
        var persona = await client.GetPageAsync($"/Contracts/Details/{await factory.ContractIdAsync("SC-2021-0001")}");
        var reviews = await client.GetPageAsync("/Finance/Reviews");
        var waiting = reviews.Find("main a[href^='/Finance/Reviews/']:not([href*='Create'])")!.GetAttribute("href")!;
        var review = await client.GetPageAsync(waiting);

        // Every row of "Values year by year" has its status as one tag: agreed green, projected blue.
        var statuses = persona.FindAll("#values-table tbody tr").Select(tr => tr.QuerySelector("td strong.govuk-tag")).ToList();
        Assert.All(statuses, tag => Assert.NotNull(tag));
        Assert.Contains(statuses, t => t!.ClassList.Contains("govuk-tag--green") && t.TextContent == "Agreed");
        Assert.Contains(statuses, t => t!.ClassList.Contains("govuk-tag--blue") && t.TextContent == "Projected");
        Assert.All(persona.FindAll("#savings-table tbody tr"), tr => Assert.NotNull(tr.QuerySelector("strong.govuk-tag")));

        var returning = review.FindAll("main button").Single(b => Browser.Normalise(b.TextContent) == "Return to the commissioner");
        Assert.Contains("govuk-button--secondary", returning.ClassList);
        Assert.DoesNotContain("govuk-button--warning", returning.ClassList);
    }

    [Fact]
    public async Task The_footer_links_to_the_accessibility_statement_and_privacy_notice_which_anyone_can_read()
    {
        using var app = With(("Council:Name", "Testshire County Council"));
        var anonymous = app.NewClient();
        var signIn = await anonymous.GetPageAsync("/Account/SignIn");

        foreach (var (path, heading) in new[] { ("/Accessibility", "Accessibility statement for the Commissioning register"), ("/Privacy", "Privacy notice for the Commissioning register") })
        {
            var page = await anonymous.GetPageAsync(path);
            Assert.NotNull(signIn.Find($"footer a.govuk-footer__link[href='{path}']"));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(heading, Browser.Normalise(page.Find("h1")!.TextContent));
            Assert.Contains("Testshire County Council", page.Text);
        }
    }

    [Fact]
    public async Task The_privacy_notice_says_what_is_held_why_for_how_long_and_whom_to_ask()
    {
        var page = await factory.NewClient().GetPageAsync("/Privacy");

        var sections = page.FindAll("main h2").Select(h => Browser.Normalise(h.TextContent));
        Assert.Equal(["What the register holds", "Why we hold it", "Who can see it", "How long we keep it", "Your rights and whom to contact"], sections);
        foreach (var held in new[] { "work e-mail address", "audit trail", "sign-in cookie", "30 minutes", "12 hours", "data protection officer" })
            Assert.Contains(held, page.Text);
    }
}
