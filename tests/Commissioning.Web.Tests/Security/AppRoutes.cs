using Commissioning.Infrastructure.KeyDates;
using Commissioning.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Security;

/// <summary>One Razor page of the running application: its path ("/Contracts/Edit"), route template and handlers.</summary>
public sealed record AppPage(string Page, string Template, IReadOnlyList<string> Parameters, IReadOnlyList<string?> GetHandlers, IReadOnlyList<string?> PostHandlers)
{
    public override string ToString() => Page;
}

/// <summary>A page's address with its parameters filled in, and one of its handlers.</summary>
public sealed record Probe(AppPage Page, string Url, string Method, string? Handler)
{
    /// <summary>The address a form for this handler posts to (the app names handlers in the query, decision 0011).</summary>
    public string HandlerUrl => Handler is null ? Url : Url + (Url.Contains('?') ? "&" : "?") + "handler=" + Handler;

    public string Name => $"{Method} {Page.Page}{(Handler is null ? "" : "?handler=" + Handler)}";
    public override string ToString() => Name;
}

/// <summary>
/// Every Razor page as the built application routes it, read from its endpoints, so a page added
/// tomorrow is probed tomorrow; and real ids from the demo data for the routes' parameters.
/// </summary>
public static class AppRoutes
{
    public static async Task<IReadOnlyList<AppPage>> DiscoverAsync(CommissioningFactory factory)
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var pages = new List<AppPage>();
        // An Index page has two routes ("Contracts/Index" and "Contracts"): the shorter is the one people use.
        foreach (var group in endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
                     .GroupBy(e => e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath))
        {
            var endpoint = group.OrderBy(e => e.RoutePattern.RawText?.Length ?? 0).First();
            var descriptor = endpoint.Metadata.GetMetadata<PageActionDescriptor>()!;
            var compiled = endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>()
                ?? await loader.LoadAsync(descriptor, endpoint.Metadata);
            var handlers = compiled.HandlerMethods;
            pages.Add(new AppPage(group.Key, "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/'),
                endpoint.RoutePattern.Parameters.Where(p => !p.IsOptional).Select(p => p.Name).ToList(),
                handlers.Where(h => h.HttpMethod == "Get").Select(h => h.Name).Distinct().ToList(),
                handlers.Where(h => h.HttpMethod == "Post").Select(h => h.Name).Distinct().ToList()));
        }
        return pages.OrderBy(p => p.Page, StringComparer.Ordinal).ToList();
    }

    /// <summary>The demo data's records that the routes' parameters name.</summary>
    public sealed record DemoIds(int Contract, int Provider, int Directorate, string User, int Body, int Decision, int Meeting,
        int CoverSheet, int IssuedVersion, int Review, int Savings, int FundingYear, string CalendarToken, (int Meeting, int Item) ItemWithoutSheet,
        int ActContract, int Upload, int Document);

    public static async Task<DemoIds> DemoIdsAsync(CommissioningFactory factory)
    {
        await using var scope = factory.OpenDb();
        var db = scope.Db;
        // Persona's 2021 contract has something of everything: reviews, savings, a decision and an issued cover sheet.
        var contract = await db.Contracts.Where(c => c.Reference == "SC-2021-0001").Select(c => c.Id).SingleAsync();
        var sheet = (await db.CoverSheets.AsNoTracking().ToListAsync()).First(s => s.LatestIssued is not null);
        var viewer = await db.Users.SingleAsync(u => u.Email == Viewer);
        var withSheets = await db.CoverSheets.Select(s => s.AgendaItemId).ToListAsync();
        var itemWithoutSheet = (await db.Meetings.AsNoTracking().ToListAsync())
            .SelectMany(m => m.Agenda.Where(i => i.ContractDecisionId is not null && !withSheets.Contains(i.Id)).Select(i => (m.Id, i.Id)))
            .First();
        var tokens = scope.Services.GetRequiredService<CalendarTokens>();
        // An upload of the administrator's, mapped as proposed, for the import's pages (only its uploader sees it).
        var admin = await db.Users.SingleAsync(u => u.Email == Administrator);
        var uploads = scope.Services.GetRequiredService<Infrastructure.Import.ImportUploads>();
        var csv = System.Text.Encoding.UTF8.GetBytes(Pages.Import.UploadTests.GoodCsv);
        var upload = await uploads.SaveAsync("probe.csv", csv, new(), admin.Id, default);
        var table = Infrastructure.Import.ImportFileReader.Read(new MemoryStream(csv), "probe.csv", new(), Infrastructure.Import.ImportLimits.Default).Table!;
        await uploads.SetSettingsAsync(upload, admin.Id, new(Infrastructure.Import.ImportColumns.Propose(table.Headers),
            new(null, await db.DirectorateIdAsync("Adult Social Care")), []), default);
        return new DemoIds(
            contract,
            await db.Providers.Where(p => p.Name == "Persona Care and Support Limited").Select(p => p.Id).SingleAsync(),
            await db.DirectorateIdAsync("Adult Social Care"),
            viewer.Id,
            await db.DecisionBodies.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync(),
            await db.ContractDecisions.Where(d => d.ContractId == contract).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(),
            sheet.MeetingId,
            sheet.Id,
            sheet.LatestIssued!.Number,
            await db.AnnualValueReviews.Where(r => r.ContractId == contract).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(),
            await db.SavingsTargets.Where(s => s.ContractId == contract).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
            2021,
            await tokens.CreateAsync(viewer),
            itemWithoutSheet,
            // A generated contract awarded since 24 February 2025: under the Procurement Act, with a contract details notice owed.
            await db.Contracts.Where(c => c.Reference == "SC-2023-0110").Select(c => c.Id).SingleAsync(),
            upload,
            // A PDF attached to Persona's contract, for the documents' pages.
            await scope.Services.GetRequiredService<Infrastructure.Documents.DocumentStore>().AddAsync(
                new(Infrastructure.Documents.DocumentOwnerKind.Contract, contract), "probe.pdf", new MemoryStream(Commissioning.Tests.Shared.DocumentFiles.Pdf()),
                new Domain.Common.Actor(admin.Id, "Gareth Lloyd")));
    }

    /// <summary>
    /// The page's address with real ids. A parameter this does not know fails the test: a new page with a
    /// new kind of id must be added here, not skipped.
    /// </summary>
    public static string Fill(AppPage page, DemoIds ids)
    {
        var url = page.Template;
        foreach (var name in page.Parameters)
        {
            var value = (name, page.Page) switch
            {
                ("id", var p) when p.StartsWith("/Contracts/", StringComparison.Ordinal) => S(ids.Contract),
                ("id", var p) when p.StartsWith("/Publish/Notices/", StringComparison.Ordinal) => S(ids.ActContract),
                ("id", var p) when p.StartsWith("/Providers/", StringComparison.Ordinal) => S(ids.Provider),
                ("id", var p) when p.StartsWith("/Admin/Directorates/", StringComparison.Ordinal) => S(ids.Directorate),
                ("id", var p) when p.StartsWith("/Admin/Users/", StringComparison.Ordinal) => ids.User,
                ("id", var p) when p.StartsWith("/Governance/Bodies/", StringComparison.Ordinal) => S(ids.Body),
                ("id", var p) when p.StartsWith("/Governance/Decisions/", StringComparison.Ordinal) => S(ids.Decision),
                // An agenda item's page: the item and the meeting it is on.
                ("id", "/Governance/Meetings/Item") => S(ids.ItemWithoutSheet.Meeting),
                ("itemId", "/Governance/Meetings/Item") => S(ids.ItemWithoutSheet.Item),
                ("id", var p) when p.StartsWith("/Governance/Meetings/", StringComparison.Ordinal) => S(ids.Meeting),
                ("id", var p) when p.StartsWith("/CoverSheets/", StringComparison.Ordinal) => S(ids.CoverSheet),
                ("id", var p) when p.StartsWith("/Finance/Reviews/", StringComparison.Ordinal) => S(ids.Review),
                ("id", var p) when p.StartsWith("/Finance/Savings/", StringComparison.Ordinal) => S(ids.Savings),
                ("id", var p) when p.StartsWith("/Import/", StringComparison.Ordinal) => S(ids.Upload),
                ("id", "/Documents/Upload") => S(ids.Contract),
                ("kind", "/Documents/Upload") => "Contract",
                ("id", var p) when p.StartsWith("/Documents/", StringComparison.Ordinal) => S(ids.Document),
                ("number", "/CoverSheets/Version") => S(ids.IssuedVersion),
                ("contractId", _) => S(ids.Contract),
                ("year", "/Finance/Funding") => S(ids.FundingYear),
                ("token", "/KeyDates/Calendar") => ids.CalendarToken,
                ("ocid", "/Public/Record") => "ocds-xxxxxx-" + S(ids.Contract),
                _ => throw new InvalidOperationException(
                    $"{page.Page} ({page.Template}) has a route parameter '{name}' the probes cannot fill: add it to {nameof(AppRoutes)}.{nameof(Fill)}."),
            };
            url = System.Text.RegularExpressions.Regex.Replace(url, "\\{" + name + "(:[^}]*)?\\}", Uri.EscapeDataString(value));
        }
        // Optional parameters ({handler?}) are left out.
        return System.Text.RegularExpressions.Regex.Replace(url, "/\\{[^}]*\\?\\}", "") + Query(page, ids);
    }

    /// <summary>What a page needs in its query to show its form, as the links to it give it.</summary>
    private static string Query(AppPage page, DemoIds ids) => page.Page switch
    {
        // A contract form is for one kind of contract; the block form is the one every editor meets first.
        "/Contracts/Create" => "?form=Block",
        "/CoverSheets/Create" => $"?meetingId={ids.ItemWithoutSheet.Meeting}&itemId={ids.ItemWithoutSheet.Item}",
        // The notice to record: the contract details notice every awarded Act contract owes.
        "/Publish/Notices/Record" => "?key=details",
        _ => "",
    };

    /// <summary>The query a named GET handler needs to do its work (a download's table and format).</summary>
    public static string GetQuery(AppPage page, string handler) => (page.Page, handler) switch
    {
        ("/Contracts/Details", "Values") => "&format=csv",
        ("/Contracts/Index", "Export") => "&format=csv",
        ("/Import/DryRun", "Report") => "",
        ("/Finance/Index", "Export") => "&table=" + Uri.EscapeDataString(Web.Pages.Finance.PortfolioTables.Names.First()) + "&format=csv",
        ("/CoverSheets/Version", "Pdf") => "",
        ("/Public/Contracts", "Csv") => "",
        ("/Publish/Index", "Export") => "&quarter=2021-22-Q2&format=csv",
        // The council sign-in's return legs: with single sign-on off (as here) they are not there at all.
        ("/Account/ExternalSignIn", "Callback" or "Failed") => "",
        _ => throw new InvalidOperationException($"{page.Page} has a GET handler '{handler}' the probes do not know: add its query to {nameof(AppRoutes)}.{nameof(GetQuery)}."),
    };

    public static IEnumerable<Probe> Gets(AppPage page, DemoIds ids)
    {
        var url = Fill(page, ids);
        // A page without an OnGet (Privacy) still answers a GET: it renders.
        yield return new Probe(page, url, "GET", null);
        foreach (var handler in page.GetHandlers.OfType<string>())
            yield return new Probe(page, url + (url.Contains('?') ? "&" : "?") + "handler=" + handler + GetQuery(page, handler), "GET", handler);
    }

    public static IEnumerable<Probe> Posts(AppPage page, DemoIds ids)
    {
        var url = Fill(page, ids);
        return page.PostHandlers.Select(h => new Probe(page, url, "POST", h));
    }

    private static string S(int n) => ContractInput.S(n);
}
