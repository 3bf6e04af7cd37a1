using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance.Decisions;

/// <summary>
/// A decision and its governance route. Everyone signed in reads it; board secretaries add,
/// record, reschedule and remove steps, each handler checking the role and the decision's
/// version, and the domain's rules (outcomes from the meeting date, recorded steps are history).
/// </summary>
public sealed class DetailsModel(CommissioningDbContext db, IClock clock, IAuthorizationService authorization)
    : ChangesPage<ContractDecision>(db, authorization, Policies.EditGovernance)
{
    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

    [BindProperty] public StepForm Step { get; set; } = new();
    [BindProperty] public OutcomeForm Outcome { get; set; } = new();
    [BindProperty] public RescheduleForm Move { get; set; } = new();
    [BindProperty] public RemoveForm Remove { get; set; } = new();

    public ContractDecision Decision { get; private set; } = null!;
    public (int Id, string Reference, string Title) Contract { get; private set; }
    public bool CanEdit { get; private set; }
    public DateOnly Today => clock.Today;
    public IReadOnlyList<(string Value, string Text)> Meetings { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> Bodies { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> PendingSteps { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> AllSteps { get; private set; } = [];

    public sealed class StepForm
    {
        public string? MeetingId { get; set; }
        public string? BodyId { get; set; }
        public DateParts Date { get; set; } = new();
        public string? Action { get; set; }

        public sealed class Validator : AbstractValidator<StepForm>
        {
            public Validator()
            {
                When(x => string.IsNullOrWhiteSpace(x.MeetingId), () =>
                {
                    RuleFor(x => x.BodyId).Must(v => ValidationRules.ParseInt(v) is > 0).WithMessage("Choose a scheduled meeting, or a decision-making body and a date");
                    RuleFor(x => x.Date).Date("date of the step", required: true);
                }).Otherwise(() => RuleFor(x => x.MeetingId).Must(v => ValidationRules.ParseInt(v) is > 0).WithMessage("Choose a meeting from the list"));
                RuleFor(x => x.Action).Must(GovernanceDisplay.IsName<GovernanceAction>).WithMessage("Choose what the body is asked to do");
            }
        }
    }

    public sealed class OutcomeForm
    {
        public string? Position { get; set; }
        public string? Outcome { get; set; }
        public string? Minute { get; set; }

        public sealed class Validator : AbstractValidator<OutcomeForm>
        {
            public Validator()
            {
                RuleFor(x => x.Position).Must(v => ValidationRules.ParseInt(v) is > 0).WithMessage("Choose the step whose outcome you are recording");
                RuleFor(x => x.Outcome).Must(v => GovernanceDisplay.Parse<StepOutcome>(v) is { } o && o != StepOutcome.Pending)
                    .WithMessage("Choose what the body did: recommended, approved, noted, deferred or rejected");
                RuleFor(x => x.Minute).MaximumLength(ContractDecision.MinuteMaxLength).WithMessage($"The minute must be {ContractDecision.MinuteMaxLength:N0} characters or fewer");
            }
        }
    }

    public sealed class RescheduleForm
    {
        public string? Position { get; set; }
        public DateParts Date { get; set; } = new();

        public sealed class Validator : AbstractValidator<RescheduleForm>
        {
            public Validator()
            {
                RuleFor(x => x.Position).Must(v => ValidationRules.ParseInt(v) is > 0).WithMessage("Choose the step to reschedule");
                RuleFor(x => x.Date).Date("new date", required: true);
            }
        }
    }

    public sealed class RemoveForm
    {
        public string? Position { get; set; }
    }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostAddStepAsync(CancellationToken ct)
    {
        new StepForm.Validator().Validate(Step).AddTo(this, "Step");
        Meeting? meeting = null;
        DecisionBody? body = null;
        if (ModelState.IsValid)
        {
            if (ValidationRules.ParseInt(Step.MeetingId) is { } meetingId)
            {
                meeting = await Db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
                if (meeting is null) ModelState.AddModelError("Step.MeetingId", "Choose a meeting from the list");
            }
            else
            {
                var bodyId = ValidationRules.ParseInt(Step.BodyId)!.Value;
                body = await Db.DecisionBodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bodyId, ct);
                if (body is null) ModelState.AddModelError("Step.BodyId", "Choose a decision-making body from the list");
            }
        }
        return await ChangeAsync(_ => "Step.MeetingId", Gone("Step.MeetingId"), d =>
        {
            var action = Enum.Parse<GovernanceAction>(Step.Action!);
            var step = meeting is not null ? d.AddStep(meeting, action) : d.AddStep(body!, Step.Date.ToDate()!.Value, action);
            return $"{step} added to the route";
        }, ct);
    }

    public Task<IActionResult> OnPostOutcomeAsync(CancellationToken ct)
    {
        new OutcomeForm.Validator().Validate(Outcome).AddTo(this, "Outcome");
        return ChangeAsync(_ => "Outcome.Position", Gone("Outcome.Position"), d =>
        {
            var position = ValidationRules.ParseInt(Outcome.Position)!.Value;
            d.RecordOutcome(position, Enum.Parse<StepOutcome>(Outcome.Outcome!), Outcome.Minute, clock.Today);
            var step = d.Step(position);
            return $"{step}: {step.Outcome.ToText().ToLowerInvariant()}";
        }, ct);
    }

    public Task<IActionResult> OnPostRescheduleAsync(CancellationToken ct)
    {
        new RescheduleForm.Validator().Validate(Move).AddTo(this, "Move");
        return ChangeAsync(_ => "Move.Position", Gone("Move.Position"), d =>
        {
            var step = d.Step(ValidationRules.ParseInt(Move.Position)!.Value);
            d.Reschedule(step.Position, Move.Date.ToDate()!.Value);
            return $"{step.BodyName} moved to {Dates.Long(step.Date)}";
        }, ct);
    }

    public Task<IActionResult> OnPostRemoveStepAsync(CancellationToken ct)
    {
        if (ValidationRules.ParseInt(Remove.Position) is not > 0) ModelState.AddModelError("Remove.Position", "Choose the step to remove");
        return ChangeAsync(_ => "Remove.Position", Gone("Remove.Position"), d =>
        {
            var position = ValidationRules.ParseInt(Remove.Position)!.Value;
            var step = d.Step(position).ToString();
            d.RemoveStep(position);
            return $"{step} removed from the route";
        }, ct);
    }

    private static (string, string) Gone(string key) => (key, "That step is no longer in the route: check the route and try again.");

    protected override (string Noun, string Part, string Section) Words => ("decision", "route", Sections.Route);

    protected override async Task LoadAsync(ContractDecision decision, CancellationToken ct)
    {
        Decision = decision;
        var contract = await Db.Contracts.AsNoTracking().Where(c => c.Id == decision.ContractId).Select(c => new { c.Id, c.Reference, c.Title }).FirstAsync(ct);
        Contract = (contract.Id, contract.Reference, contract.Title);
        CanEdit = (await Authorization.AuthorizeAsync(User, Policies.EditGovernance)).Succeeded;
        if (!CanEdit) return;

        var meetings = await Db.Meetings.AsNoTracking().OrderBy(m => m.Date).ThenBy(m => m.Title).ToListAsync(ct);
        var today = clock.Today;
        // Meetings to come first; past ones after, for entering a route's history.
        Meetings = meetings.Where(m => m.Date >= today).Concat(meetings.Where(m => m.Date < today).OrderByDescending(m => m.Date))
            .Select(m => (m.Id.ToString(Invariant), GovernanceDisplay.MeetingOption(m) + (m.Date < today ? " (past)" : ""))).ToList();
        var bodies = await Db.DecisionBodies.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(ct);
        Bodies = bodies.Select(b => (b.Id.ToString(Invariant), b.Name)).ToList();
        AllSteps = decision.Steps.Select(s => (s.Position.ToString(Invariant), $"{s.Position}. {s} ({s.Outcome.ToText().ToLowerInvariant()})")).ToList();
        PendingSteps = decision.Steps.Where(s => !s.HasOutcome).Select(s => (s.Position.ToString(Invariant), $"{s.Position}. {s}")).ToList();
        // Preselect the step most likely meant: the first that has met without an outcome, else the first pending one.
        var next = decision.Steps.FirstOrDefault(s => !s.HasOutcome && s.Date <= today) ?? decision.Steps.FirstOrDefault(s => !s.HasOutcome);
        Outcome.Position ??= next?.Position.ToString(Invariant);
        Move.Position ??= decision.Steps.FirstOrDefault(s => !s.HasOutcome)?.Position.ToString(Invariant);
    }
}
