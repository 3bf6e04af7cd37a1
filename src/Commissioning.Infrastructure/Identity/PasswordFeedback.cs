using System.Text.RegularExpressions;
using Zxcvbn;
using Zxcvbn.Matcher;

namespace Commissioning.Infrastructure.Identity;

/// <summary>
/// Why zxcvbn can guess a password, in plain words. zxcvbn-core 1.1.17 (the port on our registry) scores but
/// gives no warning or suggestions, so this reads its matches the way zxcvbn's own feedback does: the longest
/// pattern it found is the one to talk about. The messages never repeat any of the password back.
/// </summary>
public static partial class PasswordFeedback
{
    public const string Suggestion = "Use three or four unrelated words, or a longer phrase.";
    public const string TooEasy = "This password is too easy to guess.";

    public const string Personal = "This password contains your name, your email address, the council's name or the word commissioning, which others can guess.";
    public const string RepeatedCharacters = "This password repeats a character, like aaaa, which is easy to guess.";
    public const string Repeats = "This password repeats itself, like catcat, which is hardly harder to guess than saying it once.";
    public const string KeyboardRow = "This password uses a row of keys on the keyboard, like qwerty or asdfgh, which is easy to guess.";
    public const string Sequence = "This password uses a sequence, like abcd or 12345, which is easy to guess.";
    public const string Dates = "This password contains a date or a year, which is easy to guess.";
    public const string Common = "This password is one of the most common passwords, or is built on one.";
    public const string WordWithNumbers = "This password is a word with numbers added, like football2024, which is easy to guess.";
    public const string Names = "This password is built on a name, which is easy to guess.";
    public const string CommonWords = "This password is built on common words, which are easy to guess on their own.";

    /// <summary>The most common passwords by zxcvbn's rank; beyond them a word list's word is treated as an ordinary word.</summary>
    private const int CommonRank = 1000;

    public static string Explain(string password, Result result) => (Warning(password, result) ?? TooEasy) + " " + Suggestion;

    private static string? Warning(string password, Result result)
    {
        var matches = result.MatchSequence ?? [];
        if (matches.OfType<DictionaryMatch>().Any(m => m.DictionaryName == "user_inputs")) return Personal;
        if (LongestRepeat(password) is { } unit && unit.Covered * 2 >= password.Length)
            return unit.Unit.Length == 1 ? RepeatedCharacters : Repeats;

        var longest = matches.OrderByDescending(m => m.Token?.Length ?? 0).ThenBy(m => m.i).FirstOrDefault();
        return longest switch
        {
            null => null,
            SpatialMatch or DictionaryMatch when IsKeyboardRow(longest.Token) => KeyboardRow,
            SequenceMatch => Sequence,
            RepeatMatch => RepeatedCharacters,
            DateMatch => Dates,
            _ when longest.Pattern == "year" => Dates,
            DictionaryMatch { DictionaryName: "passwords" } d when d.Rank <= CommonRank || d.Token.Length == password.Length => Common,
            DictionaryMatch when WordAndNumbers().IsMatch(password) => WordWithNumbers,
            DictionaryMatch { DictionaryName: "male_names" or "female_names" or "surnames" } => Names,
            DictionaryMatch => CommonWords,
            _ => null,
        };
    }

    /// <summary>A run of keys side by side on a keyboard (not the number pad, whose runs are counted as sequences or dates).</summary>
    private static bool IsKeyboardRow(string? token) =>
        token is { Length: >= 4 } && new SpatialMatcher().MatchPassword(token).OfType<SpatialMatch>()
            .Any(m => m.Graph is "qwerty" or "dvorak" && m.Token.Length == token.Length);

    /// <summary>The longest stretch that is one unit said two or more times ("aaaa", "passwordpassword").</summary>
    private static (string Unit, int Covered)? LongestRepeat(string password) =>
        Repeated().Matches(password.ToLowerInvariant())
            .Select(m => (Unit: m.Groups[1].Value, Covered: m.Length))
            .OrderByDescending(r => r.Covered)
            .Select(r => ((string, int)?)r)
            .FirstOrDefault();

    [GeneratedRegex(@"(.+?)\1+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Repeated();

    [GeneratedRegex(@"^(\p{L}+[\p{N}\p{P}\p{S}]+|[\p{N}\p{P}\p{S}]+\p{L}+)$")]
    private static partial Regex WordAndNumbers();
}
