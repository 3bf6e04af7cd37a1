using Commissioning.Domain.Common;
using Commissioning.Domain.Lifecycle;

namespace Commissioning.Domain.Contracts;

/// <summary>
/// One legally enforceable agreement. Each commissioning form is its own subclass, so a
/// block contract cannot carry sub-contracts nor a consortium lack its members.
/// </summary>
public abstract class Contract : AuditedAggregate
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
    public IReadOnlyList<ExtensionOption> ExtensionOptions => _extensionOptions;

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

    /// <summary>
    /// Withdraws a contract entered in error: it leaves the register but nothing is deleted, and its page and
    /// history stay open to administrators. A withdrawal is final.
    /// </summary>
    public void Withdraw(string reason, Actor by, DateTime atUtc)
    {
        Check(new ContractAlreadyWithdrawnRule(this));
        Check(new EventNeedsAReasonRule(reason, "a withdrawal"));
        if (reason.Trim().Length > WithdrawalReasonMaxLength)
            throw new ArgumentException($"A withdrawal reason can be at most {WithdrawalReasonMaxLength} characters.", nameof(reason));
        WithdrawnAtUtc = atUtc;
        WithdrawalReason = reason.Trim();
        WithdrawnById = by.UserId;
        WithdrawnByName = by.Name;
    }

    /// <summary>Extending by N months is a term of N months from the day after the end: 30 April + 1 month ends 31 May.</summary>
    public static DateOnly Extend(DateOnly end, int months) => months == 0 ? end : DateRange.OfMonths(end.AddDays(1), months).End;

    public void SetRateCard(IEnumerable<RateCardLine> lines)
    {
        // Copy first: the argument may be this contract's own rate card, and a refusal must change nothing.
        var list = lines.ToList();
        CheckRateCard(list);
        _rateCard.Clear();
        _rateCard.AddRange(list);
    }

    public void RecordAward(DateOnly? awardedOn) => AwardedOn = awardedOn;

    /// <summary>Ends the contract early: it is in force to <paramref name="lastDay"/>, then terminated.</summary>
    public void Terminate(DateOnly lastDay, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("A termination needs a reason.", nameof(reason));
        if (lastDay < StartDate) throw new ArgumentException("A contract cannot end before it starts.", nameof(lastDay));
        if (lastDay > CurrentEndDate) throw new ArgumentException($"A termination must take effect by the current end date, {Dates.Long(CurrentEndDate)}; after that the contract simply expires.", nameof(lastDay));
        TerminatedOn = lastDay;
        TerminationReason = reason.Trim();
    }

    /// <summary>Links this (new) contract as the renewal of <paramref name="predecessor"/>.</summary>
    public void Renews(Contract predecessor)
    {
        Check(new SuccessorMustStartAfterPredecessorRule(predecessor, StartDate));
        PredecessorId = predecessor.Id;
    }

    /// <summary>
    /// Status follows from dates and events, never typed in. A contract is a draft until it is
    /// awarded and has started; it is superseded once its successor has started.
    /// </summary>
    public ContractStatus StatusOn(DateOnly today, DateOnly? successorStart) =>
        DeriveStatus(today, AwardedOn, StartDate, CurrentEndDate, TerminatedOn, successorStart);

    /// <summary>The status rule on plain values, so a register row can use it without loading the aggregate.</summary>
    public static ContractStatus DeriveStatus(DateOnly today, DateOnly? awardedOn, DateOnly start, DateOnly currentEnd,
        DateOnly? terminatedOn, DateOnly? successorStart)
    {
        if (terminatedOn is { } last && today > last) return ContractStatus.Terminated;
        if (successorStart is { } next && today >= next) return ContractStatus.Superseded;
        if (awardedOn is null || today < start) return ContractStatus.Draft;
        if (today > currentEnd) return ContractStatus.Expired;
        return ContractStatus.Active;
    }

    // ---- lifecycle events (the event records themselves live in Lifecycle/) ----

    /// <summary>The first extension option not yet exercised, or null when none is left.</summary>
    // A method, not a property, so that EF Core never mistakes it for a navigation to the owned options.
    public ExtensionOption? NextExtensionOption() => _extensionOptions.FirstOrDefault(o => !o.IsExercised);

    /// <summary>Exercises the next extension option in order and returns the new current end date.</summary>
    public DateOnly ExerciseNextOption()
    {
        Check(new WithdrawnContractCannotChangeRule(this));
        Check(new TerminatedContractCannotChangeRule(this));
        Check(new ContractMustHaveAnExtensionOptionLeftRule(this));
        return ExerciseOption(NextExtensionOption()!.Sequence);
    }

    /// <summary>
    /// Exercises option <paramref name="sequence"/> (numbered from 1) and returns the new current end date.
    /// The option runs from the day after the current end, so it follows any earlier continuation.
    /// </summary>
    public DateOnly ExerciseOption(int sequence)
    {
        var option = _extensionOptions.FirstOrDefault(o => o.Sequence == sequence)
            ?? throw new ArgumentOutOfRangeException(nameof(sequence), sequence, $"The contract has no extension option {sequence}.");
        Check(new WithdrawnContractCannotChangeRule(this));
        Check(new TerminatedContractCannotChangeRule(this));
        Check(new ExtensionOptionCannotBeUsedTwiceRule(option));
        Check(new ExtensionOptionsMustBeExercisedInOrderRule(_extensionOptions, option));
        var newEnd = Extend(CurrentEndDate, option.Months);
        Check(new ExtensionCannotExceedMaximumEndDateRule(newEnd, MaximumEndDate));
        _extensionOptions[_extensionOptions.IndexOf(option)] = new ExtensionOption(option.Sequence, option.Months, isExercised: true);
        CurrentEndDate = newEnd;
        return newEnd;
    }

    /// <summary>
    /// Continues the contract to <paramref name="newEnd"/> outside its options (a negotiated continuation).
    /// The maximum end date grows with it when the continuation runs past it.
    /// </summary>
    public void ContinueTo(DateOnly newEnd)
    {
        Check(new WithdrawnContractCannotChangeRule(this));
        Check(new TerminatedContractCannotChangeRule(this));
        Check(new ContinuationMustMoveTheEndLaterRule(CurrentEndDate, newEnd));
        CurrentEndDate = newEnd;
        if (newEnd > MaximumEndDate) MaximumEndDate = newEnd;
    }

    /// <summary>Applies a variation's new annual value and/or new end date; either may be left as it is.</summary>
    public void Vary(Money? newAnnualValue, DateOnly? newEndDate)
    {
        Check(new WithdrawnContractCannotChangeRule(this));
        Check(new TerminatedContractCannotChangeRule(this));
        if (newEndDate is { } end) _ = new DateRange(StartDate, end); // guards an end before the start
        if (newAnnualValue is { } value && this is LeadProviderContract lead)
            Check(new SubContractsCannotExceedContractValueRule(value, lead.SubContracts));
        if (newEndDate is { } e)
        {
            CurrentEndDate = e;
            if (e > MaximumEndDate) MaximumEndDate = e;
        }
        if (newAnnualValue is { } v) AnnualValuePence = v.Pence;
    }

    /// <summary>
    /// Terminates on notice served on <paramref name="servedOn"/> and returns the last day the contract is in force.
    /// Without <paramref name="takesEffectOn"/> the notice ends the contract as early as the notice period allows.
    /// A party may give more notice than the contract requires, never less.
    /// </summary>
    public DateOnly TerminateByNotice(DateOnly servedOn, string reason, int? noticeMonths = null, DateOnly? takesEffectOn = null)
    {
        var months = noticeMonths ?? NoticePeriodMonths;
        if (months is < 0 or > MaxNoticeMonths)
            throw new ArgumentOutOfRangeException(nameof(noticeMonths), months, $"A notice period must be between 0 and {MaxNoticeMonths} months.");
        Check(new EventNeedsAReasonRule(reason, "a termination"));
        Check(new WithdrawnContractCannotChangeRule(this));
        Check(new TerminatedContractCannotChangeRule(this));
        Check(new NoticeCannotBeShorterThanTheNoticePeriodRule(NoticePeriodMonths, months));
        var earliest = NoticeEndsOn(servedOn, months);
        var lastDay = takesEffectOn ?? earliest;
        Check(new NoticeMustBeServedBeforeItTakesEffectRule(servedOn, lastDay));
        Check(new NoticeMustRunItsFullPeriodRule(servedOn, months, earliest, lastDay));
        Check(new TerminationCannotTakeEffectBeforeTheStartRule(StartDate, lastDay));
        Check(new NoticeMustTakeEffectByTheCurrentEndRule(servedOn, months, lastDay, CurrentEndDate));
        Terminate(lastDay, reason);
        return lastDay;
    }

    /// <summary>Ends the contract by breach or by agreement on <paramref name="lastDay"/>, checking the named rules first.</summary>
    public DateOnly TerminateOn(DateOnly lastDay, string reason)
    {
        Check(new WithdrawnContractCannotChangeRule(this));
        Check(new EventNeedsAReasonRule(reason, "a termination"));
        Check(new TerminatedContractCannotChangeRule(this));
        Check(new TerminationCannotTakeEffectBeforeTheStartRule(StartDate, lastDay));
        Check(new TerminationMustTakeEffectByTheCurrentEndRule(CurrentEndDate, lastDay));
        Terminate(lastDay, reason);
        return lastDay;
    }

    /// <summary>
    /// The last day in force after <paramref name="months"/> months' notice served on <paramref name="servedOn"/>:
    /// a term of that many months from the day of service, so 12 months from 1 April 2030 ends 31 March 2031.
    /// </summary>
    public static DateOnly NoticeEndsOn(DateOnly servedOn, int months) => months == 0 ? servedOn : DateRange.OfMonths(servedOn, months).End;

    /// <summary>The last day notice can be served to end a contract on <paramref name="end"/>; the rule behind <see cref="NoticeDeadline"/>.</summary>
    public static DateOnly LatestNoticeDate(DateOnly end, int months) => end.AddDays(1).AddMonths(-months);

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
