using System.Globalization;
using System.Text.RegularExpressions;

namespace Commissioning.Domain.Common;

/// <summary>
/// An amount in pounds sterling, exact to the penny and never negative.
/// Held as <see cref="decimal"/>; persisted as whole pence so that sums, ordering and
/// filtering in any database give exactly the decimal result (see docs/decisions/0002).
/// </summary>
public readonly partial record struct Money : IComparable<Money>
{
    /// <summary>£10bn: no council contract is worth more; anything larger is a typing slip.</summary>
    public const decimal Ceiling = 10_000_000_000m;

    private static readonly NumberFormatInfo Format = new()
    {
        NumberDecimalSeparator = ".", NumberGroupSeparator = ",", NumberGroupSizes = [3],
        CurrencySymbol = "£", NegativeSign = "-",
    };

    public static readonly Money Zero = new(0m);

    public decimal Amount { get; }

    public Money(decimal amount)
    {
        if (amount > Ceiling * 1000)
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "An amount of money this large cannot be a council contract's.");
        if (amount < 0)
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "An amount of money cannot be negative.");
        if (decimal.Round(amount, 2) != amount)
            throw new ArgumentException($"An amount of money must be whole pence; {amount} has fractions of a penny.", nameof(amount));
        Amount = amount + 0.00m; // normalise the scale so that £5 and £5.00 print alike
    }

    public long Pence => (long)(Amount * 100m);

    public static Money FromPence(long pence) =>
        pence < 0
            ? throw new ArgumentOutOfRangeException(nameof(pence), pence, "An amount of money cannot be negative.")
            : new Money(pence / 100m);

    public static Money Pounds(decimal amount) => new(amount);

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount);

    public static Money operator -(Money a, Money b) =>
        a.Amount < b.Amount
            ? throw new InvalidOperationException($"Cannot take {b} from {a}: money cannot go below zero.")
            : new Money(a.Amount - b.Amount);

    public static Money operator *(Money a, int times) => new(a.Amount * times);

    public static bool operator <(Money a, Money b) => a.Amount < b.Amount;
    public static bool operator >(Money a, Money b) => a.Amount > b.Amount;
    public static bool operator <=(Money a, Money b) => a.Amount <= b.Amount;
    public static bool operator >=(Money a, Money b) => a.Amount >= b.Amount;

    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);

    public static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Zero, (total, m) => total + m);

    /// <summary>Shown the en-GB way whatever the machine's culture: £12,393,408.00.</summary>
    public override string ToString() => "£" + Amount.ToString("#,##0.00", Format);

    /// <summary>As typed into a form field: 12,393,408.00 (no pound sign).</summary>
    public string ToInputString() => Amount.ToString("#,##0.00", Format);

    [GeneratedRegex(@"^(?<digits>[0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.(?<pence>[0-9]+))?$")]
    private static partial Regex Shape();

    /// <summary>
    /// Reads what a person types: "12393408", "£12,393,408.00", "33632993.52".
    /// On failure <paramref name="problem"/> says what is wrong, in words for the person.
    /// </summary>
    public static bool TryParse(string? text, out Money money, out MoneyProblem problem)
    {
        money = Zero;
        var s = (text ?? "").Trim().Replace(" ", "");
        if (s.Length == 0) { problem = MoneyProblem.Missing; return false; }
        var negative = s.StartsWith('-') || s.StartsWith("£-");
        s = s.TrimStart('-').TrimStart('£').TrimStart('-');
        var match = Shape().Match(s);
        if (!match.Success) { problem = MoneyProblem.Malformed; return false; }
        if (match.Groups["pence"].Success && match.Groups["pence"].Value.Length > 2) { problem = MoneyProblem.FractionOfPenny; return false; }
        if (negative) { problem = MoneyProblem.Negative; return false; }
        // Too many digits for a decimal is, a fortiori, more than the ceiling.
        if (!decimal.TryParse(s.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || amount > Ceiling) { problem = MoneyProblem.TooLarge; return false; }
        money = new Money(amount);
        problem = MoneyProblem.None;
        return true;
    }
}

public enum MoneyProblem { None, Missing, Malformed, Negative, FractionOfPenny, TooLarge }
