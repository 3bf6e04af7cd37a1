using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Finance;

namespace Commissioning.Web.Pages.Finance.Reviews;

/// <summary>
/// A commissioner opens the yearly review of a contract's value. The page shows where the year
/// stands (last year's value, the savings due) and works out the value those point to, so
/// nobody retypes a carried-forward figure.
/// </summary>
[Authorize(Policy = Policies.EditRegister)]
public sealed class CreateModel(CommissioningDbContext db, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int ContractId { get; set; }
    [BindProperty] public ReviewForm Input { get; set; } = new();

    public Contract Contract { get; private set; } = null!;
    public ContractFinance Finance { get; private set; } = null!;
    public YearPosition? Position { get; private set; }
    public Money? Suggested { get; private set; }
    public AnnualValueReview? AgreedAlready { get; private set; }

    public IEnumerable<(string Value, string Text)> YearOptions =>
        FinancialYear.Spanning(Contract.CurrentTerm).Select(y => (y.StartYear.ToString(), y.ToString()));

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var chosen = year is { } y && FinancialYear.Spanning(Contract.CurrentTerm).Any(f => f.StartYear == y)
            ? new FinancialYear(y)
            : FirstYearWithoutAgreedValue();
        Input.Year = chosen.StartYear.ToString();
        ShowPosition();
        Input.ProposedValue = Suggested?.ToInputString();
        return Page();
    }

    /// <summary>"Work out the value": baseline plus the uplift typed, less the year's savings, put in the value box.</summary>
    public async Task<IActionResult> OnPostSuggestAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        ModelState.Clear();
        var v = new ReviewForm.Validator().Validate(Input, o => o.IncludeProperties(nameof(ReviewForm.Year), nameof(ReviewForm.UpliftKind), nameof(ReviewForm.UpliftPercent)));
        v.AddTo(this);
        ShowPosition();
        if (ModelState.IsValid && Suggested is { } s) Input.ProposedValue = s.ToInputString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        new ReviewForm.Validator().Validate(Input).AddTo(this);
        ShowPosition();
        if (!ModelState.IsValid) return Page();

        var year = Input.ParsedYear!.Value;
        if (Finance.OpenFor(year) is not null)
        {
            ModelState.AddModelError("Input.Year", $"{year} already has a review waiting for agreement: agree, return or withdraw it first");
            return Page();
        }
        AnnualValueReview review;
        try
        {
            review = AnnualValueReview.Propose(Contract.Id, Contract.CurrentTerm, year, ValidationRules.ParseMoney(Input.ProposedValue)!.Value,
                Input.Factors, Input.Narrative!, Position ?? new YearPosition(null, Money.Zero, Money.Zero), User.AsActor(), clock.UtcNow);
        }
        catch (BusinessRuleException e)
        {
            ModelState.AddModelError("Input.Year", e.Message);
            return Page();
        }
        db.AnnualValueReviews.Add(review);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The filtered unique index: someone opened a review for the same year a moment ago.
            ModelState.AddModelError("Input.Year", $"{year} already has a review waiting for agreement: agree, return or withdraw it first");
            return Page();
        }
        TempData["Success"] = $"{review.Annual} proposed for {year}; a finance officer will agree or return it";
        return Redirect($"/Finance/Reviews/{review.Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == ContractId, ct);
        if (contract is null) return false;
        Contract = contract;
        Finance = await ContractFinance.LoadAsync(db, contract, ct);
        return true;
    }

    private FinancialYear FirstYearWithoutAgreedValue()
    {
        var years = FinancialYear.Spanning(Contract.CurrentTerm).ToList();
        var today = FinancialYear.Containing(clock.Today);
        return years.FirstOrDefault(y => y >= today && Finance.AgreedFor(y) is null, years.FirstOrDefault(y => Finance.AgreedFor(y) is null, years[^1]));
    }

    private void ShowPosition()
    {
        if (Input.ParsedYear is not { } year || Finance.Schedule.RowFor(year) is null) return;
        var percent = ModelState.TryGetValue("Input.UpliftPercent", out var e) && e.Errors.Count > 0 ? null : Input.ParsedPercent;
        Position = Finance.Schedule.PositionFor(year, percent);
        Suggested = ValueSchedule.Suggested(Position);
        AgreedAlready = Finance.AgreedFor(year);
    }
}
