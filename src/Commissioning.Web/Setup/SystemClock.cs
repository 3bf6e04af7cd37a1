using System.Security.Claims;

namespace Commissioning.Web.Setup;

/// <summary>Today in UK local time (the council's day), from the injectable TimeProvider.</summary>
public sealed class SystemClock(TimeProvider time) : IClock
{
    public DateOnly Today => Dates.UkDate(time.GetUtcNow());
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
}

/// <summary>Audit columns name the signed-in user by display name, with their account id; start-up work is "system".</summary>
public sealed class HttpAuditContext(IHttpContextAccessor accessor, TimeProvider time) : IAuditContext
{
    public string UserName => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? Forms.Actors.DisplayName(user) : "system";
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
}
