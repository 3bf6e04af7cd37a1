namespace Commissioning.Domain.Common;

/// <summary>A named rule an aggregate checks before it changes; the message is for the person.</summary>
public interface IBusinessRule
{
    bool IsBroken();
    string Message { get; }
}

/// <summary>Thrown when an aggregate is asked to break one of its rules.</summary>
public sealed class BusinessRuleException(IBusinessRule rule) : Exception(rule.Message)
{
    public IBusinessRule Rule { get; } = rule;
}

public abstract class Entity
{
    public int Id { get; private set; }

    protected static void Check(IBusinessRule rule)
    {
        if (rule.IsBroken()) throw new BusinessRuleException(rule);
    }
}

/// <summary>
/// An aggregate root whose every save records who and when (UTC) and carries a version
/// token the application renews on each save, for optimistic concurrency on any database.
/// </summary>
public abstract class AuditedAggregate : Entity
{
    public DateTime CreatedAtUtc { get; private set; }
    /// <summary>The name of who added it, as it was then (a person's display name, or "system").</summary>
    public string CreatedBy { get; private set; } = "";
    /// <summary>Their account id; null for start-up work and for rows saved before ids were kept.</summary>
    public string? CreatedById { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public string? UpdatedById { get; private set; }
    public Guid Version { get; private set; }

    public void StampCreated(string user, DateTime utcNow, string? userId = null)
    {
        CreatedBy = UpdatedBy = user;
        CreatedById = UpdatedById = userId;
        CreatedAtUtc = UpdatedAtUtc = utcNow;
        Version = Guid.NewGuid();
    }

    public void StampUpdated(string user, DateTime utcNow, string? userId = null)
    {
        UpdatedBy = user;
        UpdatedById = userId;
        UpdatedAtUtc = utcNow;
        Version = Guid.NewGuid();
    }
}
