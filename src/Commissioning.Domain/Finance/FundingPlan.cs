using Commissioning.Domain.Common;

namespace Commissioning.Domain.Finance;

public enum FundingSource { CouncilRevenue, Section75PooledBudget, Section117Aftercare, NhsIcbContribution, Other }

/// <summary>One funding source's share of a year's value; council revenue names its cost centre (e.g. KGB70).</summary>
public sealed class FundingLine
{
    public const int CostCentreMaxLength = 20;

    private FundingLine() { }

    public FundingLine(FundingSource source, string? costCentre, Money amount)
    {
        Source = source;
        CostCentre = string.IsNullOrWhiteSpace(costCentre) ? null : costCentre.Trim().ToUpperInvariant();
        if (CostCentre?.Length > CostCentreMaxLength)
            throw new ArgumentOutOfRangeException(nameof(costCentre), $"A cost centre code has at most {CostCentreMaxLength} characters.");
        AmountPence = amount.Pence;
    }

    public FundingSource Source { get; private set; }
    public string? CostCentre { get; private set; }
    public long AmountPence { get; private set; }
    public Money Amount => Money.FromPence(AmountPence);
}

/// <summary>How one financial year's value of a contract is paid for, split between funding sources.</summary>
public sealed class FundingPlan : AuditedAggregate
{
    private readonly List<FundingLine> _lines = [];

    private FundingPlan() { }

    public FundingPlan(int contractId, FinancialYear year)
    {
        ContractId = contractId;
        FinancialYearStart = year.StartYear;
    }

    public int ContractId { get; private set; }
    public int FinancialYearStart { get; private set; }
    public FinancialYear Year => new(FinancialYearStart);
    public IReadOnlyList<FundingLine> Lines => _lines;
    public Money Total => Money.Sum(_lines.Select(l => l.Amount));

    /// <summary>Replaces the split; it must add up exactly to the year's value, to the penny.</summary>
    public void Split(IEnumerable<FundingLine> lines, Money yearValue)
    {
        var list = lines.ToList();
        Check(new FundingMustAddUpRule(Money.Sum(list.Select(l => l.Amount)), yearValue, Year));
        _lines.Clear();
        _lines.AddRange(list);
    }
}
