using Commissioning.Domain.Common;

namespace Commissioning.Domain.Governance;

/// <summary>
/// One sitting of a decision-making body on a date, with its agenda. For a single member
/// decision the "meeting" is the day the member decides. Past meetings can be recorded so a
/// route's history can be entered after the event.
/// </summary>
public sealed class Meeting : AuditedAggregate
{
    public const int TitleMaxLength = 200;
    public const int VenueMaxLength = 200;
    public const int OnlineLinkMaxLength = 500;
    /// <summary>A person's name (with their role, if given) as the minutes print it: the chair, a member present, an apology.</summary>
    public const int PersonMaxLength = 200;
    /// <summary>How many names the attendance lists hold: a board, not a conference.</summary>
    public const int MaxAttendees = 100;

    private readonly List<AgendaItem> _agenda = [];
    private readonly List<string> _present = [];
    private readonly List<string> _apologies = [];

    private Meeting() { }

    public Meeting(DecisionBody body, DateOnly date, string? title = null)
    {
        if (body.Id <= 0) throw new ArgumentException("Save the decision-making body before scheduling its meetings.", nameof(body));
        BodyId = body.Id;
        BodyName = body.Name;
        BodyKind = body.Kind;
        Date = date;
        Title = string.IsNullOrWhiteSpace(title) ? body.Name : title.Trim();
    }

    public int BodyId { get; private set; }
    /// <summary>The body's name when the meeting was scheduled, as the papers of that meeting print it.</summary>
    public string BodyName { get; private set; } = "";
    public DecisionBodyKind BodyKind { get; private set; }
    public DateOnly Date { get; private set; }
    /// <summary>What the cover sheet prints after "Meeting:"; the body's name unless told otherwise.</summary>
    public string Title { get; private set; } = "";

    // Details a secretary adds for the agenda and its pack (issue 18). The names are fixed: the agenda PDF prints them.
    /// <summary>When the meeting starts; null until known.</summary>
    public TimeOnly? StartTime { get; private set; }
    /// <summary>Where it meets ("Council Chamber, Town Hall"); may be blank for a meeting held only online.</summary>
    public string? Venue { get; private set; }
    /// <summary>True when members join online (alone or alongside a venue).</summary>
    public bool IsOnline { get; private set; }
    /// <summary>The joining link for an online meeting.</summary>
    public string? OnlineLink { get; private set; }
    /// <summary>Who chairs it.</summary>
    public string? Chair { get; private set; }

    /// <summary>Members present, as the minutes list them; empty until the secretary records attendance.</summary>
    public IReadOnlyList<string> Present => _present;
    /// <summary>Members who sent apologies.</summary>
    public IReadOnlyList<string> Apologies => _apologies;

    /// <summary>
    /// Schedules a meeting, asking for <paramref name="secondMeetingConfirmed"/> when the body already meets on that
    /// day (<paramref name="bodysMeetingDates"/>: the dates of the body's other meetings).
    /// </summary>
    public static Meeting Schedule(DecisionBody body, DateOnly date, string? title, IEnumerable<DateOnly> bodysMeetingDates, bool secondMeetingConfirmed)
    {
        var meeting = new Meeting(body, date, title);
        Check(new SecondMeetingOnADayNeedsConfirmationRule(meeting.BodyName, date, bodysMeetingDates, secondMeetingConfirmed));
        return meeting;
    }

    /// <summary>Moves the meeting; as <see cref="Schedule"/>, a second meeting of the body on one day needs confirming.</summary>
    public void Reschedule(DateOnly date, string? title, IEnumerable<DateOnly> bodysOtherMeetingDates, bool secondMeetingConfirmed)
    {
        if (date != Date) Check(new SecondMeetingOnADayNeedsConfirmationRule(BodyName, date, bodysOtherMeetingDates, secondMeetingConfirmed));
        Reschedule(date, title);
    }

    /// <summary>True once the meeting's day has gone: its agenda is history.</summary>
    public bool IsPast(DateOnly today) => Date < today;

    /// <summary>True from the meeting's day: attendance, declarations and minutes can be recorded.</summary>
    public bool HasStarted(DateOnly today) => Date <= today;

    /// <summary>Refuses an agenda change (add, number, move, remove, presenter) once the meeting has been held.</summary>
    public void CheckAgendaCanChange(DateOnly today) => Check(new AgendaOfAPastMeetingIsHistoryRule(this, today));

    /// <summary>Sets when and where the meeting is held and who chairs it.</summary>
    public void SetDetails(TimeOnly? startTime, string? venue, bool isOnline, string? onlineLink, string? chair)
    {
        if (isOnline && !string.IsNullOrWhiteSpace(onlineLink) && !IsJoiningLink(onlineLink.Trim()))
            throw new ArgumentException("The joining link must be a full https:// address.", nameof(onlineLink));
        StartTime = startTime;
        Venue = string.IsNullOrWhiteSpace(venue) ? null : venue.Trim();
        IsOnline = isOnline;
        OnlineLink = isOnline && !string.IsNullOrWhiteSpace(onlineLink) ? onlineLink.Trim() : null;
        Chair = string.IsNullOrWhiteSpace(chair) ? null : chair.Trim();
    }

    /// <summary>A joining link is a full https address: people click it from the agenda.</summary>
    public static bool IsJoiningLink(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);

    /// <summary>Records who was present and who sent apologies, from the meeting's day; blank lines are dropped, each list keeps its order.</summary>
    public void RecordAttendance(IEnumerable<string?> present, IEnumerable<string?> apologies, DateOnly today)
    {
        Check(new MinutesWaitForTheMeetingRule(this, today, "attendance"));
        var p = Names(present);
        var a = Names(apologies);
        Check(new PresentOrApologiesNotBothRule(p, a));
        _present.Clear();
        _present.AddRange(p);
        _apologies.Clear();
        _apologies.AddRange(a);
    }

    /// <summary>The item with this id, or <see cref="ArgumentException"/> (the page showed an item no longer there).</summary>
    public AgendaItem ItemById(int itemId) =>
        _agenda.FirstOrDefault(i => i.Id == itemId) ?? throw new ArgumentException("That agenda item is no longer on the agenda.", nameof(itemId));

    /// <summary>Sets who presents an item; part of the agenda, so only before the meeting has been held.</summary>
    public void SetPresenter(int itemId, string? presenter, DateOnly today)
    {
        CheckAgendaCanChange(today);
        ItemById(itemId).SetPresenter(presenter);
    }

    /// <summary>Records a member's declaration of interest in an item, from the meeting's day.</summary>
    public DeclarationOfInterest DeclareInterest(int itemId, string member, string interest, DateOnly today)
    {
        Check(new MinutesWaitForTheMeetingRule(this, today, "declarations of interest"));
        return ItemById(itemId).Declare(member, interest);
    }

    /// <summary>Removes a declaration recorded in error (by its place in the item's list, from 1).</summary>
    public DeclarationOfInterest WithdrawDeclaration(int itemId, int number, DateOnly today)
    {
        Check(new MinutesWaitForTheMeetingRule(this, today, "declarations of interest"));
        return ItemById(itemId).Withdraw(number);
    }

    /// <summary>Records the minute of an item (the decision as minuted, and what the meeting did), from the meeting's day; recording again corrects it.</summary>
    public void RecordMinutes(int itemId, string? minute, StepOutcome outcome, DateOnly today)
    {
        Check(new MinutesWaitForTheMeetingRule(this, today, "minutes"));
        ItemById(itemId).Minute(minute, outcome);
    }

    private static List<string> Names(IEnumerable<string?> names)
    {
        var list = new List<string>();
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name)) continue;
            var n = name.Trim();
            if (n.Length > PersonMaxLength) throw new ArgumentException($"A name must be {PersonMaxLength} characters or fewer.", nameof(names));
            if (!list.Contains(n, StringComparer.OrdinalIgnoreCase)) list.Add(n);
        }
        if (list.Count > MaxAttendees) throw new ArgumentException($"A list of attendance holds up to {MaxAttendees} names.", nameof(names));
        return list;
    }

    /// <summary>The items in the order they will be taken.</summary>
    public IReadOnlyList<AgendaItem> Agenda => _agenda;

    public void Reschedule(DateOnly date, string? title = null)
    {
        Date = date;
        if (!string.IsNullOrWhiteSpace(title)) Title = title.Trim();
    }

    /// <summary>Adds an item at the end of the agenda; <paramref name="number"/> may be left for later ("Item No" is often blank until the pack is made).</summary>
    public AgendaItem AddItem(string title, GovernanceAction action, string? number = null, int? contractDecisionId = null)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new ArgumentException("An agenda item must have a title.", nameof(title));
        var label = Label(number);
        Check(new AgendaItemNumbersMustBeUniqueRule(this, label, except: null));
        if (contractDecisionId is { } id)
        {
            if (id <= 0) throw new ArgumentException("Save the decision before putting it on an agenda.", nameof(contractDecisionId));
            Check(new DecisionCanBeOnAnAgendaOnceRule(this, id));
        }
        var item = new AgendaItem(_agenda.Count + 1, label, title.Trim(), action, contractDecisionId);
        _agenda.Add(item);
        return item;
    }

    /// <summary>Puts a contract decision on the agenda under its own title.</summary>
    public AgendaItem AddItem(ContractDecision decision, GovernanceAction action, string? number = null) =>
        AddItem(decision.Title, action, number, decision.Id);

    public AgendaItem Item(int position) =>
        position >= 1 && position <= _agenda.Count
            ? _agenda[position - 1]
            : throw new ArgumentOutOfRangeException(nameof(position), position, $"The agenda has {_agenda.Count} item(s).");

    public void NumberItem(int position, string? number)
    {
        var item = Item(position);
        var label = Label(number);
        Check(new AgendaItemNumbersMustBeUniqueRule(this, label, except: item));
        item.Number = label;
    }

    public void MoveItem(int position, int newPosition)
    {
        var item = Item(position);
        _ = Item(newPosition);
        _agenda.RemoveAt(position - 1);
        _agenda.Insert(newPosition - 1, item);
        Renumber();
    }

    /// <summary>
    /// Takes an item off the agenda. <paramref name="itemsWithCoverSheets"/> are the ids of this meeting's items that have
    /// a cover sheet (the meeting does not hold its cover sheets): those stay, since their issued versions belong to the item.
    /// </summary>
    public void RemoveItem(int position, IReadOnlyCollection<int> itemsWithCoverSheets)
    {
        var item = Item(position);
        Check(new AgendaItemWithACoverSheetStaysRule(item, itemsWithCoverSheets));
        _agenda.Remove(item);
        Renumber();
    }

    private void Renumber()
    {
        for (var i = 0; i < _agenda.Count; i++) _agenda[i].Position = i + 1;
    }

    private static string? Label(string? number) => string.IsNullOrWhiteSpace(number) ? null : number.Trim();
}

/// <summary>A paper on a meeting's agenda, optionally about a contract decision.</summary>
public sealed class AgendaItem : Entity
{
    public const int NumberMaxLength = 10;
    public const int InterestMaxLength = 1000;
    public const int MinuteMaxLength = ContractDecision.MinuteMaxLength;
    /// <summary>Declarations an item holds: every member of a board, and some.</summary>
    public const int MaxDeclarations = 50;

    private readonly List<DeclarationOfInterest> _declarations = [];

    private AgendaItem() { }

    internal AgendaItem(int position, string? number, string title, GovernanceAction action, int? contractDecisionId)
    {
        Position = position;
        Number = number;
        Title = title;
        Action = action;
        ContractDecisionId = contractDecisionId;
    }

    /// <summary>1-based order on the agenda.</summary>
    public int Position { get; internal set; }
    /// <summary>The printed "Item No" ("17", "5.1"); a label, not the order.</summary>
    public string? Number { get; internal set; }
    public string Title { get; private set; } = "";
    public GovernanceAction Action { get; private set; }
    public int? ContractDecisionId { get; private set; }
    /// <summary>Who presents the item, as the agenda prints it.</summary>
    public string? Presenter { get; private set; }

    public void SetPresenter(string? presenter)
    {
        var p = string.IsNullOrWhiteSpace(presenter) ? null : presenter.Trim();
        if (p?.Length > Meeting.PersonMaxLength) throw new ArgumentException($"The presenter must be {Meeting.PersonMaxLength} characters or fewer.", nameof(presenter));
        Presenter = p;
    }

    /// <summary>Members' declarations of interest in this item, in the order made.</summary>
    public IReadOnlyList<DeclarationOfInterest> Declarations => _declarations;
    /// <summary>The decision as minuted; null until the minutes are recorded.</summary>
    public string? MinuteText { get; private set; }
    /// <summary>What the meeting did with the item; <see cref="StepOutcome.Pending"/> until minuted.</summary>
    public StepOutcome Outcome { get; private set; }
    public bool IsMinuted => Outcome != StepOutcome.Pending || MinuteText is not null;

    internal DeclarationOfInterest Declare(string member, string interest)
    {
        if (string.IsNullOrWhiteSpace(member)) throw new ArgumentException("Name the member declaring an interest.", nameof(member));
        if (string.IsNullOrWhiteSpace(interest)) throw new ArgumentException("Say what the interest is.", nameof(interest));
        var d = new DeclarationOfInterest(member.Trim(), interest.Trim());
        if (d.Member.Length > Meeting.PersonMaxLength || d.Interest.Length > InterestMaxLength)
            throw new ArgumentException("The declaration is too long.", nameof(interest));
        Check(new DeclarationsPerItemAreLimitedRule(this));
        _declarations.Add(d);
        return d;
    }

    internal DeclarationOfInterest Withdraw(int number)
    {
        if (number < 1 || number > _declarations.Count)
            throw new ArgumentException("That declaration is no longer recorded.", nameof(number));
        var d = _declarations[number - 1];
        _declarations.RemoveAt(number - 1);
        return d;
    }

    internal void Minute(string? minute, StepOutcome outcome)
    {
        var text = string.IsNullOrWhiteSpace(minute) ? null : minute.Trim();
        if (text?.Length > MinuteMaxLength) throw new ArgumentException($"The minute must be {MinuteMaxLength} characters or fewer.", nameof(minute));
        Check(new MinuteNeedsAnOutcomeRule(this, text, outcome));
        MinuteText = text;
        Outcome = outcome;
    }
}

/// <summary>A member's declaration of interest in one agenda item ("Cllr Smith: a relative works for the provider").</summary>
public sealed record DeclarationOfInterest(string Member, string Interest);
