using System.Globalization;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Finance;
using Commissioning.Web.Pages.Contracts;

namespace Commissioning.Web.Pages.Finance;

/// <summary>
/// How one year's agreed value is paid for, split between funding sources. The split must add
/// up to the value to the penny; a save over someone else's newer split is refused and both shown.
/// </summary>
[Authorize(Policy = Policies.FinanceDecisions)]
public sealed class FundingModel(CommissioningDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int ContractId { get; set; }
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty] public FundingForm Input { get; set; } = new();

    public Contract Contract { get; private set; } = null!;
    public FinancialYear FinancialYear { get; private set; }
    /// <summary>The year's agreed value; null until a value is agreed, when there is nothing to split.</summary>
    public AnnualValueReview? Agreed { get; private set; }
    public FundingPlan? Existing { get; private set; }
    /// <summary>After a post, the sum of the amounts that could be read, so the person sees how far off they are.</summary>
    public Money? TotalSoFar { get; private set; }
    public Conflict? Clash { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input = FundingForm.From(Existing);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Agreed is null) return Page();
        // The page never offers more rows than this; more is a crafted request.
        if (Input.Lines.Count > FundingForm.MaxRows) return BadRequest();
        Input.Pad();
        TotalSoFar = Input.TotalSoFar;

        var plan = await db.FundingPlans.FirstOrDefaultAsync(f => f.ContractId == ContractId && f.FinancialYearStart == Year, ct);
        if (plan is not null && plan.Version != Input.Version) return ShowConflict(plan);
        new FundingForm.Validator(Agreed.YearValue, FinancialYear).Validate(Input).AddTo(this);
        if (!ModelState.IsValid) return Page();

        var first = plan is null;
        if (plan is null) db.FundingPlans.Add(plan = new FundingPlan(ContractId, FinancialYear));
        plan.Split(Input.ToLines(), Agreed.YearValue);
        try
        {
            // A first split has no version to check: of two first splits, the one-plan-per-year index refuses the second.
            if (first) await db.SaveChangesAsync(ct);
            else if ((await db.SaveVersionedAsync(plan, Input.Version, ct)).IsStale) return await ShowNewerSplitAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return await ShowNewerSplitAsync(ct);
        }
        TempData["Success"] = $"Funding for {FinancialYear} saved";
        return this.RedirectToSection($"/Contracts/Details/{ContractId}", Sections.Funding);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Year is < FinancialYear.EarliestStartYear or > FinancialYear.LatestStartYear) return false;
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == ContractId, ct);
        if (contract is null) return false;
        (Contract, FinancialYear) = (contract, new FinancialYear(Year));
        var finance = await ContractFinance.LoadAsync(db, contract, ct);
        (Agreed, Existing) = (finance.AgreedFor(FinancialYear), finance.FundingFor(FinancialYear));
        // A year the contract can never reach has no page; one it covers says what to do first.
        return Agreed is not null || Existing is not null || FinancialYear.Spanning(contract.MaximumTerm).Contains(FinancialYear);
    }

    /// <summary>After a refused save: the split someone else saved in between, or a plain message if there is none.</summary>
    private async Task<IActionResult> ShowNewerSplitAsync(CancellationToken ct)
    {
        var current = await db.FundingPlans.AsNoTracking().FirstOrDefaultAsync(f => f.ContractId == ContractId && f.FinancialYearStart == Year, ct);
        if (current is not null) return ShowConflict(current);
        ModelState.AddModelError("", "The funding could not be saved. Nothing has been saved: try again.");
        return Page();
    }

    private PageResult ShowConflict(FundingPlan current)
    {
        Existing = current;
        Clash = Conflict.Report(this, "funding split", current, Input, FundingForm.From(current), [("Funding sources", f => f.Describe())], $"The funding for {FinancialYear} was changed by someone else after you opened it. Nothing has been saved.");
        return Page();
    }
}

/// <summary>The rows of the funding form, kept as typed; blank rows are ignored.</summary>
public sealed class FundingForm : IVersionedForm
{
    /// <summary>Rows offered on a new split: more than any contract in the papers needs.</summary>
    public const int MinRows = 6;
    public const int MaxRows = 50;

    public List<Line> Lines { get; set; } = [];
    public Guid? Version { get; set; }

    public sealed class Line
    {
        public string? Source { get; set; }
        public string? CostCentre { get; set; }
        public string? Amount { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Source) && string.IsNullOrWhiteSpace(CostCentre) && string.IsNullOrWhiteSpace(Amount);
        public FundingSource? ParsedSource => Enum.TryParse<FundingSource>(Source, out var s) && Enum.IsDefined(s) ? s : null;
    }

    public static IEnumerable<(string Value, string Text)> SourceOptions => Labels.Options<FundingSource>(FinanceLabels.Of);

    public static FundingForm From(FundingPlan? plan)
    {
        var form = new FundingForm
        {
            Version = plan?.Version,
            Lines = plan?.Lines.Select(l => new Line { Source = l.Source.ToString(), CostCentre = l.CostCentre, Amount = l.Amount.ToInputString() }).ToList() ?? [],
        };
        form.Pad();
        return form;
    }

    public void Pad()
    {
        while (Lines.Count < MinRows) Lines.Add(new Line());
    }

    private IEnumerable<Line> Filled => Lines.Where(l => !l.IsBlank);

    public Money TotalSoFar => Money.Sum(Filled.Select(l => ValidationRules.ParseMoney(l.Amount) ?? Money.Zero));

    public IEnumerable<FundingLine> ToLines() =>
        Filled.Select(l => new FundingLine(l.ParsedSource!.Value, l.CostCentre, ValidationRules.ParseMoney(l.Amount)!.Value)).ToList();

    /// <summary>The split in words, for the side-by-side comparison of a stale save.</summary>
    public string Describe() => string.Join("; ", Filled.Select(l =>
        string.Join(" ", new[]
        {
            l.ParsedSource is { } s ? FinanceLabels.Of(s) : l.Source,
            l.CostCentre?.Trim().ToUpperInvariant(),
            ValidationRules.ParseMoney(l.Amount)?.ToString() ?? l.Amount?.Trim(),
        }.Where(p => !string.IsNullOrWhiteSpace(p)))));

    public sealed class Validator : AbstractValidator<FundingForm>
    {
        public Validator(Money yearValue, FinancialYear year)
        {
            RuleFor(f => f.Lines).Custom((lines, ctx) =>
            {
                var ok = true;
                void Fail(int i, string field, string message)
                {
                    ctx.AddFailure($"Lines[{i}].{field}", message);
                    ok = false;
                }
                for (var i = 0; i < lines.Count; i++)
                {
                    var line = lines[i];
                    if (line.IsBlank) continue;
                    var row = (i + 1).ToString(CultureInfo.InvariantCulture);
                    var source = line.ParsedSource;
                    if (source is null)
                        Fail(i, nameof(Line.Source), $"Choose the funding source for line {row}");
                    if (source == FundingSource.CouncilRevenue && string.IsNullOrWhiteSpace(line.CostCentre))
                        Fail(i, nameof(Line.CostCentre), $"Enter the cost centre for line {row}, like KGB70");
                    else if (line.CostCentre?.Trim().Length > FundingLine.CostCentreMaxLength)
                        Fail(i, nameof(Line.CostCentre), $"The cost centre for line {row} must be {FundingLine.CostCentreMaxLength} characters or fewer");
                    if (ValidationRules.MoneyMessage(line.Amount, $"amount for line {row}", required: true) is { } message)
                        Fail(i, nameof(Line.Amount), message);
                    else if (ValidationRules.ParseMoney(line.Amount) == Money.Zero)
                        Fail(i, nameof(Line.Amount), $"The amount for line {row} must be more than £0.00, or leave the line blank");
                }
                if (!ok) return;
                var total = Money.Sum(lines.Where(l => !l.IsBlank).Select(l => ValidationRules.ParseMoney(l.Amount)!.Value));
                var rule = new FundingMustAddUpRule(total, yearValue, year);
                // On the first amount, where a person starts to put it right.
                if (rule.IsBroken()) ctx.AddFailure("Lines[0].Amount", rule.Message);
            });
        }
    }
}
