using System.Security.Cryptography;
using Commissioning.Infrastructure.Data;

namespace Commissioning.Infrastructure.Identity;

/// <summary>
/// Starts, checks and ends the server-side sessions behind sign-in cookies. Sign-in starts one, every request
/// checks its own by key, sign-out ends it; the account page and an administrator's password reset end them all.
/// </summary>
public sealed class UserSessions(CommissioningDbContext db, TimeProvider time)
{
    /// <summary>A session ends this long after sign-in however active it is [ASVS 3.3.2].</summary>
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);
    /// <summary>A session unused this long has ended (the cookie's sliding expiry) [ASVS 3.3.2].</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    /// <summary>How stale <see cref="UserSession.LastSeenAtUtc"/> may get: a write a minute, not one per request.</summary>
    public static readonly TimeSpan SeenEvery = TimeSpan.FromMinutes(1);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Starts a session and returns its id, a 128-bit random value. Sessions that can no longer be used are deleted here.</summary>
    public async Task<string> StartAsync(string userId, string client, CancellationToken ct = default)
    {
        await PruneAsync(ct);
        var session = new UserSession
        {
            Id = Convert.ToHexString(RandomNumberGenerator.GetBytes(UserSession.IdLength / 2)),
            UserId = userId,
            SignedInAtUtc = Now,
            LastSeenAtUtc = Now,
            Client = client.Length > UserSession.ClientMaxLength ? client[..UserSession.ClientMaxLength] : client,
        };
        db.Add(session);
        await db.SaveChangesAsync(ct);
        db.Entry(session).State = EntityState.Detached;
        return session.Id;
    }

    /// <summary>Whether the session is live and the user's; one lookup by key, and a write at most once a minute.</summary>
    public async Task<bool> IsLiveAsync(string sessionId, string userId, CancellationToken ct = default)
    {
        var session = await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.Id == sessionId)
            .Select(s => new { s.UserId, s.EndedAtUtc, s.LastSeenAtUtc })
            .SingleOrDefaultAsync(ct);
        if (session is null || session.EndedAtUtc is not null || session.UserId != userId) return false;
        if (Now - session.LastSeenAtUtc >= SeenEvery)
            await db.Set<UserSession>().Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAtUtc, Now), ct);
        return true;
    }

    public Task EndAsync(string sessionId, CancellationToken ct = default) =>
        db.Set<UserSession>().Where(s => s.Id == sessionId && s.EndedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAtUtc, Now), ct);

    /// <summary>Ends every session of the user, this one included: "Sign out everywhere", a password reset.</summary>
    public Task<int> EndAllAsync(string userId, CancellationToken ct = default) =>
        db.Set<UserSession>().Where(s => s.UserId == userId && s.EndedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAtUtc, Now), ct);

    /// <summary>Ends every session of the user but <paramref name="keepSessionId"/>: after changing one's own password.</summary>
    public Task<int> EndOthersAsync(string userId, string? keepSessionId, CancellationToken ct = default) =>
        db.Set<UserSession>().Where(s => s.UserId == userId && s.EndedAtUtc == null && s.Id != keepSessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAtUtc, Now), ct);

    /// <summary>The user's sessions that may still be in use, newest first.</summary>
    public async Task<IReadOnlyList<UserSession>> ListAsync(string userId, CancellationToken ct = default)
    {
        var signedInSince = Now - AbsoluteTimeout;
        var seenSince = Now - IdleTimeout - SeenEvery;
        return await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAtUtc == null && s.SignedInAtUtc > signedInSince && s.LastSeenAtUtc > seenSince)
            .OrderByDescending(s => s.SignedInAtUtc)
            .ToListAsync(ct);
    }

    /// <summary>
    /// Deletes the rows no cookie can use any more: ended, past the absolute timeout, or idle past the cookie's expiry.
    /// A missing row refuses its cookie just as an ended one does, so nothing is lost.
    /// </summary>
    public Task<int> PruneAsync(CancellationToken ct = default)
    {
        var signedInSince = Now - AbsoluteTimeout;
        var seenSince = Now - IdleTimeout - SeenEvery;
        return db.Set<UserSession>()
            .Where(s => s.EndedAtUtc != null || s.SignedInAtUtc < signedInSince || s.LastSeenAtUtc < seenSince)
            .ExecuteDeleteAsync(ct);
    }
}
