using System.Net;
using System.Text;
using Commissioning.Domain.Common;
using Commissioning.Domain.Governance;
using Commissioning.Domain.Lifecycle;

namespace Commissioning.Infrastructure.KeyDates;

/// <summary>The daily digest's subject and bodies (plain text and simple HTML), from the same report as the dashboard.</summary>
public static class DigestComposer
{
    public sealed record Digest(string Subject, string Text, string Html);

    private sealed record Item(string Text, string Url, bool Overdue = false);

    private sealed record Section(string Heading, IReadOnlyList<Item> Items);

    public static Digest Compose(KeyDatesReport report, string recipientName, string baseUrl)
    {
        var root = baseUrl.TrimEnd('/');
        string Contract(int id) => $"{root}/Contracts/Details/{id}";
        var today = report.Today;
        var sections = new List<Section>
        {
            new("Decisions to make", report.Decisions.Select(d => new Item(
                $"{d.Reference} {d.Title}: decide whether to {Action(d.KeyDate.Action)} by {Date(d.KeyDate.DecisionDeadline)} (notice deadline {Date(d.KeyDate.NoticeDeadline)}, ends {Date(d.KeyDate.CurrentEndDate)})",
                Contract(d.ContractId), d.KeyDate.IsOverdue)).ToList()),
        };
        foreach (var bucket in Enum.GetValues<EndingBucket>())
            sections.Add(new Section($"Ending {BucketName(bucket)}", report.InBucket(bucket).Select(e => new Item(
                $"{e.Reference} {e.Title}: ends {Date(e.LastDay)}{(e.IsTerminated ? " (terminated)" : e.HasSuccessor ? " (renewal recorded)" : "")}",
                Contract(e.ContractId))).ToList()));
        sections.Add(new Section("Ended with no renewal or termination recorded", report.EndedUnresolved.Select(e => new Item(
            $"{e.Reference} {e.Title}: ended {Date(e.EndDate)}", Contract(e.ContractId))).ToList()));
        sections.Add(new Section("Reviews due", report.ReviewsDue.Select(r => new Item(
            $"{r.Reference} {r.Title}: no agreed value for {r.Year} (starts {Date(r.Year.Start)}){(r.HasOpenReview ? ", waiting for agreement" : "")}",
            $"{Contract(r.ContractId)}#annual-values", r.IsOverdue(today))).ToList()));
        sections.Add(new Section("Decisions waiting for a governance step", report.Governance.Select(g => new Item(
            $"{g.Reference} {g.DecisionTitle}: " + (g.BodyName is { } body && g.StepDate is { } date
                ? $"next {body} on {Date(date)} ({g.Action?.ToText().ToLowerInvariant()})"
                : $"no step pending: {g.Missing}"),
            $"{root}/Governance/Decisions/{g.DecisionId}")).ToList()));
        sections.Add(new Section("Procurement Act notices overdue", report.OverdueNotices.Select(n => new Item(
            $"{n.Reference} {n.Title}: {n.Notice.Name.ToLowerInvariant()} was due by {Date(n.Notice.DueBy)} ({n.Notice.Event})",
            $"{root}/Contracts/{n.ContractId}/Notices", Overdue: true)).ToList()));
        sections.RemoveAll(s => s.Items.Count == 0);

        var overdue = report.Decisions.Count(d => d.KeyDate.IsOverdue);
        var subject = $"Key dates for {Dates.Long(today)}" + (overdue > 0 ? $": {overdue} overdue" : "");
        var intro = $"Key dates for your contracts on {today.DayOfWeek} {Dates.Long(today)}, as the commissioning register has them. Decision deadlines allow {report.LeadTimeMonths} months' internal lead time before the notice deadline.";
        var footer = "You receive this e-mail because you are the responsible commissioner for these contracts. The dashboard has the same list, and everyone's contracts:";

        var text = new StringBuilder();
        text.Append("Dear ").Append(recipientName).Append(",\r\n\r\n").Append(intro).Append("\r\n");
        foreach (var s in sections)
        {
            text.Append("\r\n").Append(s.Heading).Append(" (").Append(s.Items.Count).Append(")\r\n");
            foreach (var i in s.Items)
                text.Append("- ").Append(i.Overdue ? "OVERDUE: " : "").Append(i.Text).Append("\r\n  ").Append(i.Url).Append("\r\n");
        }
        text.Append("\r\n").Append(footer).Append(' ').Append(root).Append("/\r\n");

        static string H(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>").Append(H(subject)).Append("</title></head>")
            .Append("<body style=\"font-family: Arial, sans-serif; font-size: 16px; color: #0b0c0c;\">")
            .Append("<p>Dear ").Append(H(recipientName)).Append(",</p><p>").Append(H(intro)).Append("</p>");
        foreach (var s in sections)
        {
            html.Append("<h2 style=\"font-size: 19px;\">").Append(H(s.Heading)).Append(" (").Append(s.Items.Count).Append(")</h2><ul>");
            foreach (var i in s.Items)
                html.Append("<li>").Append(i.Overdue ? "<strong style=\"color: #d4351c;\">Overdue:</strong> " : "")
                    .Append("<a href=\"").Append(H(i.Url)).Append("\">").Append(H(i.Text)).Append("</a></li>");
            html.Append("</ul>");
        }
        html.Append("<p>").Append(H(footer)).Append(" <a href=\"").Append(H(root + "/")).Append("\">").Append(H(root + "/")).Append("</a></p></body></html>");
        return new Digest(subject, text.ToString(), html.ToString());
    }

    public static string BucketName(EndingBucket bucket) => bucket switch
    {
        EndingBucket.ThreeMonths => "in the next 3 months",
        EndingBucket.SixMonths => "in 3 to 6 months",
        EndingBucket.TwelveMonths => "in 6 to 12 months",
        _ => "in 12 to 18 months",
    };

    public static string Action(KeyDateAction action) =>
        action == KeyDateAction.DecideExtensionOrServeNotice ? "extend or serve notice" : "serve notice or re-procure";

    private static string Date(DateOnly d) => Dates.Long(d);
}
