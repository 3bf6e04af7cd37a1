using Commissioning.Domain.Common;

namespace Commissioning.Domain.Contracts;

/// <summary>An option to extend the term by a number of months; options are used in order.</summary>
public sealed class ExtensionOption
{
    private ExtensionOption() { }

    public ExtensionOption(int sequence, int months, bool isExercised)
    {
        if (months is < 1 or > Contract.MaxTermMonths)
            throw new ArgumentOutOfRangeException(nameof(months), months, $"An extension option must last between 1 and {Contract.MaxTermMonths} months.");
        Sequence = sequence;
        Months = months;
        IsExercised = isExercised;
    }

    public int Sequence { get; private set; }
    public int Months { get; private set; }
    public bool IsExercised { get; private set; }
}

/// <summary>One line of a rate card: a service bought by the unit at a unit rate.</summary>
public sealed class RateCardLine
{
    public const int ServiceMaxLength = 200;

    private RateCardLine() { }

    public RateCardLine(string service, RateUnit unit, Money unitRate)
    {
        if (string.IsNullOrWhiteSpace(service)) throw new ArgumentException("A rate card line must name its service.", nameof(service));
        Service = service.Trim();
        Unit = unit;
        UnitRatePence = unitRate.Pence;
    }

    public string Service { get; private set; } = "";
    public RateUnit Unit { get; private set; }
    public long UnitRatePence { get; private set; }
    public Money UnitRate => Money.FromPence(UnitRatePence);
}

/// <summary>Part of a lead-provider contract that the lead passes to another provider.</summary>
public sealed class SubContract
{
    public const int ServiceMaxLength = 200;

    private SubContract() { }

    public SubContract(int providerId, string service, Money annualValue)
    {
        if (string.IsNullOrWhiteSpace(service)) throw new ArgumentException("A sub-contract must name its service.", nameof(service));
        ProviderId = providerId;
        Service = service.Trim();
        AnnualValuePence = annualValue.Pence;
    }

    public int ProviderId { get; private set; }
    public string Service { get; private set; } = "";
    public long AnnualValuePence { get; private set; }
    public Money AnnualValue => Money.FromPence(AnnualValuePence);
}

/// <summary>A member of a consortium: every member signs and is jointly and severally liable.</summary>
public sealed class ConsortiumMember
{
    public const int RoleMaxLength = 200;

    private ConsortiumMember() { }

    public ConsortiumMember(int providerId, string role, bool isLead)
    {
        ProviderId = providerId;
        Role = (role ?? "").Trim();
        IsLead = isLead;
    }

    public int ProviderId { get; private set; }
    public string Role { get; private set; } = "";
    public bool IsLead { get; private set; }
}
