using Commissioning.Domain.Publishing.Notices;

namespace Commissioning.Web.Pages.Publish.Notices;

/// <summary>How a notice's status reads and looks (GOV.UK tags), and its name in addresses.</summary>
public static class NoticeLabels
{
    public static (string Text, string Tag) Status(NoticeStatus status) => status switch
    {
        NoticeStatus.Overdue => ("Overdue", "govuk-tag--red"),
        NoticeStatus.Due => ("Due", "govuk-tag--yellow"),
        NoticeStatus.Upcoming => ("Not yet due", "govuk-tag--grey"),
        _ => ("Published", "govuk-tag--green"),
    };

    public static string Slug(NoticeStatus status) => status.ToString().ToLowerInvariant();

    public static NoticeStatus? FromSlug(string? slug) =>
        Enum.GetValues<NoticeStatus>().Cast<NoticeStatus?>().FirstOrDefault(s => string.Equals(Slug(s!.Value), slug, StringComparison.OrdinalIgnoreCase));

    public static string YesNoWorkedOut(bool? recorded, bool workedOut) =>
        recorded is { } r ? (r ? "Yes" : "No") : $"{(workedOut ? "Yes" : "No")} (worked out)";
}
