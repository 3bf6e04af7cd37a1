namespace Commissioning.Infrastructure.Data;

/// <summary>Who is saving and when, for the audit columns and audit entries.</summary>
public interface IAuditContext
{
    /// <summary>The name to record: the signed-in person's display name, or "system".</summary>
    string UserName { get; }
    /// <summary>Their account id, kept beside the name; null for start-up work.</summary>
    string? UserId => null;
    DateTime UtcNow { get; }
}

/// <summary>For start-up work (migrations, demo data) and design-time tools.</summary>
public sealed class SystemAuditContext(TimeProvider? time = null) : IAuditContext
{
    public string UserName => "system";
    public DateTime UtcNow => (time ?? TimeProvider.System).GetUtcNow().UtcDateTime;
}
