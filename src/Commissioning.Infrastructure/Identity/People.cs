using Commissioning.Infrastructure.Data;

namespace Commissioning.Infrastructure.Identity;

/// <summary>People by name: what pages show for a user id, and for a contract's responsible commissioner.</summary>
public static class People
{
    /// <summary>Shown after a name typed before commissioners were chosen from the users, which matches none of them.</summary>
    public const string NotAUser = "(not a user of the register)";

    /// <summary>The claim in the sign-in cookie holding the person's display name, so pages need not look it up.</summary>
    public const string DisplayNameClaim = "display_name";

    /// <summary>
    /// Every user's display name by id. Users are tens, not thousands: one small query per page. Looked up as SQL Server
    /// compares ids (<see cref="SqlText"/>), so an id the database matches to the user is matched here too.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(CommissioningDbContext db, CancellationToken ct = default) =>
        (await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .ToDictionary(u => u.Id, u => u.DisplayName, SqlText.Comparer);

    /// <summary>
    /// A short text that changes whenever any user's name does: users are not part of the register's version
    /// (<see cref="Data.RegisterVersion"/>), so what is kept with names in it (<see cref="Finance.ScheduleCache.KeptAsync"/>)
    /// names this too (one small query, as <see cref="NamesAsync"/>), and a renamed commissioner shows at once.
    /// </summary>
    public static async Task<string> FingerprintAsync(CommissioningDbContext db, CancellationToken ct)
    {
        var names = await NamesAsync(db, ct);
        var text = string.Join('\n', names.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => n.Key + "\t" + n.Value));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)), 0, 12);
    }

    /// <summary>One contract's responsible commissioner as <see cref="Commissioner"/> words it.</summary>
    public static async Task<string> CommissionerAsync(CommissioningDbContext db, string? userId, string? historicName, CancellationToken ct = default)
    {
        var name = userId is null ? null : await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return Commissioner(name is null ? new Dictionary<string, string>() : new Dictionary<string, string>(SqlText.Comparer) { [userId!] = name }, userId, historicName);
    }

    /// <summary>"Jane Smith", or for a historic name "J. Smith (not a user of the register)".</summary>
    public static string Commissioner(IReadOnlyDictionary<string, string> names, string? userId, string? historicName) =>
        userId is not null && names.TryGetValue(userId, out var name) ? name
        : !string.IsNullOrWhiteSpace(historicName) ? $"{historicName} {NotAUser}"
        : "Not recorded";
}
