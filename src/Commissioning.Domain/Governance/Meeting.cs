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

    private readonly List<AgendaItem> _agenda = [];

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

    /// <summary>Sets when and where the meeting is held and who chairs it.</summary>
    public void SetDetails(TimeOnly? startTime, string? venue, bool isOnline, string? onlineLink, string? chair)
    {
        StartTime = startTime;
        Venue = string.IsNullOrWhiteSpace(venue) ? null : venue.Trim();
        IsOnline = isOnline;
        OnlineLink = isOnline && !string.IsNullOrWhiteSpace(onlineLink) ? onlineLink.Trim() : null;
        Chair = string.IsNullOrWhiteSpace(chair) ? null : chair.Trim();
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

    public void SetPresenter(string? presenter) => Presenter = string.IsNullOrWhiteSpace(presenter) ? null : presenter.Trim();
}
