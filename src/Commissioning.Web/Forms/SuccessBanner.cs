namespace Commissioning.Web.Forms;

/// <summary>
/// Where the green "Success" banner (Pages/Shared/_Success.cshtml) is shown after a save: at the top of
/// the page (the message in TempData["Success"]), or at the section the save changed. A handler that
/// changed one section sets TempData["Success"] as usual and returns <see cref="RedirectToSection"/>,
/// which moves the message to TempData["Success:{section}"] and lands the page on the section (the
/// address's fragment); that section's <c>&lt;partial name="_Success" model="Sections.…" /&gt;</c> shows it.
/// One key per place, so a message never turns up at the wrong one.
/// </summary>
public static class SuccessBanner
{
    public const string MessageKey = "Success";

    public static string KeyFor(string? section) => section is null ? MessageKey : $"{MessageKey}:{section}";

    public static RedirectResult RedirectToSection(this PageModel page, string path, string section)
    {
        if (page.TempData[MessageKey] is string message)
        {
            page.TempData.Remove(MessageKey);
            page.TempData[KeyFor(section)] = message;
        }
        return new RedirectResult($"{path}#{section}");
    }
}

/// <summary>The ids of the page sections a save can return to; each is its heading's id.</summary>
public static class Sections
{
    // The contract page (Pages/Contracts/Details.cshtml).
    public const string Reviews = "reviews";
    public const string Savings = "savings";
    public const string Funding = "funding";
    public const string History = "history";
    // The decision page (Pages/Governance/Decisions/Details.cshtml).
    public const string Route = "route";
    // A meeting's page (Pages/Governance/Meetings/Details.cshtml).
    public const string Agenda = "agenda";
    // The key dates page (Pages/Index.cshtml).
    public const string Calendar = "calendar";
}
