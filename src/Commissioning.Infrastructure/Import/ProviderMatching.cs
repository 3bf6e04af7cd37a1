using System.Text;

namespace Commissioning.Infrastructure.Import;

/// <summary>A provider as the matching needs it.</summary>
internal sealed record KnownProvider(int Id, string Name, string? RegistrationNumber);

/// <summary>What a name (and number) in the file came to: an existing provider, one to create, or a choice that no longer holds.</summary>
internal sealed record ProviderMatch(int? ExistingId, string? NewKey, string Name, string? Problem = null, string? Notice = null)
{
    public bool IsNew => NewKey is not null;
}

/// <summary>
/// Matches the file's providers to the register's: by registration number (Companies House or charity) first, then
/// by exact normalised name (<see cref="NormaliseName"/>). A name matching nothing is listed for the user, who maps it
/// to an existing provider or lets the import create it (the default).
/// </summary>
internal sealed class ProviderMatching
{
    /// <summary>Placeholder ids for providers still to be created, far above any real id, so the domain's rules can run on them.</summary>
    public const int FirstPlaceholderId = 1_000_000_000;

    private readonly Dictionary<int, KnownProvider> _byId;
    private readonly Dictionary<string, KnownProvider> _byNumber = [];
    private readonly Dictionary<string, KnownProvider> _byName = [];
    private readonly Dictionary<string, int?> _choices = [];
    private readonly Dictionary<string, UnmatchedDraft> _unmatched = [];
    private readonly List<UnmatchedDraft> _drafts = [];

    public ProviderMatching(IEnumerable<KnownProvider> providers, IEnumerable<ProviderChoice> choices)
    {
        // Lowest id first: where two providers share a number or a name, the older one is taken.
        var list = providers.OrderBy(p => p.Id).ToList();
        _byId = list.ToDictionary(p => p.Id);
        foreach (var p in list)
        {
            if (NormaliseNumber(p.RegistrationNumber) is { Length: > 0 } number) _byNumber.TryAdd(number, p);
            _byName.TryAdd(NormaliseName(p.Name), p);
        }
        foreach (var c in choices) _choices[NormaliseName(c.Name)] = c.ExistingProviderId;
    }

    public IReadOnlyDictionary<int, KnownProvider> ById => _byId;

    public ProviderMatch Match(string name, string? registrationNumber)
    {
        if (NormaliseNumber(registrationNumber) is { Length: > 0 } number && _byNumber.TryGetValue(number, out var byNumber))
        {
            var notice = NormaliseName(byNumber.Name) == NormaliseName(name) ? null
                : $"\u201c{name.Trim()}\u201d is matched to the register's \u201c{byNumber.Name}\u201d by its registration number {registrationNumber!.Trim()}.";
            return new ProviderMatch(byNumber.Id, null, byNumber.Name, Notice: notice);
        }
        var key = NormaliseName(name);
        if (_byName.TryGetValue(key, out var byName)) return new ProviderMatch(byName.Id, null, byName.Name);

        if (!_unmatched.TryGetValue(key, out var draft))
        {
            _unmatched[key] = draft = new UnmatchedDraft(name.Trim(), string.IsNullOrWhiteSpace(registrationNumber) ? null : registrationNumber.Trim(), _drafts.Count);
            _drafts.Add(draft);
        }
        draft.Rows++;
        if (_choices.TryGetValue(key, out var chosen) && chosen is { } id)
        {
            return _byId.TryGetValue(id, out var existing)
                ? new ProviderMatch(existing.Id, null, existing.Name, Notice: $"\u201c{name.Trim()}\u201d is mapped to the register's \u201c{existing.Name}\u201d, as chosen.")
                : new ProviderMatch(null, null, name.Trim(), $"The provider chosen for \u201c{name.Trim()}\u201d is no longer in the register: choose again.");
        }
        return new ProviderMatch(null, key, draft.Name);
    }

    /// <summary>The id the planner uses for a provider still to be created (stable within one plan).</summary>
    public int PlaceholderFor(string newKey) => FirstPlaceholderId + _unmatched[newKey].Index;

    /// <summary>The name of the provider a placeholder id stands for, or null for a real id.</summary>
    public string? NameOfPlaceholder(int id) =>
        id - FirstPlaceholderId is var i && i >= 0 && i < _drafts.Count ? _drafts[i].Name : null;

    /// <summary>The unmatched provider a placeholder id stands for, or null for a real id.</summary>
    public UnmatchedDraft? DraftOf(int id) =>
        id - FirstPlaceholderId is var i && i >= 0 && i < _drafts.Count ? _drafts[i] : null;

    /// <summary>The unmatched provider behind a placeholder key: its name and number, to create it.</summary>
    public UnmatchedDraft? Unmatched(string newKey) => _unmatched.GetValueOrDefault(newKey);

    /// <summary>A provider by registration number alone (a row with a number but no name), or null.</summary>
    public KnownProvider? ByNumber(string number) =>
        NormaliseNumber(number) is { Length: > 0 } n && _byNumber.TryGetValue(n, out var p) ? p : null;

    public IReadOnlyList<UnmatchedProvider> UnmatchedProviders =>
        _drafts.Select(u => new UnmatchedProvider(u.Name, u.RegistrationNumber, u.Rows)).ToList();

    /// <summary>
    /// Upper case letters and digits only ("sc 012345" is "SC012345"). Leading zeros are kept: Companies House
    /// numbers are eight characters and charity numbers six or seven, so "01234567" and "1234567" may be two bodies.
    /// </summary>
    public static string? NormaliseNumber(string? number)
    {
        if (string.IsNullOrWhiteSpace(number)) return null;
        var b = new StringBuilder(number.Length);
        foreach (var c in number)
            if (char.IsLetterOrDigit(c)) b.Append(char.ToUpperInvariant(c));
        return b.ToString();
    }

    /// <summary>
    /// A name as compared: lower case, "&amp;" read as "and", punctuation dropped, runs of spaces made one, and a
    /// last word "limited" or "ltd" dropped, so "Acme Care Ltd.", "ACME CARE LIMITED" and "Acme  Care" are one
    /// provider. Nothing else is taken as the same: "plc", "CIC", "LLP" and "The" are kept.
    /// </summary>
    public static string NormaliseName(string name)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in name.Replace("&", " and ", StringComparison.Ordinal))
        {
            if (char.IsLetterOrDigit(c)) word.Append(char.ToLowerInvariant(c));
            else if (char.IsWhiteSpace(c) || c is '-' or '/' or ',') Flush();
            // Other punctuation (full stops, apostrophes, brackets) is dropped without splitting the word.
        }
        Flush();
        if (words.Count > 1 && words[^1] is "limited" or "ltd") words.RemoveAt(words.Count - 1);
        return string.Join(' ', words);

        void Flush()
        {
            if (word.Length > 0) words.Add(word.ToString());
            word.Clear();
        }
    }

    internal sealed class UnmatchedDraft(string name, string? registrationNumber, int index)
    {
        public int Index { get; } = index;
        public string Name { get; } = name;
        public string? RegistrationNumber { get; } = registrationNumber;
        public int Rows { get; set; }
    }
}
