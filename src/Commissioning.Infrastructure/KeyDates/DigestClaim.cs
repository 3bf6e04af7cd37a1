using System.Data.Common;
using Commissioning.Infrastructure.Data;

namespace Commissioning.Infrastructure.KeyDates;

/// <summary>A UK day whose digest an instance has taken on: one row per day, so the first instance to insert it sends.</summary>
public sealed class DigestDay
{
    public const int ClaimedByMaxLength = 200;

    public DateOnly Day { get; set; }
    public DateTime ClaimedAtUtc { get; set; }
    /// <summary>Which instance (machine and process) sent it, for whoever reads the table after a complaint.</summary>
    public string ClaimedBy { get; set; } = "";
}

/// <summary>
/// Claims the day's digest in the database: the day is the key, so of two instances inserting the same
/// day at the same moment the database lets exactly one in and the other is told its key is taken.
/// </summary>
public static class DigestClaim
{
    public static string ThisInstance
    {
        get
        {
            var name = $"{Environment.MachineName} process {Environment.ProcessId}";
            return name.Length <= DigestDay.ClaimedByMaxLength ? name : name[..DigestDay.ClaimedByMaxLength];
        }
    }

    /// <summary>True when this instance has the day; false when another instance claimed it first.</summary>
    public static async Task<bool> TryClaimAsync(CommissioningDbContext db, DateOnly day, DateTime nowUtc, CancellationToken ct = default)
    {
        try
        {
            // "Where not there yet" keeps the usual loser quiet (no failed command in the log every day); two inserts
            // at the very same moment can still both pass it, and then the key lets one in and refuses the other.
            return await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO DigestDays (Day, ClaimedAtUtc, ClaimedBy) SELECT {day}, {nowUtc}, {ThisInstance} WHERE NOT EXISTS (SELECT 1 FROM DigestDays WHERE Day = {day})",
                ct) == 1;
        }
        // Only "that key is taken" means another instance has the day; anything else (a locked or lost database) is an error.
        catch (DbException e) when (e.IsUniqueViolation())
        {
            return false;
        }
    }
}
