using Commissioning.Domain.Governance;
using Commissioning.Infrastructure.Documents;

namespace Commissioning.Web.Pages.Governance.Meetings;

/// <summary>
/// One meeting: its details, attendance, agenda, declarations and minutes. Everyone signed in reads it;
/// board secretaries add, number, move and remove items until the meeting's day is over (a past
/// agenda is history: the handlers refuse, not only the forms hide), each handler checking the role
/// and the meeting's version itself. "Add an item" can start the item's draft cover sheet in the
/// same transaction.
/// </summary>
public sealed partial class DetailsModel(CommissioningDbContext db, IAuthorizationService authorization, IClock clock, DocumentStore documents)
    : ChangesPage<Meeting>(db, authorization, Policies.EditGovernance)
{
    [BindProperty] public NewItemForm Item { get; set; } = new();
    [BindProperty] public NumberForm Renumber { get; set; } = new();
    /// <summary>The agenda position a Move or Remove button is for.</summary>
    [BindProperty] public int Position { get; set; }
    /// <summary>"up" or "down".</summary>
    [BindProperty] public string? Direction { get; set; }

    public Meeting Meeting { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    /// <summary>The meeting's day is over: its agenda is history.</summary>
    public bool IsPast { get; private set; }
    /// <summary>From the meeting's day: attendance, declarations and minutes can be recorded.</summary>
    public bool HasStarted { get; private set; }
    /// <summary>At least one sheet on the agenda has an issued version, so there is an agenda pack.</summary>
    public bool AnyIssued { get; private set; }
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
        public string? Presenter { get; set; }
        /// <summary>Start the item's draft cover sheet in the same save (ticked when the page is first shown).</summary>
        public bool StartCoverSheet { get; set; }

        public sealed class Validator : AbstractValidator<NewItemForm>
        {
            public Validator()
            {
                RuleFor(x => x.DecisionId).Must(v => string.IsNullOrWhiteSpace(v) || ValidationRules.ParseInt(v) is > 0).WithMessage("Choose a decision from the list, or none");
                RuleFor(x => x.Title).NotEmpty().When(x => string.IsNullOrWhiteSpace(x.DecisionId)).WithMessage("Enter the item's title, or choose the contract decision it is about")
                    .MaximumLength(ContractDecision.TitleMaxLength).WithMessage($"The title must be {ContractDecision.TitleMaxLength} characters or fewer");
                RuleFor(x => x.Action).Must(GovernanceDisplay.IsName<GovernanceAction>).WithMessage("Choose what the meeting is asked to do");
                RuleFor(x => x.Number).MaximumLength(AgendaItem.NumberMaxLength).WithMessage($"The item number must be {AgendaItem.NumberMaxLength} characters or fewer, like 17 or 5.1");
                RuleFor(x => x.Presenter).MaximumLength(Meeting.PersonMaxLength).WithMessage($"The presenter must be {Meeting.PersonMaxLength} characters or fewer");
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

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var shown = await ShowAsync(ct);
        // A sheet is started with the item unless the secretary says not: it is the next thing they do.
        Item.StartCoverSheet = !IsPast;
        return shown;
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        new NewItemForm.Validator().Validate(Item).AddTo(this, "Item");
        ContractDecision? decision = null;
        if (ModelState.IsValid && ValidationRules.ParseInt(Item.DecisionId) is { } decisionId)
        {
            decision = await Db.ContractDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == decisionId, ct);
            if (decision is null) ModelState.AddModelError("Item.DecisionId", "Choose a decision from the list, or none");
        }
        if (Item.StartCoverSheet) return await AddWithCoverSheetAsync(decision, ct);
        return await ChangeAsync(AddErrorKey, Gone, m => $"{AddItem(m, decision).Title} added to the agenda", ct);
    }

    // A taken item number is the number's fault; a decision already on the agenda, the decision's; a past agenda, the form's.
    private static string AddErrorKey(IBusinessRule rule) => rule switch
    {
        AgendaItemNumbersMustBeUniqueRule => "Item.Number",
        AgendaOfAPastMeetingIsHistoryRule => "",
        _ => "Item.DecisionId",
    };

    private AgendaItem AddItem(Meeting m, ContractDecision? decision)
    {
        m.CheckAgendaCanChange(clock.Today);
        var title = string.IsNullOrWhiteSpace(Item.Title) ? decision!.Title : Item.Title;
        var item = m.AddItem(title, Enum.Parse<GovernanceAction>(Item.Action!), Item.Number, decision?.Id);
        item.SetPresenter(Item.Presenter);
        return item;
    }

    public async Task<IActionResult> OnPostNumberAsync(CancellationToken ct)
    {
        new NumberForm.Validator().Validate(Renumber).AddTo(this, "Renumber");
        var sheets = await Db.CoverSheets.Where(s => s.MeetingId == Id).ToListAsync(ct);
        return await ChangeAsync(rule => rule is AgendaOfAPastMeetingIsHistoryRule ? "" : "Renumber.Number", Gone, m =>
        {
            m.CheckAgendaCanChange(clock.Today);
            var position = ValidationRules.ParseInt(Renumber.Position)!.Value;
            m.NumberItem(position, Renumber.Number);
            var item = m.Item(position);
            // The cover sheet prints the item number: it follows, as it does a rescheduled meeting.
            foreach (var sheet in sheets.Where(s => s.AgendaItemId == item.Id)) sheet.FollowMeeting(m, item);
            return item.Number is null ? $"{item.Title} no longer has an item number" : $"{item.Title} is item {item.Number}";
        }, ct);
    }

    public Task<IActionResult> OnPostMoveAsync(CancellationToken ct) => ChangeAsync(_ => "", Gone, m =>
    {
        m.CheckAgendaCanChange(clock.Today);
        var to = Direction == "up" ? Position - 1 : Position + 1;
        var title = m.Item(Position).Title;
        m.MoveItem(Position, to);
        return $"{title} moved {(Direction == "up" ? "up" : "down")} to position {to}";
    }, ct);

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        var sheetItems = await Db.CoverSheets.AsNoTracking().Where(s => s.MeetingId == Id).Select(s => s.AgendaItemId).ToListAsync(ct);
        return await ChangeAsync(_ => "", Gone, m =>
        {
            m.CheckAgendaCanChange(clock.Today);
            var item = m.Item(Position);
            m.RemoveItem(Position, sheetItems);
            return $"{item.Title} removed from the agenda";
        }, ct);
    }

    private static readonly (string, string) Gone = ("", "That agenda item is no longer there: check the agenda and try again.");

    protected override (string Noun, string Part, string Section) Words => ("meeting", "agenda", Sections.Agenda);

    protected override async Task LoadAsync(Meeting meeting, CancellationToken ct)
    {
        Meeting = meeting;
        CanEdit = (await Authorization.AuthorizeAsync(User, Policies.EditGovernance)).Succeeded;
        (IsPast, HasStarted) = (meeting.IsPast(clock.Today), meeting.HasStarted(clock.Today));

        var onAgenda = meeting.Agenda.Select(i => i.ContractDecisionId).OfType<int>().ToList();
        var routed = await Db.ContractDecisions.Where(d => onAgenda.Contains(d.Id) || d.Steps.Any(s => s.MeetingId == Id)).ToListAsync(ct);
        RoutedNotOnAgenda = ForwardPlan.Build(DateOnly.MinValue, [meeting], routed).Meetings.Single().Items.Where(i => !i.OnAgenda).ToList();
        var sheets = await Db.CoverSheets.AsNoTracking().Where(s => s.MeetingId == Id).ToListAsync(ct);
        CoverSheets = sheets.ToDictionary(s => s.AgendaItemId, s => s.Id);
        var items = meeting.Agenda.Select(i => i.Id).ToHashSet();
        AnyIssued = sheets.Any(s => s.HasBeenIssued && items.Contains(s.AgendaItemId));
        // Each item lists its documents: read for all of them at once, not one query an item.
        await documents.ReadAheadAsync(DocumentOwnerKind.AgendaItem, items, includeDeleted: User.IsInRole(Infrastructure.Identity.Roles.Administrator), ct);

        var all = await Db.ContractDecisions.AsNoTracking()
            .Join(Db.Contracts, d => d.ContractId, c => c.Id, (d, c) => new { d.Id, d.Title, d.ContractId, c.Reference })
            .ToListAsync(ct);
        Decisions = all.ToDictionary(d => d.Id, d => (d.Title, d.ContractId, d.Reference));
        // Decisions routed to this meeting first: they are the ones the secretary is adding.
        var routedIds = routed.Where(d => d.Steps.Any(s => s.MeetingId == Id)).Select(d => d.Id).ToHashSet();
        DecisionOptions = all.Where(d => !onAgenda.Contains(d.Id))
            .OrderByDescending(d => routedIds.Contains(d.Id)).ThenBy(d => d.Reference).ThenBy(d => d.Title)
            .Select(d => (d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{d.Reference}: {d.Title}{(routedIds.Contains(d.Id) ? " (routed to this meeting)" : "")}"))
            .ToList();
    }
}
