using Commissioning.Domain.Contracts;
using Commissioning.Domain.Publishing.Notices;
using Commissioning.Infrastructure.Publishing.Notices;
using Microsoft.Extensions.Options;

namespace Commissioning.Web.Pages.Publish.Notices;

/// <summary>
/// Records one notice the contract owes (<c>?key=</c>, the event it is for) as published on the central digital platform:
/// the day it was published and the platform's notice id. The notice's own rules refuse a day in the future or before its
/// event, a missing id and a second record; the unique index refuses a second record that raced past them.
/// </summary>
[Authorize(Policy = Policies.PublishData)]
public sealed class RecordModel(CommissioningDbContext db, IClock clock, IOptions<ProcurementActOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty] public Form Input { get; set; } = new();

    public Contract Contract { get; private set; } = null!;
    public NoticeDue Notice { get; private set; } = null!;

    public sealed class Form
    {
        public DateParts PublishedOn { get; set; } = new();
        public string? NoticeId { get; set; }
    }

    public sealed class FormValidator : AbstractValidator<Form>
    {
        public FormValidator()
        {
            RuleFor(f => f.PublishedOn).Date("date the notice was published", required: true);
            RuleFor(f => f.NoticeId).NotEmpty().WithMessage(new NoticeNeedsThePlatformsIdRule(null).Message)
                .MaximumLength(PublishedNotice.NoticeIdMaxLength).WithMessage($"The notice id must be {PublishedNotice.NoticeIdMaxLength} characters or fewer");
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Notice.Published is not null) return Redirect($"/Contracts/{Id}/Notices");
        Input.PublishedOn = DateParts.From(clock.Today);
        return Page();
    }

    /// <summary>"Record as published".</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        new FormValidator().Validate(Input).AddTo(this);
        if (!ModelState.IsValid) return Page();
        PublishedNotice notice;
        try
        {
            notice = PublishedNotice.Record(Notice, Input.PublishedOn.ToDate()!.Value, Input.NoticeId, clock.Today);
        }
        catch (BusinessRuleException e)
        {
            ModelState.AddModelError(e.Rule is NoticeNeedsThePlatformsIdRule ? "Input.NoticeId" : "Input.PublishedOn", e.Message);
            return Page();
        }
        db.PublishedNotices.Add(notice);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.NoticeId", $"This {Notice.Name.ToLowerInvariant()} was recorded as published by someone else a moment ago");
            return Page();
        }
        TempData["Success"] = $"{Notice.Name} recorded as published on {Dates.Long(notice.PublishedOn)} ({notice.NoticeId})";
        return Redirect($"/Contracts/{Id}/Notices");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id && c.WithdrawnAtUtc == null, ct) is not { } contract) return false;
        Contract = contract;
        var notices = await NoticeQueries.ForContractAsync(db, contract, clock.Today, options.Value.ToSettings(), ct);
        if (notices.FirstOrDefault(n => n.EventKey == Key) is not { } notice) return false;
        Notice = notice;
        return true;
    }
}
