using System.Text.RegularExpressions;

namespace Commissioning.Infrastructure.KeyDates;

/// <summary>
/// "My contracts": a contract's responsible commissioner is free text, so a user's display name
/// matches it ignoring case, surrounding spaces and a trailing bracketed note, so that
/// "Julie Gonda (demo commissioner)" owns the contracts that name "julie gonda ".
/// </summary>
public static partial class CommissionerNames
{
    public static string Normalise(string? name)
    {
        var s = (name ?? "").Trim();
        // Notes can stack ("Ann Lee (interim) (cover)"): take them all off the end.
        while (TrailingNote().Match(s) is { Success: true } m) s = s[..m.Index].TrimEnd();
        return Spaces().Replace(s, " ").ToUpperInvariant();
    }

    public static bool Same(string? a, string? b)
    {
        var x = Normalise(a);
        return x.Length > 0 && x == Normalise(b);
    }

    /// <summary>
    /// The responsible-commissioner values in the register that match <paramref name="displayName"/>, exactly as
    /// stored, so the contract queries can filter on them in SQL. The distinct names are few; matching them
    /// here rather than in SQL keeps the rule identical on SQLite and SQL Server and for any alphabet.
    /// </summary>
    public static IReadOnlyList<string> Matching(IEnumerable<string> storedNames, string? displayName) =>
        storedNames.Where(n => Same(n, displayName)).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\([^()]*\)$")]
    private static partial Regex TrailingNote();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
