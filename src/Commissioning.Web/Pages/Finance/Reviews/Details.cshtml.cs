using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;

namespace Commissioning.Web.Pages.Finance.Reviews;

/// <summary>
/// One review and its decision. A finance officer agrees or returns it; whoever proposed it
/// cannot agree it, checked by the domain on the POST whatever the page showed.
/// </summary>
public sealed class DetailsModel(CommissioningDbContext db, IClock clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public Guid? Version { get; set; }

    public AnnualValueReview Review { get; private set; } = null!;
    public Contract Contract { get; private set; } = null!;
    public AnnualValueReview? AgreedBefore { get; private set; }
    public bool CanDecide { get; private set; }
    public bool IsProposer { get; private set; }
    public bool CanWithdraw { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAgreeAsync(CancellationToken ct)
    {
        if (Note?.Length > AnnualValueReview.NoteMaxLength)
            ModelState.AddModelError(nameof(Note), $"The note must be {AnnualValueReview.NoteMaxLength:N0} characters or fewer");
        return DecideAsync(Policies.FinanceDecisions, (r, me, before) =>
        {
            r.Agree(me, clock.UtcNow, Note, before);
            return $"{r.Annual} agreed for {r.Year}";
        }, ct);
    }

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Say why the review is being returned");
        else if (Reason.Length > AnnualValueReview.NoteMaxLength) ModelState.AddModelError(nameof(Reason), $"The reason must be {AnnualValueReview.NoteMaxLength:N0} characters or fewer");
        return DecideAsync(Policies.FinanceDecisions, (r, me, _) =>
        {
            r.Return(me, clock.UtcNow, Reason!);
            return $"The {r.Year} review was returned to {r.ProposedBy}";
        }, ct);
    }

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) => DecideAsync(Policies.EditRegister, (r, me, _) =>
    {
        r.Withdraw(me, clock.UtcNow, "Withdrawn by the proposer");
        return $"The {r.Year} review was withdrawn";
    }, ct);

    private async Task<IActionResult> DecideAsync(string policy, Func<AnnualValueReview, Actor, AnnualValueReview?, string> decide, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, policy)).Succeeded) return Forbid();
        if (!ModelState.IsValid) return await LoadAsync(ct) ? Page() : NotFound();
        var review = await db.AnnualValueReviews.FirstOrDefaultAsync(r => r.Id == Id, ct);
        if (review is null) return NotFound();
        if (Version is not { } seen || seen != review.Version)
            return await Refuse("This review was changed by someone else after you opened it. Nothing has been saved: check it and decide again.", ct);
        var before = await db.AnnualValueReviews.FirstOrDefaultAsync(
            r => r.ContractId == review.ContractId && r.FinancialYearStart == review.FinancialYearStart && r.Status == ReviewStatus.Agreed, ct);
        string done;
        try
        {
            done = decide(review, User.AsActor(), before);
        }
        catch (BusinessRuleException e)
        {
            return await Refuse(e.Message, ct);
        }
        const string raced = "Someone else decided this review, or agreed another value for the same year, a moment ago. Nothing has been saved.";
        try
        {
            // A concurrent decision is refused by the versioned save; a second agreed value for the year, by the unique index.
            if ((await db.SaveVersionedAsync(review, seen, ct)).IsStale) return await Refuse(raced, ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return await Refuse(raced, ct);
        }
        TempData["Success"] = done;
        return Redirect($"/Finance/Reviews/{Id}");
    }

    private async Task<IActionResult> Refuse(string message, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        ModelState.AddModelError("", message);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var review = await db.AnnualValueReviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == Id, ct);
        if (review is null) return false;
        Review = review;
        Version = review.Version;
        Contract = await db.Contracts.AsNoTracking().FirstAsync(c => c.Id == review.ContractId, ct);
        AgreedBefore = await db.AnnualValueReviews.AsNoTracking().FirstOrDefaultAsync(
            r => r.ContractId == review.ContractId && r.FinancialYearStart == review.FinancialYearStart && r.Status == ReviewStatus.Agreed && r.Id != review.Id, ct);
        var me = User.AsActor();
        IsProposer = review.ProposedById == me.UserId;
        CanDecide = review.Status == ReviewStatus.Proposed && (await authorization.AuthorizeAsync(User, Policies.FinanceDecisions)).Succeeded;
        CanWithdraw = review.Status == ReviewStatus.Proposed && IsProposer && (await authorization.AuthorizeAsync(User, Policies.EditRegister)).Succeeded;
        return true;
    }
}
