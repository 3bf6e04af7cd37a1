namespace Commissioning.Infrastructure.Data;

/// <summary>
/// What a search box turns into for <c>EF.Functions.Like(column, SearchPattern.Contains(typed), SearchPattern.Escape)</c>:
/// the typed text matched as it is, wildcards and all. SQL Server's LIKE also reads <c>[...]</c> as a set of characters,
/// so '[' is escaped with '%' and '_' (SQLite, which has no sets, takes the escaped '[' as itself). Decision 0022.
/// </summary>
public static class SearchPattern
{
    /// <summary>The escape character every search's LIKE names.</summary>
    public const string Escape = "\\";

    /// <summary>A pattern matching any text that contains <paramref name="typed"/> (trimmed).</summary>
    public static string Contains(string typed) => "%" + Literal(typed.Trim()) + "%";

    /// <summary>The text with every character LIKE treats specially escaped.</summary>
    public static string Literal(string text) =>
        text.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal)
            .Replace("[", Escape + "[", StringComparison.Ordinal);
}
