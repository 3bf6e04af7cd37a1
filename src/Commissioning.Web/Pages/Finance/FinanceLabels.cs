using Commissioning.Domain.Finance;

namespace Commissioning.Web.Pages.Finance;

/// <summary>The finance officers' words for each finance choice.</summary>
public static class FinanceLabels
{
    public static string Of(ReviewStatus s) => s switch
    {
        ReviewStatus.Proposed => "Waiting for agreement",
        ReviewStatus.Returned => "Returned",
        ReviewStatus.Agreed => "Agreed",
        ReviewStatus.Superseded => "Superseded by a later review",
        _ => "Withdrawn",
    };

    public static string Tag(ReviewStatus s) => s switch
    {
        ReviewStatus.Proposed => "govuk-tag--yellow",
        ReviewStatus.Returned => "govuk-tag--red",
        ReviewStatus.Agreed => "govuk-tag--green",
        _ => "govuk-tag--grey",
    };

    public static string Of(ReviewOrigin o) => o switch
    {
        ReviewOrigin.OpeningEntry => "Entered when the contract was created",
        ReviewOrigin.SpotEstimate => "From the spot estimator",
        ReviewOrigin.Import => "Imported from a spreadsheet",
        _ => "Annual review",
    };

    public static string Of(UpliftKind k) => k switch
    {
        UpliftKind.Inflation => "Inflation",
        UpliftKind.NationalLivingWage => "National Living Wage",
        UpliftKind.Other => "Other uplift",
        _ => "No uplift",
    };

    public static string Of(SavingsKind k) => k == SavingsKind.CashableReduction ? "Cashable reduction of the baseline" : "Cost avoidance";

    public static string Of(FundingSource s) => s switch
    {
        FundingSource.CouncilRevenue => "Council revenue budget",
        FundingSource.Section75PooledBudget => "Section 75 pooled budget",
        FundingSource.Section117Aftercare => "Section 117 aftercare",
        FundingSource.NhsIcbContribution => "NHS / ICB contribution",
        _ => "Other",
    };

    public static string Of(Rag r) => r == Rag.NotReported ? "Not reported" : r.ToString();

    /// <summary>The GOV.UK tag colour of a RAG status: amber is GOV.UK's yellow tag.</summary>
    public static string Tag(Rag r) => r switch
    {
        Rag.Green => "govuk-tag--green",
        Rag.Amber => "govuk-tag--yellow",
        Rag.Red => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    /// <summary>The RAG status a label names ("Amber"), for tables built as text (the portfolio's).</summary>
    public static Rag? RagNamed(string? label) =>
        Enum.GetValues<Rag>().Cast<Rag?>().FirstOrDefault(r => Of(r!.Value) == label);

    public static string Of(ValueSource s) => s switch
    {
        ValueSource.Agreed => "Agreed",
        ValueSource.Projected => "Projected",
        _ => "Not known",
    };

    public static string Tag(ValueSource s) => s switch
    {
        ValueSource.Agreed => "govuk-tag--green",
        ValueSource.Projected => "govuk-tag--blue",
        _ => "govuk-tag--grey",
    };

    /// <summary>Whether a year's review is waiting for a finance officer or not yet opened, as a tag.</summary>
    public static (string Text, string Tag) ReviewDue(bool hasOpenReview) =>
        hasOpenReview ? (Of(ReviewStatus.Proposed), Tag(ReviewStatus.Proposed)) : ("Not yet opened", "govuk-tag--grey");

    public static string Factors(ReviewFactors f)
    {
        var list = new List<string>();
        if (f.Outcomes) list.Add("outcomes");
        if (f.Performance) list.Add("performance");
        if (f.DemandManagement) list.Add("demand management");
        if (f.SavingsPressures) list.Add("savings pressures");
        // "National Living Wage" is a name and keeps its capitals.
        if (f.Uplift != UpliftKind.None)
            list.Add($"{(f.Uplift == UpliftKind.NationalLivingWage ? Of(f.Uplift) : Of(f.Uplift).ToLowerInvariant())} uplift of {f.UpliftPercent:0.###}%");
        return list.Count == 0 ? "None recorded" : char.ToUpperInvariant(list[0][0]) + string.Join(", ", list)[1..];
    }
}
