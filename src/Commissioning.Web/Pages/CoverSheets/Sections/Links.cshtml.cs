namespace Commissioning.Web.Pages.CoverSheets.Sections;

/// <summary>Links and assurance: strategic objectives, and the Assurance Framework question with its risk.</summary>
[Authorize(Policy = Policies.EditGovernance)]
public sealed class LinksModel(CommissioningDbContext db, IClock clock) : FieldsSectionModel(db, clock)
{
    public override EditorSection Section => EditorSections.Links;
}
