using System.Globalization;
using Commissioning.Domain.Governance;
using Commissioning.Infrastructure.Documents;

namespace Commissioning.Web.Pages.Governance.Meetings;

/// <summary>
/// What the agenda prints (alone, or as the first part of the agenda pack): the meeting's details and its items in order.
/// In the public pack a confidential item is listed by number only, as exempt, with neither its title nor its presenter.
/// </summary>
public sealed record AgendaDocument(
    string Title, string Council, string BodyName, string MeetingTitle, DateOnly Date, string? StartTime,
    string? Venue, bool IsOnline, string? OnlineLink, string? Chair, IReadOnlyList<AgendaLine> Items, bool Public)
{
    public const string ViewPath = "/Pages/Governance/Meetings/_AgendaPrint.cshtml";
    public const string ArticlePath = "/Pages/Governance/Meetings/_AgendaArticle.cshtml";

    /// <summary>The meeting as footers and titles name it: "Strategic Commissioning Board, 5 October 2020".</summary>
    public string MeetingName => $"{MeetingTitle}, {Dates.Long(Date)}";
}

/// <summary>One item as the agenda lists it, with the reports the pack carries and those it cannot.</summary>
public sealed record AgendaLine(int ItemId, string Number, string Title, string? Presenter, string Action, bool Confidential, string? ConfidentialReason)
{
    /// <summary>"Item 17 – Form and Function of the Local Care Organisation": the pack's bookmark and footer.</summary>
    public string Label => $"Item {Number} – {Title}";

    /// <summary>Report PDFs merged into the pack after the item's cover sheet: name and page count.</summary>
    public List<(string Name, int Pages)> Reports { get; } = [];
    /// <summary>Reports the pack cannot carry (Word, Excel, images, unreadable PDFs): "name (Word document)".</summary>
    public List<string> SuppliedSeparately { get; } = [];
}

/// <summary>Loads a meeting's agenda, its items' cover sheets, and (for the pack) the items' reports.</summary>
public static class AgendaLoader
{
    /// <summary>The meeting, its agenda for printing, and each item's latest issued cover sheet version (by item id).</summary>
    public sealed record Loaded(Meeting Meeting, AgendaDocument Agenda, IReadOnlyDictionary<int, CoverSheetVersion> Issued);

    public static async Task<Loaded?> LoadAsync(CommissioningDbContext db, IConfiguration configuration, int meetingId, bool forPublic, string title, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return null;
        var sheets = await db.CoverSheets.AsNoTracking().Where(s => s.MeetingId == meetingId).ToListAsync(ct);
        var byItem = sheets.ToDictionary(s => s.AgendaItemId);
        var issued = sheets.Where(s => s.LatestIssued is not null).ToDictionary(s => s.AgendaItemId, s => s.LatestIssued!);
        var lines = meeting.Agenda.Select(item =>
        {
            byItem.TryGetValue(item.Id, out var sheet);
            // Confidential if the sheet says so now or said so when last issued: the safer of the two for a paper that may be published.
            var secret = sheet is not null && (sheet.Current.IsConfidential || sheet.LatestIssued?.IsConfidential == true);
            // The reason is printed only as issued: a draft's words are not for viewers.
            var reason = sheet?.LatestIssued is { IsConfidential: true } confidential ? confidential.ConfidentialReason : null;
            var number = item.Number ?? item.Position.ToString(CultureInfo.InvariantCulture);
            return new AgendaLine(item.Id, number, item.Title, item.Presenter ?? sheet?.LatestIssued?.PresentedBy, item.Action.ToText(), secret, secret ? reason : null);
        }).ToList();
        var agenda = new AgendaDocument(title, PublicSetup.CouncilName(configuration), meeting.BodyName, meeting.Title, meeting.Date,
            meeting.StartTime is { } t ? MeetingDisplay.Time(t) : null, meeting.Venue, meeting.IsOnline, meeting.OnlineLink, meeting.Chair, lines, forPublic);
        return new Loaded(meeting, agenda, issued);
    }

    /// <summary>
    /// Reads each listed item's reports: readable PDFs are kept for the pack (and counted on the agenda), anything else is listed as
    /// supplied separately. The pack needs each PDF whole to merge it, so it is read into memory here (reports run to megabytes, not gigabytes).
    /// </summary>
    public static async Task<Dictionary<int, List<Infrastructure.Pdf.PackReport>>> ReportsAsync(IDocumentStore store, IEnumerable<AgendaLine> lines, CancellationToken ct)
    {
        var reports = new Dictionary<int, List<Infrastructure.Pdf.PackReport>>();
        foreach (var line in lines)
        {
            var list = reports[line.ItemId] = [];
            foreach (var doc in await store.ListAsync(new DocumentOwner(DocumentOwnerKind.AgendaItem, line.ItemId), ct))
            {
                if (doc.Type != DocumentType.Pdf)
                {
                    line.SuppliedSeparately.Add($"{doc.FileName} ({Kind(doc.Type)})");
                    continue;
                }
                using var copy = new MemoryStream();
                await store.CopyToAsync(doc.Id, copy, ct);
                var bytes = copy.ToArray();
                if (Infrastructure.Pdf.AgendaPack.CountPages(bytes) is { } pages)
                {
                    list.Add(new(doc.FileName, bytes));
                    line.Reports.Add((doc.FileName, pages));
                }
                else
                {
                    line.SuppliedSeparately.Add($"{doc.FileName} (a PDF that could not be read into the pack)");
                }
            }
        }
        return reports;
    }

    private static string Kind(DocumentType type) => type switch
    {
        DocumentType.Word => "Word document",
        DocumentType.Excel => "Excel spreadsheet",
        DocumentType.Image => "image",
        _ => "PDF",
    };
}
