using Commissioning.Domain.Common;

namespace Commissioning.Domain.Governance;

/// <summary>
/// The Strategic Commissioning Board cover sheet for one agenda item, which may be about a
/// contract decision (its Governance and Reporting table then comes from the decision's route) or
/// not (the secretary enters earlier meetings by hand). It is a series of numbered versions: the last may be a draft, which is edited;
/// issuing freezes it. Editing after an issue starts the next version as a draft copy of the
/// last, so every issued version stays exactly as it went into the agenda pack.
/// </summary>
public sealed class CoverSheet : AuditedAggregate
{
    private readonly List<CoverSheetVersion> _versions = [];

    private CoverSheet() { }

    public int MeetingId { get; private set; }
    public int AgendaItemId { get; private set; }
    /// <summary>The contract decision the item is about; null for any other paper ("Form and Function of the LCO").</summary>
    public int? ContractDecisionId { get; private set; }

    // Versions are told apart by their number, never by where they sit in the list: rows may load in any order (decision 0022).

    /// <summary>Every version, oldest (version 1) first.</summary>
    public IReadOnlyList<CoverSheetVersion> Versions => _versions.OrderBy(v => v.Number).ToList();
    /// <summary>The highest-numbered version: the draft if there is one, else the latest issued.</summary>
    public CoverSheetVersion Current => _versions.MaxBy(v => v.Number)!;
    /// <summary>The version being edited, if the last one has not been issued.</summary>
    public CoverSheetVersion? Draft => Current.IsIssued ? null : Current;
    public CoverSheetVersion? LatestIssued => _versions.Where(v => v.IsIssued).MaxBy(v => v.Number);
    public IReadOnlyList<CoverSheetVersion> IssuedVersions => _versions.Where(v => v.IsIssued).OrderBy(v => v.Number).ToList();
    public bool HasBeenIssued => _versions.Any(v => v.IsIssued);

    public CoverSheetVersion GetVersion(int number) =>
        _versions.FirstOrDefault(v => v.Number == number)
        ?? throw new ArgumentOutOfRangeException(nameof(number), number, $"There is no version {number}.");

    /// <summary>
    /// Starts version 1 for <paramref name="item"/> on <paramref name="meeting"/>'s agenda: the
    /// meeting, date, item number, title and action come from the agenda, the Governance and
    /// Reporting table from the decision's route, and anything in <paramref name="content"/> on top.
    /// </summary>
    public static CoverSheet Create(Meeting meeting, AgendaItem item, ContractDecision decision, CoverSheetContent? content = null)
    {
        if (meeting.Id <= 0 || item.Id <= 0 || decision.Id <= 0)
            throw new ArgumentException("Save the meeting, its agenda and the decision before starting a cover sheet.");
        if (!meeting.Agenda.Contains(item))
            throw new ArgumentException("The agenda item is not on this meeting's agenda.", nameof(item));
        if (item.ContractDecisionId is { } linked && linked != decision.Id)
            throw new ArgumentException("The agenda item is about another decision.", nameof(decision));

        var sheet = new CoverSheet { MeetingId = meeting.Id, AgendaItemId = item.Id, ContractDecisionId = decision.Id };
        var first = new CoverSheetVersion(1, meeting.Title, meeting.Date, item.Number);
        var start = content ?? new CoverSheetContent();
        first.Apply(start with
        {
            Title = string.IsNullOrWhiteSpace(start.Title) ? item.Title : start.Title,
            Action = start.Action ?? item.Action,
        });
        first.SetGovernance(GovernanceRow.From(decision, meeting.Date));
        sheet._versions.Add(first);
        return sheet;
    }

    /// <summary>
    /// Starts version 1 for an agenda item that is not about a contract decision: the same as
    /// <see cref="Create(Meeting, AgendaItem, ContractDecision, CoverSheetContent?)"/> with an empty
    /// Governance and Reporting table for the secretary to fill.
    /// </summary>
    public static CoverSheet Create(Meeting meeting, AgendaItem item, CoverSheetContent? content = null)
    {
        if (meeting.Id <= 0 || item.Id <= 0)
            throw new ArgumentException("Save the meeting and its agenda before starting a cover sheet.");
        if (!meeting.Agenda.Contains(item))
            throw new ArgumentException("The agenda item is not on this meeting's agenda.", nameof(item));
        if (item.ContractDecisionId is not null)
            throw new ArgumentException("The agenda item is about a contract decision: start its sheet from the decision.", nameof(item));

        var sheet = new CoverSheet { MeetingId = meeting.Id, AgendaItemId = item.Id, ContractDecisionId = null };
        var first = new CoverSheetVersion(1, meeting.Title, meeting.Date, item.Number);
        var start = content ?? new CoverSheetContent();
        first.Apply(start with
        {
            Title = string.IsNullOrWhiteSpace(start.Title) ? item.Title : start.Title,
            Action = start.Action ?? item.Action,
        });
        sheet._versions.Add(first);
        return sheet;
    }

    /// <summary>Saves the form into the draft, starting a new version first if the last one was issued.</summary>
    /// <remarks>
    /// An answer with several boxes ticked that <paramref name="content"/> leaves unanswered is kept
    /// (<see cref="CoverSheetContent.KeepingSeveralTicksFrom"/>): a one-box form cannot show it, so
    /// saving the form without touching that question must not lose it.
    /// </remarks>
    public CoverSheetVersion Edit(CoverSheetContent content)
    {
        content = content.KeepingSeveralTicksFrom(Current.Content);
        if (Draft is { } draft)
        {
            draft.Apply(content);
            return draft;
        }
        // Build the next version aside, so refused content leaves no empty version behind.
        var next = Current.Next();
        next.Apply(content);
        _versions.Add(next);
        return next;
    }

    /// <summary>Takes a rescheduled meeting, a retitled meeting or a renumbered item onto the sheet; after an issue, that is a new version.</summary>
    public void FollowMeeting(Meeting meeting, AgendaItem item)
    {
        if (meeting.Id != MeetingId || item.Id != AgendaItemId)
            throw new ArgumentException("This cover sheet belongs to another meeting or agenda item.");
        if (Current.Matches(meeting.Title, meeting.Date, item.Number)) return;
        if (Draft is { } draft)
        {
            draft.SetMeeting(meeting.Title, meeting.Date, item.Number);
            return;
        }
        var next = Current.Next();
        next.SetMeeting(meeting.Title, meeting.Date, item.Number);
        _versions.Add(next);
    }

    /// <summary>Refills the draft's Governance and Reporting table from the decision's route (issued versions keep theirs).</summary>
    public void RefreshGovernance(ContractDecision decision)
    {
        CheckDecision(decision);
        Draft?.SetGovernance(GovernanceRow.From(decision, Current.MeetingDate));
    }

    /// <summary>
    /// Sets the Governance and Reporting rows by hand, for a sheet not about a contract decision
    /// (a decision's sheet takes them from its route). After an issue, that is a new version.
    /// </summary>
    public CoverSheetVersion SetGovernanceRows(IReadOnlyList<GovernanceRow> rows)
    {
        if (ContractDecisionId is not null)
            throw new InvalidOperationException("This cover sheet takes its Governance and Reporting rows from the decision's route.");
        GovernanceRow.Check(rows);
        // Most recent first, as the Persona sheet lists them; same-day rows keep the order given.
        var ordered = rows.Select(r => r with { Meeting = r.Meeting.Trim() }).OrderByDescending(r => r.Date).ToList();
        if (Draft is null && ordered.SequenceEqual(Current.Governance)) return Current;
        var target = Draft ?? Current.Next();
        target.SetGovernance(ordered);
        if (!_versions.Contains(target)) _versions.Add(target);
        return target;
    }

    /// <summary>Everything missing from the draft (nothing if there is no draft).</summary>
    public IReadOnlyList<string> Problems(DateOnly today) => FieldProblems(today).Select(p => p.Message).ToList();

    /// <summary>The same, each with the field it is about.</summary>
    public IReadOnlyList<CoverSheetProblem> FieldProblems(DateOnly today) =>
        Draft?.Content.FieldProblems(Draft.MeetingDate, today, isNew: !HasBeenIssued) ?? [];

    /// <summary>
    /// Freezes the draft as issued, with the Governance and Reporting table as the route stands
    /// now. Refused, listing each missing item, while anything is missing.
    /// </summary>
    /// <paramref name="decision"/> is the item's decision, or null for a sheet not about one.
    public CoverSheetVersion Issue(ContractDecision? decision, Actor by, DateTime atUtc, DateOnly today)
    {
        Check(new CoverSheetMustHaveADraftRule(this));
        if (decision is null && ContractDecisionId is not null)
            throw new ArgumentNullException(nameof(decision), "This cover sheet is about a contract decision: pass it.");
        if (decision is not null) RefreshGovernance(decision);
        Check(new CoverSheetMustBeCompleteRule(Problems(today)));
        var draft = Current;
        draft.Freeze(by, atUtc);
        return draft;
    }

    /// <summary>
    /// Records the draft as issued outside the register, as the paper has it: a paper that went to
    /// a meeting before the register kept it (the LCO sheet of 05 October 2020 leaves most of its
    /// Implications unticked and its Assurance Framework question unanswered). Nothing is checked
    /// but that there is a draft: the register keeps what was published, gaps and all, and marks the
    /// version <see cref="CoverSheetVersion.RecordedFromPaper"/> so pages can say so.
    /// </summary>
    public CoverSheetVersion RecordAsIssued(ContractDecision? decision, Actor by, DateTime issuedAtUtc)
    {
        Check(new CoverSheetMustHaveADraftRule(this));
        if (decision is null && ContractDecisionId is not null)
            throw new ArgumentNullException(nameof(decision), "This cover sheet is about a contract decision: pass it.");
        if (decision is not null) RefreshGovernance(decision);
        var draft = Current;
        draft.Freeze(by, issuedAtUtc, fromPaper: true);
        return draft;
    }

    private void CheckDecision(ContractDecision decision)
    {
        if (decision.Id != ContractDecisionId) throw new ArgumentException("This cover sheet is about another decision.", nameof(decision));
    }
}
