using Commissioning.Domain.Common;

namespace Commissioning.Domain.Governance;

/// <summary>
/// A body that takes or shapes decisions: a management team, a board, scrutiny, Cabinet, or one
/// person (a cabinet member's single member decision, a director under delegated authority).
/// Board secretaries keep the list; routes and meetings copy the name when they use it.
/// </summary>
public sealed class DecisionBody : AuditedAggregate
{
    public const int NameMaxLength = 200;

    private DecisionBody() { }

    public DecisionBody(string name, DecisionBodyKind kind) => Update(name, kind);

    /// <summary>As the papers write it: "Community Commissioning Management Team (CCMT)", "Cabinet Member for Adult Social Care".</summary>
    public string Name { get; private set; } = "";
    public DecisionBodyKind Kind { get; private set; }

    /// <summary>One person decides, on a date rather than at a meeting with an agenda of many papers.</summary>
    public bool IsSinglePerson => Kind is DecisionBodyKind.CabinetMember or DecisionBodyKind.DelegatedDirector;

    public void Update(string name, DecisionBodyKind kind)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A decision-making body must have a name.", nameof(name));
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of body.");
        Name = name.Trim();
        Kind = kind;
    }
}
