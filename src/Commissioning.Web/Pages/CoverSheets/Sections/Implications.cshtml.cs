namespace Commissioning.Web.Pages.CoverSheets.Sections;

/// <summary>Implications: the twenty questions of the grid and the additional details.</summary>
[Authorize(Policy = Policies.EditGovernance)]
public sealed class ImplicationsModel(CommissioningDbContext db, IClock clock) : FieldsSectionModel(db, clock)
{
    public override EditorSection Section => EditorSections.Implications;
}
