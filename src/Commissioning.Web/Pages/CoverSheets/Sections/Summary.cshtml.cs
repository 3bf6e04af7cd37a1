namespace Commissioning.Web.Pages.CoverSheets.Sections;

/// <summary>Summary and recommendations: the executive summary and the recommendations, one a line.</summary>
[Authorize(Policy = Policies.EditGovernance)]
public sealed class SummaryModel(CommissioningDbContext db, IClock clock) : FieldsSectionModel(db, clock)
{
    public override EditorSection Section => EditorSections.Summary;
}
