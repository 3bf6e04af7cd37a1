using BenchmarkDotNet.Attributes;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Domain.Lifecycle;

namespace Commissioning.Benchmarks;

/// <summary>
/// The value schedule every contract's details and the finance portfolio build: ten financial years, nine
/// agreed annual values, two planned savings (the 10k demo's proportions).
/// </summary>
[MemoryDiagnoser]
public class ValueScheduleBenchmarks
{
    private static readonly DateRange Term = new(new DateOnly(2021, 4, 1), new DateOnly(2031, 3, 31));
    private static readonly OpeningBaseline Opening = new(Money.Pounds(12_393_408m), new FinancialYear(2019), "SC-2015-0001");
    private static readonly PlannedSaving[] Savings =
    [
        new(new FinancialYear(2021), Money.Pounds(1_000_000m), SavingsKind.CashableReduction),
        new(new FinancialYear(2022), Money.Pounds(1_500_000m), SavingsKind.CostAvoidance),
    ];
    private static readonly AgreedValue[] Agreed = Enumerable.Range(2021, 9)
        .Select(y => new AgreedValue(new FinancialYear(y), Money.Pounds(10_000_000m + y), Money.Pounds(10_000_000m + y), Money.Pounds(100_000m)))
        .ToArray();

    private ValueSchedule _schedule = null!;

    [GlobalSetup]
    public void Setup() => _schedule = Build();

    [Benchmark(Baseline = true)]
    public ValueSchedule Build() => new(Term, Term, Opening, Agreed, Savings);

    [Benchmark]
    public Money Totals() => _schedule.CurrentTermTotal + _schedule.MaximumTermTotal;

    [Benchmark]
    public CurrentYearValue ThisYearsValue() => CurrentYearValue.Of(Build(), new FinancialYear(2026), Term.Start, Term.End);
}

/// <summary>One contract's decision deadline: the corresponding-date rule, counted back from the end.</summary>
[MemoryDiagnoser]
public class DecisionDeadlineBenchmarks
{
    [Benchmark]
    public DateOnly DecisionDeadline() => KeyDates.DecisionDeadline(new DateOnly(2031, 3, 31), 12, KeyDates.DefaultLeadTimeMonths);
}

/// <summary>
/// The key dates list over 10,000 contracts in memory: what /?show=all did before the rules that select
/// rows moved into SQL, and what a page still pays if it runs them over every contract.
/// </summary>
[MemoryDiagnoser]
public class KeyDatesBenchmarks
{
    private static readonly DateOnly Today = new(2026, 12, 6);
    private List<Contract> _contracts = [];

    [Params(10_000)]
    public int Contracts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(15);
        _contracts = Enumerable.Range(1, Contracts).Select(i =>
        {
            var start = new DateOnly(2018, 4, 1).AddDays(random.Next(0, 3_000));
            var contract = new BlockContract(providerId: 1 + i / 12, Money.Pounds(random.Next(50_000, 5_000_000)));
            contract.Describe(new ContractDescription($"SC-{start.Year}-{i:00000}", "Generated contract", null, ServiceCategory.SupportedLiving,
                DirectorateId: 1, ResponsibleCommissioner.User("user-jo"), ProcurementRoute.TeckalDirectAward, true, Confidentiality.Open));
            ExtensionOptionTerm[] options = random.Next(3) == 0 ? [new(12, false)] : [];
            contract.SetTerm(new ContractTerm(start, start.AddYears(random.Next(3, 11)).AddDays(-1), options, random.Next(1, 13)));
            contract.RecordAward(start.AddDays(-30), lettingDecision: null);
            return (Contract)contract;
        }).ToList();
    }

    [Benchmark]
    public int UpcomingOverEveryContract() => KeyDates.Upcoming(_contracts, Today).Count;
}
