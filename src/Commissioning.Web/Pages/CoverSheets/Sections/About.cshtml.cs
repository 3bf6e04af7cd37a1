namespace Commissioning.Web.Pages.CoverSheets.Sections;

/// <summary>About the item: the action, confidential status, title, presenter, author and leads.</summary>
[Authorize(Policy = Policies.EditGovernance)]
public sealed class AboutModel(CommissioningDbContext db, IClock clock) : FieldsSectionModel(db, clock)
{
    public override EditorSection Section => EditorSections.About;
}
