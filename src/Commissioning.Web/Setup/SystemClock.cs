using Commissioning.Domain.Common;
using System.Security.Claims;
using Commissioning.Infrastructure.Data;

namespace Commissioning.Web.Setup;

/// <summary>Today in UK local time (the council's day), from the injectable TimeProvider.</summary>
public sealed class SystemClock(TimeProvider time) : IClock
{
    // A container without time-zone data falls back to UTC, at worst an hour out around midnight in summer.
    private static readonly TimeZoneInfo London =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), London).DateTime);
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
}

/// <summary>Audit columns name the signed-in user by display name, with their account id; start-up work is "system".</summary>
public sealed class HttpAuditContext(IHttpContextAccessor accessor, TimeProvider time) : IAuditContext
{
    public string UserName => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? Forms.Actors.DisplayName(user) : "system";
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
}
