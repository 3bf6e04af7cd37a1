namespace Commissioning.Infrastructure.Data;

/// <summary>
/// Text compared in C# the way SQL Server's default collation compares it in a query: without case, and with trailing
/// spaces ignored. Where C# matches what the database also matches (a user id read back from a contract, a name), it
/// uses this, so the two never disagree: "Julie Gonda" and "JULIE GONDA" are one person in both (decision 0022).
/// Accents still count, as they do in the default collation (…_CI_AS).
/// </summary>
public sealed class SqlText : StringComparer
{
    public static readonly SqlText Comparer = new();

    private SqlText() { }

    public static bool Same(string? a, string? b) => Comparer.Equals(a, b);

    public override int Compare(string? x, string? y) => OrdinalIgnoreCase.Compare(x?.TrimEnd(' '), y?.TrimEnd(' '));

    public override bool Equals(string? x, string? y) => OrdinalIgnoreCase.Equals(x?.TrimEnd(' '), y?.TrimEnd(' '));

    public override int GetHashCode(string obj) => OrdinalIgnoreCase.GetHashCode(obj.TrimEnd(' '));
}
