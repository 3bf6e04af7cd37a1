using Commissioning.Domain.Common;
using Commissioning.Domain.Governance;

namespace Commissioning.Domain.Contracts;

/// <summary>
/// One legally enforceable agreement. Each commissioning form is its own subclass, so a
/// block contract cannot carry sub-contracts nor a consortium lack its members.
/// </summary>
public abstract partial class Contract : AuditedAggregate
{
    public const int ReferenceMaxLength = 30;
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int CommissionerMaxLength = 100;
    public const int BreakClauseMaxLength = 2000;
    public const int MaxTermMonths = 600;
    public const int MaxNoticeMonths = 60;
    public const int WithdrawalReasonMaxLength = 2000;

    private readonly List<ExtensionOption> _extensionOptions = [];
    private readonly List<RateCardLine> _rateCard = [];

    protected Contract() { }

    public abstract CommissioningForm Form { get; }

    public string Reference { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public ServiceCategory ServiceCategory { get; private set; }
    public int DirectorateId { get; private set; }
    /// <summary>The user answering for the contract; null only while a historic name stands in (see <see cref="HistoricCommissionerName"/>).</summary>
    public string? ResponsibleCommissionerId { get; private set; }
    /// <summary>A name typed before commissioners were chosen from the users, matching no user; null once a user is picked.</summary>
    public string? HistoricCommissionerName { get; private set; }
    public ResponsibleCommissioner ResponsibleCommissioner => ResponsibleCommissionerId is { } id
        ? ResponsibleCommissioner.User(id)
        : ResponsibleCommissioner.Historic(HistoricCommissionerName ?? "Not recorded");
    public ProcurementRoute ProcurementRoute { get; private set; }
    public bool IsKeyDecision { get; private set; }
    public Confidentiality Confidentiality { get; private set; }

    public DateOnly StartDate { get; private set; }
    public DateOnly InitialEndDate { get; private set; }
    public int NoticePeriodMonths { get; private set; }
    public string? BreakClause { get; private set; }
    /// <summary>The options by their sequence number (not the order their rows loaded in, decision 0022).</summary>
    public IReadOnlyList<ExtensionOption> ExtensionOptions => _extensionOptions.OrderBy(o => o.Sequence).ToList();

    /// <summary>End date with the extension options exercised so far. Derived; stored so the register can sort and filter on it.</summary>
    public DateOnly CurrentEndDate { get; private set; }
    /// <summary>End date if every extension option were exercised. Derived; stored for the same reason.</summary>
    public DateOnly MaximumEndDate { get; private set; }

    public DateOnly? AwardedOn { get; private set; }
    public DateOnly? TerminatedOn { get; private set; }
    public string? TerminationReason { get; private set; }

    /// <summary>When the contract was withdrawn as entered in error (UTC); null while it stands. Nothing is deleted.</summary>
    public DateTime? WithdrawnAtUtc { get; private set; }
    public string? WithdrawalReason { get; private set; }
    public string? WithdrawnById { get; private set; }
    public string? WithdrawnByName { get; private set; }
    public bool IsWithdrawn => WithdrawnAtUtc is not null;

    /// <summary>The contract this one renews, if any.</summary>
    public int? PredecessorId { get; private set; }

    /// <summary>The contracting provider: for a lead-provider contract the lead, for a consortium its lead member.</summary>
    public int? ProviderId { get; protected set; }

    /// <summary>Annual value in whole pence; for a spot contract an estimate, and may be absent.</summary>
    public long? AnnualValuePence { get; protected set; }
    public Money? AnnualValue => AnnualValuePence is { } p ? Money.FromPence(p) : null;

    public IReadOnlyList<RateCardLine> RateCard => _rateCard;

    public DateRange InitialTerm => new(StartDate, InitialEndDate);
    public DateRange CurrentTerm => new(StartDate, CurrentEndDate);
    public DateRange MaximumTerm => new(StartDate, MaximumEndDate);
    public int ExercisedOptionCount => _extensionOptions.Count(o => o.IsExercised);

    /// <summary>
    /// The last day on which notice can be served to end the contract on its current end date:
    /// 12 months' notice for a term ending 31 March 2031 must be served by 1 April 2030.
    /// </summary>
    public DateOnly NoticeDeadline => CurrentEndDate.AddDays(1).AddMonths(-NoticePeriodMonths);

    public void Describe(ContractDescription d)
    {
        if (string.IsNullOrWhiteSpace(d.Reference)) throw new ArgumentException("A contract must have a reference.", nameof(d));
        if (string.IsNullOrWhiteSpace(d.Title)) throw new ArgumentException("A contract must have a title.", nameof(d));
        Reference = d.Reference.Trim().ToUpperInvariant();
        Title = d.Title.Trim();
        Description = string.IsNullOrWhiteSpace(d.Description) ? null : d.Description.Trim();
        ServiceCategory = d.ServiceCategory;
        if (d.DirectorateId <= 0) throw new ArgumentException("A contract must belong to a directorate.", nameof(d));
        ArgumentNullException.ThrowIfNull(d.ResponsibleCommissioner);
        if ((d.ResponsibleCommissioner.HistoricName?.Length ?? 0) > CommissionerMaxLength)
            throw new ArgumentException($"A commissioner's name can be at most {CommissionerMaxLength} characters.", nameof(d));
        DirectorateId = d.DirectorateId;
        ResponsibleCommissionerId = d.ResponsibleCommissioner.UserId;
        HistoricCommissionerName = d.ResponsibleCommissioner.HistoricName;
        ProcurementRoute = d.ProcurementRoute;
        IsKeyDecision = d.IsKeyDecision;
        Confidentiality = d.Confidentiality;
    }

    public void SetTerm(ContractTerm term)
    {
        _ = new DateRange(term.StartDate, term.InitialEndDate); // guards end before start
        if (term.NoticePeriodMonths is < 0 or > MaxNoticeMonths)
            throw new ArgumentOutOfRangeException(nameof(term), term.NoticePeriodMonths, $"A notice period must be between 0 and {MaxNoticeMonths} months.");
        var options = term.ExtensionOptions.Select((o, i) => new ExtensionOption(i + 1, o.Months, o.IsExercised)).ToList();
        Check(new ExtensionOptionsMustBeUsedInOrderRule(options));

        StartDate = term.StartDate;
        InitialEndDate = term.InitialEndDate;
        NoticePeriodMonths = term.NoticePeriodMonths;
        BreakClause = string.IsNullOrWhiteSpace(term.BreakClause) ? null : term.BreakClause.Trim();
        _extensionOptions.Clear();
        _extensionOptions.AddRange(options);
        // Options are applied one after another, as they are exercised, not as one sum of months.
        CurrentEndDate = options.Where(o => o.IsExercised).Aggregate(InitialEndDate, (end, o) => Extend(end, o.Months));
        MaximumEndDate = options.Aggregate(InitialEndDate, (end, o) => Extend(end, o.Months));
    }

    /// <summary>
    /// Changes only the notice period and break clause, leaving the dates alone: what the edit form may still change
    /// once lifecycle events have moved the end date, which <see cref="SetTerm"/> would recompute from the options.
    /// </summary>
    public void AmendNoticeAndBreakClause(int noticePeriodMonths, string? breakClause)
    {
        if (noticePeriodMonths is < 0 or > MaxNoticeMonths)
            throw new ArgumentOutOfRangeException(nameof(noticePeriodMonths), noticePeriodMonths, $"A notice period must be between 0 and {MaxNoticeMonths} months.");
        NoticePeriodMonths = noticePeriodMonths;
        BreakClause = string.IsNullOrWhiteSpace(breakClause) ? null : breakClause.Trim();
    }

    public void SetRateCard(IEnumerable<RateCardLine> lines)
    {
        // Copy first: the argument may be this contract's own rate card, and a refusal must change nothing.
        var list = lines.ToList();
        CheckRateCard(list);
        _rateCard.Clear();
        _rateCard.AddRange(list);
    }

    /// <summary>
    /// Records (or clears) the date awarded, which is what makes a contract active. A new award date needs the latest
    /// decision letting the contract (award, renewal, continuation), when one is recorded, to be about this contract and
    /// approved; the refusal names the steps still missing. Pass null when none is recorded: a contract whose governance
    /// predates the register is not held up.
    /// </summary>
    public void RecordAward(DateOnly? awardedOn, ContractDecision? lettingDecision)
    {
        if (awardedOn is not null && awardedOn != AwardedOn) lettingDecision?.EnsureAuthorises(Id);
        AwardedOn = awardedOn;
    }

    /// <summary>
    /// Status follows from dates and events, never typed in. A contract is a draft until it is
    /// awarded and has started; it is superseded once its successor has started.
    /// </summary>
    public ContractStatus StatusOn(DateOnly today, DateOnly? successorStart) =>
        DeriveStatus(today, AwardedOn, StartDate, CurrentEndDate, TerminatedOn, successorStart);

    /// <summary>The status rule on plain values: <see cref="ContractStatusRule"/>, the one definition the database queries use too.</summary>
    public static ContractStatus DeriveStatus(DateOnly today, DateOnly? awardedOn, DateOnly start, DateOnly currentEnd,
        DateOnly? terminatedOn, DateOnly? successorStart) =>
        ContractStatusRule.Derive(today, awardedOn, start, currentEnd, terminatedOn, successorStart);

    /// <summary>Each form checks a proposed rate card against its own rules before it is taken.</summary>
    protected virtual void CheckRateCard(IReadOnlyList<RateCardLine> lines) { }
}

public sealed record ContractDescription(
    string Reference,
    string Title,
    string? Description,
    ServiceCategory ServiceCategory,
    int DirectorateId,
    ResponsibleCommissioner ResponsibleCommissioner,
    ProcurementRoute ProcurementRoute,
    bool IsKeyDecision,
    Confidentiality Confidentiality);

public sealed record ExtensionOptionTerm(int Months, bool IsExercised);

public sealed record ContractTerm(
    DateOnly StartDate,
    DateOnly InitialEndDate,
    IReadOnlyList<ExtensionOptionTerm> ExtensionOptions,
    int NoticePeriodMonths,
    string? BreakClause = null);
