using Commissioning.Domain.Common;

namespace Commissioning.Domain.Finance;

public enum SavingsKind
{
    /// <summary>Lowers the contract's baseline from its year on: the reduction recurs every later year.</summary>
    CashableReduction,
    /// <summary>Spend that would have happened and did not; the baseline is unchanged.</summary>
    CostAvoidance,
}

/// <summary>A savings target on one contract for one financial year, and later what was delivered against it.</summary>
public sealed class SavingsTarget : AuditedAggregate
{
    public const int DescriptionMaxLength = 1000;
    public const int OwnerMaxLength = 100;

    private SavingsTarget() { }

    public SavingsTarget(int contractId, FinancialYear year, SavingsDetails details)
    {
        ContractId = contractId;
        FinancialYearStart = year.StartYear;
        Change(details);
    }

    public int ContractId { get; private set; }
    public int FinancialYearStart { get; private set; }
    public FinancialYear Year => new(FinancialYearStart);
    public long AmountPence { get; private set; }
    public Money Amount => Money.FromPence(AmountPence);
    public SavingsKind Kind { get; private set; }
    public string Description { get; private set; } = "";
    public string Owner { get; private set; } = "";
    public long? DeliveredPence { get; private set; }
    public Money? Delivered => DeliveredPence is { } p ? Money.FromPence(p) : null;

    public Rag Rag => SavingsRag.Of(Amount, Delivered);

    public void Change(SavingsDetails d)
    {
        if (d.Amount == Money.Zero) throw new ArgumentOutOfRangeException(nameof(d), "A savings target must be more than £0.00.");
        if (string.IsNullOrWhiteSpace(d.Description)) throw new ArgumentException("A savings target needs a description.", nameof(d));
        AmountPence = d.Amount.Pence;
        Kind = d.Kind;
        Description = d.Description.Trim();
        Owner = (d.Owner ?? "").Trim();
        DeliveredPence = d.Delivered?.Pence;
    }
}

public sealed record SavingsDetails(Money Amount, SavingsKind Kind, string Description, string? Owner, Money? Delivered);

public enum Rag { NotReported, Red, Amber, Green }

/// <summary>
/// The one place the red / amber / green thresholds live: pages show them from here.
/// Green once the target is met in full; amber from three quarters; red below that.
/// </summary>
public static class SavingsRag
{
    public const decimal GreenFrom = 1.00m;
    public const decimal AmberFrom = 0.75m;

    public static Rag Of(Money target, Money? delivered)
    {
        if (delivered is not { } d) return Rag.NotReported;
        if (target == Money.Zero) return Rag.Green;
        var share = d.Amount / target.Amount;
        return share >= GreenFrom ? Rag.Green : share >= AmberFrom ? Rag.Amber : Rag.Red;
    }

    public static string Explanation =>
        $"Green: at least {GreenFrom:P0} of the target delivered. Amber: at least {AmberFrom:P0}. Red: less than {AmberFrom:P0}. Not reported: nothing delivered recorded yet.";
}
