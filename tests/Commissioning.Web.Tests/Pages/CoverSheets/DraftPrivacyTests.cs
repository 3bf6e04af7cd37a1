using System.Net;
using Commissioning.Domain.Governance;
using Commissioning.Web.Tests.Support;
using UglyToad.PdfPig;
using static Commissioning.Web.Tests.Pages.CoverSheets.CoverSheetSteps;
using static Commissioning.Web.Tests.Pages.Governance.GovernanceSeed;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.CoverSheets;

/// <summary>
/// Issue 13, defect 3: a draft's title, presenter and governance rows are for board secretaries
/// and administrators only. Everyone else reads the latest issued version, and of a sheet never
/// issued only that no version has been issued yet: not on the sheet's page, its previews and
/// PDFs, nor in the meeting's agenda pack.
/// </summary>
[Collection(CoverSheetCollection.Name)]
public sealed class DraftPrivacyTests(CoverSheetApp app)
{
    private readonly CoverSheetApp app = app.Fresh();

    private CommissioningFactory Factory => app.Factory;

    public static TheoryData<string> NonEditors => [Viewer, CommissioningFactory.Finance, Commissioner];
    public static TheoryData<string> Editors => [Secretary, Administrator];

    /// <summary>What only the drafts say (title, presenter, a governance row), and what the issued version says.</summary>
    private sealed record Arranged(int Meeting, int Redrafted, int Unissued, string IssuedTitle, string[] DraftOnly);

    /// <summary>
    /// One meeting with two sheets: <c>Redrafted</c> has version 1 issued and version 2 in draft (new title,
    /// new presenter, and a route step added since, so a governance row version 1 lacks); <c>Unissued</c> is only a draft.
    /// </summary>
    private async Task<Arranged> ArrangeAsync()
    {
        var secretary = await Factory.SignedInClientAsync(Secretary);
        var tag = Unique("");
        var first = await AgendaItemAsync(Factory, secretary, CoverSheetApp.Today.AddDays(9));
        var redrafted = await CreateSheetAsync(secretary, first);
        var issuedTitle = $"Issued title{tag}";
        await IssueCompleteAsync(secretary, redrafted, change: f => f.Set("Input.Title", issuedTitle));

        var laterBody = $"Draft-only Panel{tag}";
        var body = await BodyAsync(Factory, secretary, laterBody, DecisionBodyKind.ManagementTeam);
        Redirected(await AddStepAsync(secretary, first.Decision, GovernanceAction.Recommend, bodyId: body, date: CoverSheetApp.Today.AddDays(-2)),
            $"/Governance/Decisions/{first.Decision}#route");
        var version2 = (await EditFormAsync(secretary, redrafted))
            .Set("Input.Title", $"Redrafted title{tag}").Set("Input.PresentedBy", $"Redraft presenter{tag}");
        Redirected(await SaveAsync(secretary, redrafted, version2), EditUrl(redrafted));

        var second = await AgendaItemAsync(Factory, secretary, CoverSheetApp.Today.AddDays(9), meeting: first.Meeting);
        var unissued = await CreateSheetAsync(secretary, second);
        var draft = (await EditFormAsync(secretary, unissued))
            .Set("Input.Title", $"Unissued title{tag}").Set("Input.PresentedBy", $"Unissued presenter{tag}");
        Redirected(await SaveAsync(secretary, unissued, draft), EditUrl(unissued));

        // The governance rows as saved: version 2 gained the later body's row; the unissued draft has its own route's row.
        var saved = await LoadSheetAsync(Factory, redrafted);
        Assert.Contains(laterBody, saved.Current.Governance.Select(g => g.Meeting));
        Assert.DoesNotContain(laterBody, saved.LatestIssued!.Governance.Select(g => g.Meeting));
        var unissuedRow = Assert.Single((await LoadSheetAsync(Factory, unissued)).Current.Governance).Meeting;

        return new Arranged(first.Meeting, redrafted, unissued, issuedTitle,
            [$"Redrafted title{tag}", $"Redraft presenter{tag}", laterBody, $"Unissued title{tag}", $"Unissued presenter{tag}", unissuedRow]);
    }

    [Theory]
    [MemberData(nameof(NonEditors))]
    public async Task Others_see_only_issued_versions_and_nothing_of_a_draft(string user)
    {
        var ids = await ArrangeAsync();
        var client = await Factory.SignedInClientAsync(user);

        // The redrafted sheet shows version 1 as issued: its title, with no sign of version 2.
        var redrafted = await client.GetPageAsync($"/CoverSheets/{ids.Redrafted}");
        Assert.Equal(HttpStatusCode.OK, redrafted.Status);
        Assert.Equal($"Cover sheet: {ids.IssuedTitle}", Browser.Normalise(redrafted.Find("h1")!.TextContent));
        Assert.Equal([$"/CoverSheets/{ids.Redrafted}/Versions/1/Pdf"], redrafted.FindAll("main table a").Select(a => a.GetAttribute("href")));

        // The sheet never issued says so, and nothing more of the draft.
        var unissued = await client.GetPageAsync($"/CoverSheets/{ids.Unissued}");
        Assert.Equal(HttpStatusCode.OK, unissued.Status);
        Assert.Contains("No version of this cover sheet has been issued yet.", unissued.Text);

        foreach (var (page, url) in new[] { (redrafted, $"/CoverSheets/{ids.Redrafted}"), (unissued, $"/CoverSheets/{ids.Unissued}") })
            foreach (var secret in ids.DraftOnly)
                Assert.False(page.Html.Contains(secret, StringComparison.Ordinal), $"{user} read '{secret}' on {url}");

        // The drafts' previews and PDFs are refused; the agenda pack prints version 1 and not the drafts.
        AssertRefused(await client.GetPageAsync($"/CoverSheets/{ids.Redrafted}/Versions/2"), "version 2 preview");
        AssertRefused(await client.GetPageAsync($"/CoverSheets/{ids.Redrafted}/Versions/2/Pdf"), "version 2 PDF");
        AssertRefused(await client.GetPageAsync($"/CoverSheets/{ids.Unissued}/Versions/1"), "unissued preview");
        AssertRefused(await client.GetPageAsync($"/CoverSheets/{ids.Unissued}/Versions/1/Pdf"), "unissued PDF");
        using var pack = PdfDocument.Open(await PdfAsync(client, $"/Governance/Meetings/{ids.Meeting}/Pack"));
        var text = Text(pack);
        Assert.Contains(ids.IssuedTitle, text);
        foreach (var secret in ids.DraftOnly)
            Assert.DoesNotContain(secret, text);
    }

    [Theory]
    [MemberData(nameof(Editors))]
    public async Task Board_secretaries_and_administrators_see_the_drafts(string user)
    {
        var ids = await ArrangeAsync();
        var client = await Factory.SignedInClientAsync(user);

        var redrafted = await client.GetPageAsync($"/CoverSheets/{ids.Redrafted}");
        var unissued = await client.GetPageAsync($"/CoverSheets/{ids.Unissued}");
        var both = redrafted.Text + " " + unissued.Text;
        foreach (var secret in ids.DraftOnly)
            Assert.Contains(secret, both);
        Assert.Equal(
            [$"/CoverSheets/{ids.Redrafted}/Versions/2/Pdf", $"/CoverSheets/{ids.Redrafted}/Versions/1/Pdf"],
            redrafted.FindAll("main table a").Select(a => a.GetAttribute("href")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync($"/CoverSheets/{ids.Redrafted}/Versions/2")).Status);
    }
}
