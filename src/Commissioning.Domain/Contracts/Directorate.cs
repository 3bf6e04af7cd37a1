using Commissioning.Domain.Common;

namespace Commissioning.Domain.Contracts;

/// <summary>
/// A part of the council that contracts belong to, from the list administrators keep. A directorate in use is
/// never deleted: it is retired, which takes it off the contract form's choices and leaves every contract,
/// filter and report that names it as it was.
/// </summary>
public sealed class Directorate : AuditedAggregate
{
    public const int NameMaxLength = 100;

    private Directorate() { }

    public Directorate(string name) => Rename(name);

    public string Name { get; private set; } = "";
    /// <summary>When it was retired (UTC); null while contracts can still be given it.</summary>
    public DateTime? RetiredAtUtc { get; private set; }
    public bool IsRetired => RetiredAtUtc is not null;

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A directorate must have a name.", nameof(name));
        if (name.Trim().Length > NameMaxLength) throw new ArgumentException($"A directorate's name can be at most {NameMaxLength} characters.", nameof(name));
        Name = name.Trim();
    }

    public void Retire(DateTime atUtc) => RetiredAtUtc ??= atUtc;

    public void Reinstate() => RetiredAtUtc = null;
}

/// <summary>
/// Who answers for a contract: a user of the register, by account id; or, for a contract recorded before people
/// were chosen from the users, the name that was typed then, kept until someone picks a user.
/// </summary>
public sealed record ResponsibleCommissioner
{
    private ResponsibleCommissioner(string? userId, string? historicName) => (UserId, HistoricName) = (userId, historicName);

    public string? UserId { get; }
    public string? HistoricName { get; }

    public static ResponsibleCommissioner User(string userId) =>
        string.IsNullOrWhiteSpace(userId) ? throw new ArgumentException("A responsible commissioner needs a user id.", nameof(userId)) : new(userId.Trim(), null);

    public static ResponsibleCommissioner Historic(string name) =>
        string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A historic responsible commissioner needs a name.", nameof(name)) : new(null, name.Trim());
}
