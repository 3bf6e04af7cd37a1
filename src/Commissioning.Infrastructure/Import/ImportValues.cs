using System.Globalization;
using System.Text.RegularExpressions;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;

namespace Commissioning.Infrastructure.Import;

/// <summary>A cell read as a value: the value, or the reason it cannot be; a notice says how an ambiguous cell was read.</summary>
public sealed record Parsed<T>(bool Ok, T Value, string? Error, string? Notice = null)
{
    public static Parsed<T> Good(T value, string? notice = null) => new(true, value, null, notice);
    public static Parsed<T> Bad(string error) => new(false, default!, error);
}

/// <summary>
/// Reads one cell's text as money, a date, a form, a year list. Pure: no database, no culture but en-GB's rules.
/// Messages quote the cell and say what would be accepted, so the dry run's report can show them as they are.
/// </summary>
public static partial class ImportValues
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Parsed<Money> Money(string text)
    {
        var cell = (text ?? "").Trim();
        if (cell.Length == 0) return Parsed<Money>.Bad("There is no amount.");
        // Spaces (including the no-break space Excel puts in "£ 12") and the pound sign are only decoration.
        var s = Regex.Replace(cell, @"[\s\u00A0\u202F]", "");
        if (s.StartsWith('(') && s.EndsWith(')'))
            return Parsed<Money>.Bad($"“{cell}” is a negative amount (in brackets): an amount cannot be negative.");
        if (Shorthand().IsMatch(s))
            return Parsed<Money>.Bad($"“{cell}” is a shorthand amount: write the full amount in pounds and pence, e.g. 5000 rather than 5k, 1200000 rather than 1.2m.");
        if (Domain.Common.Money.TryParse(s, out var money, out var problem))
            return Parsed<Money>.Good(money);
        return Parsed<Money>.Bad(problem switch
        {
            MoneyProblem.Negative => $"“{cell}” is negative: an amount cannot be negative.",
            MoneyProblem.FractionOfPenny => $"“{cell}” has more than two decimal places: an amount must be whole pence (e.g. 1234.56).",
            MoneyProblem.TooLarge => $"“{cell}” is more than {Domain.Common.Money.Pounds(Domain.Common.Money.Ceiling)}: no council contract is worth that much.",
            _ => $"“{cell}” is not an amount of money: write it as 1234.56 or £1,234.56.",
        });
    }

    // "5k", "£1.2m", "3bn", "2 million": an abbreviation, not an amount.
    [GeneratedRegex(@"^-?£?-?[0-9][0-9,]*(\.[0-9]+)?(k|m|bn|b|mn|million|thousand|billion)$", RegexOptions.IgnoreCase)]
    private static partial Regex Shorthand();

    /// <summary>
    /// A date as a UK spreadsheet holds it: 31/03/2031 (day first), 2031-03-31 (with or without a time),
    /// 31 March 2031, 31 Mar 2031, 31-Mar-2031, or an Excel serial number (1900 date system).
    /// </summary>
    public static Parsed<DateOnly> Date(string text)
    {
        var cell = (text ?? "").Trim();
        if (cell.Length == 0) return Parsed<DateOnly>.Bad("There is no date.");

        if (IsoDate().Match(cell) is { Success: true } iso)
            return Build(cell, Int(iso, "y"), Int(iso, "m"), Int(iso, "d"));

        if (DayMonthYear().Match(cell) is { Success: true } dmy)
            return DayFirst(cell, Int(dmy, "d"), Int(dmy, "m"), dmy.Groups["y"].Value);

        if (DayMonthNameYear().Match(cell) is { Success: true } named)
        {
            var month = MonthNumber(named.Groups["month"].Value);
            if (month is null)
                return Parsed<DateOnly>.Bad($"“{cell}” is not a date: “{named.Groups["month"].Value}” is not the name of a month.");
            if (named.Groups["y"].Value.Length != 4) return TwoDigitYear(cell);
            return Build(cell, Int(named, "y"), month.Value, Int(named, "d"));
        }

        if (decimal.TryParse(cell, NumberStyles.AllowDecimalPoint, Invariant, out var serial))
            return FromSerial(cell, serial);

        return Parsed<DateOnly>.Bad($"“{cell}” is not a date: write dates as 31/03/2031, 2031-03-31 or 31 March 2031.");
    }

    // Excel's 1900 date system counts 1 January 1900 as day 1 and, copying Lotus 1-2-3, believes in
    // 29 February 1900 (day 60): from day 61 on, day n is n days after 30 December 1899.
    private static readonly DateOnly SerialEpoch = new(1899, 12, 30);

    // A bare number is read as a date only if it falls in the years a contract can: otherwise "2031" (a
    // year) or "12" (a month count) in a date column would silently become a date in 1905 or 1900.
    private static readonly DateOnly EarliestSerialDate = new(1950, 1, 1), LatestSerialDate = new(2199, 12, 31);

    /// <summary>The date an Excel (1900 date system) serial number stands for; any fraction (the time of day) is dropped.</summary>
    public static Parsed<DateOnly> FromSerial(string cell, decimal serial)
    {
        var day = decimal.Truncate(serial);
        if (day == 60)
            return Parsed<DateOnly>.Bad($"“{cell}” is Excel's 29 February 1900, a day that never was.");
        if (day < 1 || day > 2_958_465)
            return Parsed<DateOnly>.Bad($"“{cell}” is not a date: write dates as 31/03/2031, 2031-03-31 or 31 March 2031.");
        var date = DateOfSerial((int)day);
        if (date < EarliestSerialDate || date > LatestSerialDate)
            return Parsed<DateOnly>.Bad($"“{cell}” is a number, not a date: write dates as 31/03/2031, 2031-03-31 or 31 March 2031.");
        return Parsed<DateOnly>.Good(date,
            $"“{cell}” was read as an Excel date number: {LongDate(date)}.");
    }

    /// <summary>Excel's day number (1900 date system, day 60 excepted) as a date.</summary>
    internal static DateOnly DateOfSerial(int day) => day < 60 ? SerialEpoch.AddDays(day + 1) : SerialEpoch.AddDays(day);

    private static Parsed<DateOnly> DayFirst(string cell, int day, int month, string year)
    {
        if (year.Length != 4) return TwoDigitYear(cell);
        if (month > 12 && day <= 12)
            return Parsed<DateOnly>.Bad($"“{cell}” has no month {month}: dates are read day first (31/03/2031), as in the UK.");
        var parsed = Build(cell, int.Parse(year, Invariant), month, day);
        if (parsed.Ok && day <= 12 && month <= 12 && day != month)
            return Parsed<DateOnly>.Good(parsed.Value,
                $"“{cell}” could be read either way: it was read day first, as in the UK, as {LongDate(parsed.Value)}.");
        return parsed;
    }

    private static Parsed<DateOnly> TwoDigitYear(string cell) =>
        Parsed<DateOnly>.Bad($"“{cell}” has a two-digit year: write the year in full (e.g. 31/03/2031), so there is no guessing the century.");

    private static Parsed<DateOnly> Build(string cell, int year, int month, int day)
    {
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month))
            return Parsed<DateOnly>.Bad($"“{cell}” is not a date that exists.");
        return Parsed<DateOnly>.Good(new DateOnly(year, month, day));
    }

    private static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", Invariant);

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, Invariant);

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static int? MonthNumber(string name)
    {
        var n = name.ToLowerInvariant().TrimEnd('.');
        if (n == "sept") return 9;
        for (var i = 0; i < MonthNames.Length; i++)
            if (n == MonthNames[i] || (n.Length == 3 && MonthNames[i].StartsWith(n, StringComparison.Ordinal)))
                return i + 1;
        return null;
    }

    // 2031-03-31, optionally with a time (2031-03-31T00:00:00, 2031-03-31 00:00:00.000Z) that is dropped.
    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})([T ][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$")]
    private static partial Regex IsoDate();

    // 31/03/2031, 31-03-2031, 31.03.2031, optionally with a time ("31/03/2031 00:00") that is dropped.
    [GeneratedRegex(@"^(?<d>[0-9]{1,2})(?<sep>[/.-])(?<m>[0-9]{1,2})\k<sep>(?<y>[0-9]{2}|[0-9]{4})(\s+[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?$")]
    private static partial Regex DayMonthYear();

    // 31 March 2031, 31 Mar 2031, 31st March 2031, 31-Mar-2031.
    [GeneratedRegex(@"^(?<d>[0-9]{1,2})(st|nd|rd|th)?[\s-]+(?<month>[A-Za-z]+\.?)[\s-]+(?<y>[0-9]{2}|[0-9]{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthNameYear();

    /// <summary>Block, spot, lead provider or consortium, however the file spells it ("block contract", "Lead-provider").</summary>
    public static Parsed<CommissioningForm> Form(string text)
    {
        var cell = (text ?? "").Trim();
        var key = new string(cell.Where(char.IsLetter).ToArray()).ToLowerInvariant();
        foreach (var suffix in new[] { "contract", "purchase", "purchasing", "arrangement" })
            if (key.Length > suffix.Length && key.EndsWith(suffix, StringComparison.Ordinal))
                key = key[..^suffix.Length];
        return key switch
        {
            "block" => Parsed<CommissioningForm>.Good(CommissioningForm.Block),
            "spot" => Parsed<CommissioningForm>.Good(CommissioningForm.Spot),
            "leadprovider" => Parsed<CommissioningForm>.Good(CommissioningForm.LeadProvider),
            "consortium" => Parsed<CommissioningForm>.Good(CommissioningForm.Consortium),
            _ => Parsed<CommissioningForm>.Bad(cell.Length == 0
                ? "There is no commissioning form: it must be Block, Spot, Lead provider or Consortium."
                : $"“{cell}” is not a commissioning form: it must be Block, Spot, Lead provider or Consortium."),
        };
    }

    /// <summary>A count such as a notice period in months: 0 or more, no fractions ("6", "6.0", "1,200").</summary>
    public static Parsed<int> WholeNumber(string text)
    {
        var cell = (text ?? "").Trim();
        if (cell.Length == 0) return Parsed<int>.Bad("There is no number.");
        if (WholeNumberShape().IsMatch(cell)
            && decimal.TryParse(cell.Replace(",", ""), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, Invariant, out var number))
        {
            if (number < 0) return Parsed<int>.Bad($"“{cell}” is negative: it must be 0 or more.");
            if (number != decimal.Truncate(number)) return Parsed<int>.Bad($"“{cell}” is not a whole number.");
            if (number > int.MaxValue) return Parsed<int>.Bad($"“{cell}” is too large.");
            return Parsed<int>.Good((int)number);
        }
        return Parsed<int>.Bad($"“{cell}” is not a whole number.");
    }

    [GeneratedRegex(@"^-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?$")]
    private static partial Regex WholeNumberShape();

    /// <summary>Contracts Finder's paired lists: "2024/25,2025/26" with "100000,102000" become (2024, £100,000.00), (2025, £102,000.00).</summary>
    public static Parsed<IReadOnlyList<(int FinancialYearStart, Money Amount)>> SpendProfile(string years, string amounts)
    {
        var yearItems = SplitList(years ?? "");
        var amountItems = SplitList(amounts ?? "");
        if (yearItems.Count != amountItems.Count)
            return Parsed<IReadOnlyList<(int, Money)>>.Bad(
                $"The spend profile lists {Count(yearItems.Count, "year")} but {Count(amountItems.Count, "amount")}: each year needs its amount.");
        var profile = new List<(int, Money)>();
        for (var i = 0; i < yearItems.Count; i++)
        {
            var start = FinancialYearStart(yearItems[i], allowBareYear: true);
            if (start is null)
                return Parsed<IReadOnlyList<(int, Money)>>.Bad($"“{yearItems[i]}” in the spend profile is not a financial year: write it as 2024/25.");
            if (profile.Any(p => p.Item1 == start))
                return Parsed<IReadOnlyList<(int, Money)>>.Bad($"The spend profile lists {ImportFieldNames.YearHeading(start.Value)} twice.");
            var amount = Money(amountItems[i]);
            if (!amount.Ok)
                return Parsed<IReadOnlyList<(int, Money)>>.Bad($"In the spend profile for {ImportFieldNames.YearHeading(start.Value)}: {amount.Error}");
            profile.Add((start.Value, amount.Value));
        }
        return Parsed<IReadOnlyList<(int, Money)>>.Good(profile);
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// <summary>
    /// Splits a comma list, keeping quoted items whole: "£100,000","£102,000" is two amounts. Without quotes,
    /// a comma always separates (Contracts Finder writes its amounts without thousands separators).
    /// A list with semicolons and no commas outside quotes splits on the semicolons.
    /// </summary>
    internal static List<string> SplitList(string text)
    {
        var items = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return items;
        var separator = text.Contains(';') && !OutsideQuotes(text).Contains(',') ? ';' : ',';
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (c == separator && !quoted) { items.Add(current.ToString().Trim()); current.Clear(); }
            else current.Append(c);
        }
        items.Add(current.ToString().Trim());
        // "[2024/25, 2025/26]": a list written out as JSON-like brackets.
        if (items.Count > 0)
        {
            items[0] = items[0].TrimStart('[').Trim();
            items[^1] = items[^1].TrimEnd(']').Trim();
        }
        return items;
    }

    private static string OutsideQuotes(string text)
    {
        var quoted = false;
        return new string(text.Where(c => { if (c == '"') quoted = !quoted; return !quoted && c != '"'; }).ToArray());
    }

    /// <summary>
    /// The first calendar year of the financial year a text names: "2024/25", "2024-25", "2024/2025", "FY24-25",
    /// "FY 2024/25", "FY2024" (all 2024: UK financial years run 1 April to 31 March and are named by their start).
    /// A bare "2024" counts only when <paramref name="allowBareYear"/> (a year list, where nothing else could be meant).
    /// </summary>
    internal static int? FinancialYearStart(string text, bool allowBareYear)
    {
        var s = (text ?? "").Trim();
        var fy = FinancialYearShape().Match(s);
        if (!fy.Success) return null;
        var hasPrefix = fy.Groups["fy"].Success;
        var first = fy.Groups["first"].Value;
        var second = fy.Groups["second"].Value;
        if (first.Length == 2 && !hasPrefix) return null; // "24/25" alone could be anything
        var start = first.Length == 2 ? 2000 + int.Parse(first, Invariant) : int.Parse(first, Invariant);
        if (start is < 1990 or > 2099) return null;
        if (second.Length == 0)
            return hasPrefix || allowBareYear ? start : null;
        var end = int.Parse(second, Invariant);
        var expected = second.Length == 2 ? (start + 1) % 100 : start + 1;
        return end == expected ? start : null;
    }

    [GeneratedRegex(@"^(?<fy>FY\s*)?(?<first>[0-9]{4}|[0-9]{2})(\s*[/-]\s*(?<second>[0-9]{4}|[0-9]{2}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex FinancialYearShape();

    /// <summary>
    /// True when a cell would run as a formula if the file were opened in a spreadsheet: it starts with =, +, @,
    /// a tab or a carriage return, or with - and is not simply a negative number ("-5", "-£1,234.56") (the characters OWASP's
    /// CSV injection guidance lists). Such cells are refused rather than imported or "cleaned".
    /// </summary>
    public static bool LooksLikeFormula(string text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        var first = text[0];
        if (first is '=' or '+' or '@' or '\t' or '\r' or '\n') return true;
        if (first == '-')
            return !decimal.TryParse(text.Replace(",", "").Replace("£", ""), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint
                | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, Invariant, out _);
        // The same characters after leading spaces: some programs trim cells before they evaluate them.
        var trimmed = text.TrimStart(' ');
        return trimmed.Length != text.Length && LooksLikeFormula(trimmed);
    }
}
