using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance.Meetings;

/// <summary>
/// One agenda item: its presenter (part of the agenda, so until the meeting is held), and from the
/// meeting's day its declarations of interest and its minute (decision text and outcome). Everyone
/// signed in reads it; each handler checks the role, the meeting's version and the day itself.
/// </summary>
public sealed class ItemModel(CommissioningDbContext db, IAuthorizationService authorization, IClock clock)
    : ChangesPage<Meeting>(db, authorization, Policies.EditGovernance)
{
    [BindProperty(SupportsGet = true)] public int ItemId { get; set; }
    [BindProperty] public string? Presenter { get; set; }
    [BindProperty] public DeclarationForm Declaration { get; set; } = new();
    [BindProperty] public MinutesForm Minutes { get; set; } = new();
    /// <summary>Which declaration (from 1) a Remove button is for.</summary>
    [BindProperty] public int Number { get; set; }

    public Meeting Meeting { get; private set; } = null!;
    public AgendaItem? Item { get; private set; }
    public bool CanEdit { get; private set; }
    public bool IsPast { get; private set; }
    public bool HasStarted { get; private set; }
    public (int Id, string Title)? Decision { get; private set; }

    private string _section = MeetingSections.Minutes;

    public sealed class DeclarationForm
    {
        public string? Member { get; set; }
        public string? Interest { get; set; }

        public sealed class Validator : AbstractValidator<DeclarationForm>
        {
            public Validator()
            {
                RuleFor(x => x.Member).NotEmpty().WithMessage("Enter the name of the member declaring an interest")
                    .MaximumLength(Meeting.PersonMaxLength).WithMessage($"The member's name must be {Meeting.PersonMaxLength} characters or fewer");
                RuleFor(x => x.Interest).NotEmpty().WithMessage("Enter the interest declared, like \"A relative works for the provider\"")
                    .MaximumLength(AgendaItem.InterestMaxLength).WithMessage($"The interest must be {AgendaItem.InterestMaxLength} characters or fewer");
            }
        }
    }

    public sealed class MinutesForm
    {
        public string? Outcome { get; set; }
        public string? Text { get; set; }

        public sealed class Validator : AbstractValidator<MinutesForm>
        {
            public Validator()
            {
                RuleFor(x => x.Outcome).Must(o => GovernanceDisplay.Parse<StepOutcome>(o) is { } v && v != StepOutcome.Pending).WithMessage("Choose what the meeting did");
                RuleFor(x => x.Text).MaximumLength(AgendaItem.MinuteMaxLength).WithMessage($"The minute must be {AgendaItem.MinuteMaxLength} characters or fewer");
            }
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var shown = await ShowAsync(ct);
        if (shown is PageResult && Item is null) return NotFound();
        if (Item is not null)
        {
            Presenter = Item.Presenter;
            Minutes = new() { Outcome = Item.IsMinuted ? Item.Outcome.ToString() : null, Text = Item.MinuteText };
        }
        return shown;
    }

    public async Task<IActionResult> OnPostPresenterAsync(CancellationToken ct)
    {
        _section = MeetingSections.Presenter;
        if (Presenter?.Trim().Length > Meeting.PersonMaxLength) ModelState.AddModelError(nameof(Presenter), $"The presenter must be {Meeting.PersonMaxLength} characters or fewer");
        return await ChangeAsync(_ => "", Gone, m =>
        {
            m.SetPresenter(ItemId, Presenter, clock.Today);
            var item = m.ItemById(ItemId);
            return item.Presenter is null ? $"{item.Title} has no presenter" : $"{item.Presenter} presents {item.Title}";
        }, ct);
    }

    public async Task<IActionResult> OnPostDeclareAsync(CancellationToken ct)
    {
        _section = MeetingSections.Declarations;
        new DeclarationForm.Validator().Validate(Declaration).AddTo(this, nameof(Declaration));
        return await ChangeAsync(rule => rule is DeclarationsPerItemAreLimitedRule ? "Declaration.Member" : "", Gone,
            m => $"{m.DeclareInterest(ItemId, Declaration.Member!, Declaration.Interest!, clock.Today).Member}'s declaration recorded", ct);
    }

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        _section = MeetingSections.Declarations;
        return ChangeAsync(_ => "", GoneDeclaration, m => $"{m.WithdrawDeclaration(ItemId, Number, clock.Today).Member}'s declaration removed", ct);
    }

    public async Task<IActionResult> OnPostMinutesAsync(CancellationToken ct)
    {
        _section = MeetingSections.Minutes;
        new MinutesForm.Validator().Validate(Minutes).AddTo(this, nameof(Minutes));
        return await ChangeAsync(_ => "Minutes.Outcome", Gone, m =>
        {
            m.RecordMinutes(ItemId, Minutes.Text, Enum.Parse<StepOutcome>(Minutes.Outcome!), clock.Today);
            return $"Minutes recorded for {m.ItemById(ItemId).Title}";
        }, ct);
    }

    private static readonly (string, string) Gone = ("", "That agenda item is no longer on the agenda: check the meeting and try again.");
    private static readonly (string, string) GoneDeclaration = ("", "That declaration is no longer recorded: check the declarations and try again.");

    protected override (string Noun, string Part, string Section) Words => ("meeting", "item", _section);

    protected override async Task LoadAsync(Meeting meeting, CancellationToken ct)
    {
        Meeting = meeting;
        Item = meeting.Agenda.FirstOrDefault(i => i.Id == ItemId);
        CanEdit = (await Authorization.AuthorizeAsync(User, Policies.EditGovernance)).Succeeded;
        (IsPast, HasStarted) = (meeting.IsPast(clock.Today), meeting.HasStarted(clock.Today));
        if (Item?.ContractDecisionId is { } id)
            Decision = await Db.ContractDecisions.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.Id, d.Title }).FirstOrDefaultAsync(ct) is { } d ? (d.Id, d.Title) : null;
    }
}
