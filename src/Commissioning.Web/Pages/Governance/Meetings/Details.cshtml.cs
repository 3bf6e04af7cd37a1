using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance.Meetings;

/// <summary>
/// One meeting and its agenda. Everyone signed in reads it; board secretaries add, number,
/// move and remove items, each handler checking the role and the meeting's version itself.
/// </summary>
public sealed class DetailsModel(CommissioningDbContext db, IAuthorizationService authorization)
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

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        new NewItemForm.Validator().Validate(Item).AddTo(this, "Item");
        ContractDecision? decision = null;
        if (ModelState.IsValid && ValidationRules.ParseInt(Item.DecisionId) is { } decisionId)
        {
            decision = await Db.ContractDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == decisionId, ct);
            if (decision is null) ModelState.AddModelError("Item.DecisionId", "Choose a decision from the list, or none");
        }
        // A taken item number is the number's fault; a decision already on the agenda, the decision's.
        return await ChangeAsync(rule => rule is AgendaItemNumbersMustBeUniqueRule ? "Item.Number" : "Item.DecisionId", Gone, m =>
        {
            var title = string.IsNullOrWhiteSpace(Item.Title) ? decision!.Title : Item.Title;
            var item = m.AddItem(title, Enum.Parse<GovernanceAction>(Item.Action!), Item.Number, decision?.Id);
            return $"{item.Title} added to the agenda";
        }, ct);
    }

    public async Task<IActionResult> OnPostNumberAsync(CancellationToken ct)
    {
        new NumberForm.Validator().Validate(Renumber).AddTo(this, "Renumber");
        var sheets = await Db.CoverSheets.Where(s => s.MeetingId == Id).ToListAsync(ct);
        return await ChangeAsync(_ => "Renumber.Number", Gone, m =>
        {
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

        var onAgenda = meeting.Agenda.Select(i => i.ContractDecisionId).OfType<int>().ToList();
        var routed = await Db.ContractDecisions.Where(d => onAgenda.Contains(d.Id) || d.Steps.Any(s => s.MeetingId == Id)).ToListAsync(ct);
        RoutedNotOnAgenda = ForwardPlan.Build(DateOnly.MinValue, [meeting], routed).Meetings.Single().Items.Where(i => !i.OnAgenda).ToList();
        CoverSheets = await Db.CoverSheets.AsNoTracking().Where(s => s.MeetingId == Id).ToDictionaryAsync(s => s.AgendaItemId, s => s.Id, ct);

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
