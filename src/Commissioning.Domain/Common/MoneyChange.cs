namespace Commissioning.Domain.Common;

/// <summary>
/// A change in an amount of money, which unlike <see cref="Money"/> may be negative: whole pence,
/// shown "+£30,843.12", "-£1,500.00" or "£0.00".
/// </summary>
public readonly record struct MoneyChange(long Pence)
{
    public static readonly MoneyChange None = new(0);

    /// <summary>How much <paramref name="to"/> is above (or below) <paramref name="from"/>.</summary>
    public static MoneyChange Between(Money from, Money to) => new(to.Pence - from.Pence);

    public decimal Amount => Pence / 100m;

    public override string ToString() => Pence switch
    {
        0 => Money.Zero.ToString(),
        > 0 => "+" + Money.FromPence(Pence),
        _ => "-" + Money.FromPence(-Pence),
    };
}
