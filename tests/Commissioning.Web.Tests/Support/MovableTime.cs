namespace Commissioning.Web.Tests.Support;

/// <summary>A clock a test moves by hand, given to the application as its <see cref="TimeProvider"/>.</summary>
public sealed class MovableTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
}
