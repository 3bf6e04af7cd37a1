using System.Globalization;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Finance;

namespace Commissioning.Web.Pages.Finance;

/// <summary>
/// The spot estimator: what new spot-purchased packages are likely to cost, worked out and
/// rounded the way a board paper does it, each figure beside its working. Its full-year value
/// can open a year's review; that value is worked out again from the posted lines, never taken
/// from a posted total.
/// </summary>
[Authorize(Policy = Policies.EditRegister)]
public sealed class EstimateModel(CommissioningDbContext db, IClock clock) : PageModel
{
    public const string Example = "bnes";

    [BindProperty(SupportsGet = true)] public int ContractId { get; set; }
    [BindProperty] public EstimateForm Input { get; set; } = new();

    public Contract Contract { get; private set; } = null!;
    public SpotEstimate? Result { get; private set; }

    /// <summary>The years of the current term, as the review's year can only be one of them.</summary>
    public IEnumerable<(string Value, string Text)> YearOptions =>
        FinancialYear.Spanning(Contract.CurrentTerm).Select(y => (y.StartYear.ToString(CultureInfo.InvariantCulture), y.ToString()));

    /// <summary>A line's message, and the form's "no lines", link to the line's first control.</summary>
    public IReadOnlyDictionary<string, string> ErrorAnchors
    {
        get
        {
            var anchors = Enumerable.Range(0, Input.Lines.Count).ToDictionary(i => $"Input.Lines[{i}]", i => $"Input-Lines-{i}-Kind");
            anchors["Input.Lines"] = "Input-Lines-0-Kind";
            return anchors;
        }
    }

    public async Task<IActionResult> OnGetAsync(string? example, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input = string.Equals(example, Example, StringComparison.OrdinalIgnoreCase) ? EstimateForm.BnesExample() : EstimateForm.Blank();
        Input.AddSpareLines();
        return Page();
    }

    /// <summary>"Add another line" posts the form back with one more row; nothing is checked.</summary>
    public async Task<IActionResult> OnPostAddLineAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        ModelState.Clear();
        Input.AddLine();
        Input.AddSpareLines();
        return Page();
    }

    /// <summary>"Calculate": every figure with its working, or the messages that say what to fix.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Calculate();
        return Page();
    }

    /// <summary>"Use as proposed value": the full-year value opens the chosen year's review, which pro-rates the year itself.</summary>
    public async Task<IActionResult> OnPostProposeAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!Calculate()) return Page();
        if (!int.TryParse(Input.Year, NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || start is < FinancialYear.EarliestStartYear or > FinancialYear.LatestStartYear)
            return Refuse("Choose the financial year to propose the value for");
        var year = new FinancialYear(start);
        var finance = await ContractFinance.LoadAsync(db, Contract, ct);
        if (finance.OpenFor(year) is not null) return Refuse(AlreadyOpen(year));

        var estimate = Result!;
        AnnualValueReview review;
        try
        {
            review = AnnualValueReview.Propose(Contract.Id, Contract.CurrentTerm, year, estimate.FullYear.Value, ReviewFactors.None,
                EstimateForm.Narrative(estimate), finance.Schedule.PositionFor(year, null), User.AsActor(), clock.UtcNow,
                ReviewOrigin.SpotEstimate, EstimateForm.Working(estimate));
        }
        catch (BusinessRuleException e)
        {
            return Refuse(e.Message);
        }
        db.AnnualValueReviews.Add(review);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Someone opened a review for the year after the check above: the filtered unique index refused this one.
            db.ChangeTracker.Clear();
            var open = await db.AnnualValueReviews.AnyAsync(
                r => r.ContractId == Contract.Id && r.FinancialYearStart == year.StartYear && r.Status == ReviewStatus.Proposed, ct);
            if (!open) throw;
            return Refuse(AlreadyOpen(year));
        }
        TempData["Success"] = $"Estimate of {estimate.FullYear.Value} proposed as the {year} value";
        return this.RedirectToSection($"/Contracts/Details/{Contract.Id}", Sections.Reviews);
    }

    public static string AlreadyOpen(FinancialYear year) => $"{year} already has a review waiting for agreement";

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == ContractId, ct);
        if (contract is null) return false;
        Contract = contract;
        return true;
    }

    /// <summary>Checks the form and works the estimate out; false, with messages in ModelState, when it cannot be.</summary>
    private bool Calculate()
    {
        new EstimateForm.Validator().Validate(Input).AddTo(this);
        if (ModelState.IsValid)
        {
            if (Input.TryEstimate(out var estimate, out var problem)) Result = estimate;
            else ModelState.AddModelError(problem!.Value.Field, problem.Value.Message);
        }
        Input.AddSpareLines();
        return Result is not null;
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError("Input.Year", message);
        return Page();
    }
}
