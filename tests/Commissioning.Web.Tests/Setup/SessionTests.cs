using System.Net;
using Commissioning.Web.Tests.Support;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Setup;

/// <summary>A session outlives the 5-minute security stamp check, and still ends 12 hours after sign-in.</summary>
public sealed class SessionTests : IDisposable
{
    private readonly MovableTime _time = new(DateTimeOffset.UtcNow);
    private readonly CommissioningFactory _factory;

    public SessionTests() => _factory = new CommissioningFactory { Time = _time };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_session_survives_the_security_stamp_check_and_ends_after_twelve_hours()
    {
        var client = await _factory.SignedInClientAsync(Commissioner);

        // Every 20 minutes (inside the 30-minute idle limit) up to 12 hours: still signed in,
        // including the request after each 5-minute re-validation has re-issued the cookie.
        for (var elapsed = TimeSpan.FromMinutes(20); elapsed <= TimeSpan.FromHours(12); elapsed += TimeSpan.FromMinutes(20))
        {
            _time.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync("/Contracts")).Status);
            Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync("/Providers")).Status);
        }

        // Ten minutes later: well inside the idle limit, but past 12 hours since signing in.
        _time.Advance(TimeSpan.FromMinutes(10));
        var after = await client.GetPageAsync("/Contracts");
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.StartsWith("/Account/SignIn", after.Location);
    }
}
