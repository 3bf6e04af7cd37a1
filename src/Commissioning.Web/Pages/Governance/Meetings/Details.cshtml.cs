using Commissioning.Domain.Common;
using Commissioning.Domain.Governance;
using Commissioning.Infrastructure.Data;
using Commissioning.Web.Forms;
using Commissioning.Web.Setup;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Web.Pages.Governance.Meetings;

/// <summary>
/// One meeting and its agenda. Everyone signed in reads it; board secretaries add, number,
/// move and remove items, each handler checking the role and the meeting's version itself.
/// </summary>
public sealed class DetailsModel(CommissioningDbContext db, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public Guid? Version { get; set; }
    [BindProperty] public NewItemForm Item { get; set; } = new();
    [BindProperty] public NumberForm Renumber { get; set; } = new();
    /// <summary>The agenda position a Move or Remove button is for.</summary>
    [BindProperty] public int Position { get; set; }
    /// <summary>"up" or "down".</summary>
    [BindProperty] public string? Direction { get; set; }

    public Meeting Meeting { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public IReadOnlyDictionary<int, (string Title, int ContractId, string Reference)> Decisions { get; private set; } = new Dictionary<int, (string, int, string)>();
    /// <summary>Cover sheet id by agenda item id.</summary>
    public IReadOnlyDictionary<int, int> CoverSheets { get; private set; } = new Dictionary<int, int>();
    public IReadOnlyList<ForwardPlanItem> RoutedNotOnAgenda { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> DecisionOptions { get; private set; } = [];

    public sealed class NewItemForm
    {
        public string? DecisionId { get; set; }
        public string? Title { get; set; }
        public string? Action { get; set; }
        public string? Number { get; set; }

        public sealed class Validator : AbstractValidator<NewItemForm>
        {
            public Validator()
            {
                RuleFor(x => x.DecisionId).Must(v => string.IsNullOrWhiteSpace(v) || ValidationRules.ParseInt(v) is > 0).WithMessage("Choose a decision from the list, or none");
                RuleFor(x => x.Title).NotEmpty().When(x => string.IsNullOrWhiteSpace(x.DecisionId)).WithMessage("Enter the item's title, or choose the contract decision it is about")
                    .MaximumLength(ContractDecision.TitleMaxLength).WithMessage($"The title must be {ContractDecision.TitleMaxLength} characters or fewer");
                RuleFor(x => x.Action).Must(GovernanceDisplay.IsName<GovernanceAction>).WithMessage("Choose what the meeting is asked to do");
                RuleFor(x => x.Number).MaximumLength(AgendaItem.NumberMaxLength).WithMessage($"The item number must be {AgendaItem.NumberMaxLength} characters or fewer, like 17 or 5.1");
            }
        }
    }

    public sealed class NumberForm
    {
        public string? Position { get; set; }
        public string? Number { get; set; }

        public sealed class Validator : AbstractValidator<NumberForm>
        {
            public Validator()
            {
                RuleFor(x => x.Position).Must(v => ValidationRules.ParseInt(v) is > 0).WithMessage("Choose the agenda item to number");
                RuleFor(x => x.Number).MaximumLength(AgendaItem.NumberMaxLength).WithMessage($"The item number must be {AgendaItem.NumberMaxLength} characters or fewer, like 17 or 5.1");
            }
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        new NewItemForm.Validator().Validate(Item).AddTo(this, "Item");
        ContractDecision? decision = null;
        if (ModelState.IsValid && ValidationRules.ParseInt(Item.DecisionId) is { } decisionId)
        {
            decision = await db.ContractDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == decisionId, ct);
            if (decision is null) ModelState.AddModelError("Item.DecisionId", "Choose a decision from the list, or none");
        }
        // A taken item number is the number's fault; a decision already on the agenda, the decision's.
        return await ChangeAsync(rule => rule is AgendaItemNumbersMustBeUniqueRule ? "Item.Number" : "Item.DecisionId", m =>
        {
            var title = string.IsNullOrWhiteSpace(Item.Title) ? decision!.Title : Item.Title;
            var item = m.AddItem(title, Enum.Parse<GovernanceAction>(Item.Action!), Item.Number, decision?.Id);
            return $"{item.Title} added to the agenda";
        }, ct);
    }

    public async Task<IActionResult> OnPostNumberAsync(CancellationToken ct)
    {
        new NumberForm.Validator().Validate(Renumber).AddTo(this, "Renumber");
        var sheets = await db.CoverSheets.Where(s => s.MeetingId == Id).ToListAsync(ct);
        return await ChangeAsync(_ => "Renumber.Number", m =>
        {
            var position = ValidationRules.ParseInt(Renumber.Position)!.Value;
            m.NumberItem(position, Renumber.Number);
            var item = m.Item(position);
            // The cover sheet prints the item number: it follows, as it does a rescheduled meeting.
            foreach (var sheet in sheets.Where(s => s.AgendaItemId == item.Id)) sheet.FollowMeeting(m, item);
            return item.Number is null ? $"{item.Title} no longer has an item number" : $"{item.Title} is item {item.Number}";
        }, ct);
    }

    public Task<IActionResult> OnPostMoveAsync(CancellationToken ct) => ChangeAsync(_ => "", m =>
    {
        var to = Direction == "up" ? Position - 1 : Position + 1;
        var title = m.Item(Position).Title;
        m.MoveItem(Position, to);
        return $"{title} moved {(Direction == "up" ? "up" : "down")} to position {to}";
    }, ct);

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        var sheetItems = await db.CoverSheets.AsNoTracking().Where(s => s.MeetingId == Id).Select(s => s.AgendaItemId).ToListAsync(ct);
        return await ChangeAsync(_ => "", m =>
        {
            var item = m.Item(Position);
            m.RemoveItem(Position, sheetItems);
            return $"{item.Title} removed from the agenda";
        }, ct);
    }

    /// <summary>Applies one agenda change to the meeting as the page showed it, or explains why not; nothing is saved on refusal.</summary>
    private async Task<IActionResult> ChangeAsync(Func<IBusinessRule, string> errorKey, Func<Meeting, string> change, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.EditGovernance)).Succeeded) return Forbid();
        if (!ModelState.IsValid) return await ShowAsync(ct);
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == Id, ct);
        if (meeting is null) return NotFound();
        if (Version is not { } seen || seen != meeting.Version)
            return await RefuseAsync("", "This meeting was changed by someone else after you opened it. Nothing has been saved: check the agenda and try again.", ct);
        string done;
        try
        {
            done = change(meeting);
        }
        catch (BusinessRuleException e)
        {
            return await RefuseAsync(errorKey(e.Rule), e.Message, ct);
        }
        catch (ArgumentException)
        {
            return await RefuseAsync("", "That agenda item is no longer there: check the agenda and try again.", ct);
        }
        db.Entry(meeting).Property(m => m.Version).OriginalValue = seen;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await RefuseAsync("", "This meeting was changed by someone else a moment ago. Nothing has been saved: check the agenda and try again.", ct);
        }
        TempData["Success"] = done;
        return this.RedirectToSection($"/Governance/Meetings/{Id}", Sections.Agenda);
    }

    private async Task<IActionResult> RefuseAsync(string key, string message, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        ModelState.AddModelError(key, message);
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        // Tracked on purpose: the agenda is put back in position order only as tracked rows load (OwnedCollectionOrder).
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == Id, ct);
        if (meeting is null) return false;
        Meeting = meeting;
        Version = meeting.Version;
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.EditGovernance)).Succeeded;

        var onAgenda = meeting.Agenda.Select(i => i.ContractDecisionId).OfType<int>().ToList();
        var routed = await db.ContractDecisions.Where(d => onAgenda.Contains(d.Id) || d.Steps.Any(s => s.MeetingId == Id)).ToListAsync(ct);
        RoutedNotOnAgenda = ForwardPlan.Build(DateOnly.MinValue, [meeting], routed).Meetings.Single().Items.Where(i => !i.OnAgenda).ToList();
        CoverSheets = await db.CoverSheets.AsNoTracking().Where(s => s.MeetingId == Id).ToDictionaryAsync(s => s.AgendaItemId, s => s.Id, ct);

        var all = await db.ContractDecisions.AsNoTracking()
            .Join(db.Contracts, d => d.ContractId, c => c.Id, (d, c) => new { d.Id, d.Title, d.ContractId, c.Reference })
            .ToListAsync(ct);
        Decisions = all.ToDictionary(d => d.Id, d => (d.Title, d.ContractId, d.Reference));
        // Decisions routed to this meeting first: they are the ones the secretary is adding.
        var routedIds = routed.Where(d => d.Steps.Any(s => s.MeetingId == Id)).Select(d => d.Id).ToHashSet();
        DecisionOptions = all.Where(d => !onAgenda.Contains(d.Id))
            .OrderByDescending(d => routedIds.Contains(d.Id)).ThenBy(d => d.Reference).ThenBy(d => d.Title)
            .Select(d => (d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{d.Reference}: {d.Title}{(routedIds.Contains(d.Id) ? " (routed to this meeting)" : "")}"))
            .ToList();
        return true;
    }
}
