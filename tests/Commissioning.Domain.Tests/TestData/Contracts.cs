using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;

namespace Commissioning.Domain.Tests.TestData;

/// <summary>Short-hand for calendar days in test data.</summary>
internal static class Days
{
    public static DateOnly On(int year, int month, int day) => new(year, month, day);
}

/// <summary>Ready-made parts of a contract, close to the seed papers.</summary>
internal static class A
{
    public static ContractDescription Description(string reference = "SC-2021-0001") =>
        new(reference, "Supported living for adults with learning disabilities", null, ServiceCategory.SupportedLiving,
            DirectorateId: 1, ResponsibleCommissioner.User("user-jo"), ProcurementRoute.TeckalDirectAward, true, Confidentiality.Open);

    public static RateCardLine RateCardLine(string service = "Personal care", decimal pounds = 24.50m) =>
        new(service, RateUnit.Hour, Money.Pounds(pounds));

    public static BlockContractBuilder Block() => new();

    /// <summary>
    /// The Persona contract: £12,393,408 a year, 1 April 2021 to 31 March 2031,
    /// awarded 24 March 2021, twelve months' notice.
    /// </summary>
    public static BlockContract PersonaContract() => new BlockContractBuilder().Build();

    /// <summary>The B&amp;NES contract: 1 August 2021 to 31 July 2028 with one 36-month option.</summary>
    public static BlockContractBuilder BathAndNorthEastSomerset(bool optionExercised = false) =>
        new BlockContractBuilder()
            .WithReference("SC-2021-0002")
            .From(Days.On(2021, 8, 1)).To(Days.On(2028, 7, 31))
            .WithOption(36, optionExercised)
            .AwardedOn(Days.On(2021, 7, 1));

    /// <summary>Gives a new entity the id a database would, for tests that need a non-zero id.</summary>
    public static T WithId<T>(this T entity, int id) where T : Entity
    {
        typeof(Entity).GetProperty(nameof(Entity.Id))!.SetValue(entity, id);
        return entity;
    }
}

/// <summary>Builds a described, termed and (by default) awarded block contract.</summary>
internal sealed class BlockContractBuilder
{
    private int _providerId = 1;
    private Money _annualSum = Money.Pounds(12_393_408m);
    private string _reference = "SC-2021-0001";
    private DateOnly _start = Days.On(2021, 4, 1);
    private DateOnly _end = Days.On(2031, 3, 31);
    private readonly List<ExtensionOptionTerm> _options = [];
    private int _noticeMonths = 12;
    private DateOnly? _awardedOn = Days.On(2021, 3, 24);
    private int? _id;

    public BlockContractBuilder WithProvider(int providerId) { _providerId = providerId; return this; }
    public BlockContractBuilder WithAnnualSum(Money sum) { _annualSum = sum; return this; }
    public BlockContractBuilder WithReference(string reference) { _reference = reference; return this; }
    public BlockContractBuilder From(DateOnly start) { _start = start; return this; }
    public BlockContractBuilder To(DateOnly end) { _end = end; return this; }
    public BlockContractBuilder WithOption(int months, bool exercised = false) { _options.Add(new ExtensionOptionTerm(months, exercised)); return this; }
    public BlockContractBuilder WithNotice(int months) { _noticeMonths = months; return this; }
    public BlockContractBuilder AwardedOn(DateOnly? awardedOn) { _awardedOn = awardedOn; return this; }
    public BlockContractBuilder NotAwarded() => AwardedOn(null);
    public BlockContractBuilder WithId(int id) { _id = id; return this; }

    public ContractTerm Term => new(_start, _end, [.. _options], _noticeMonths);

    public BlockContract Build()
    {
        var contract = new BlockContract(_providerId, _annualSum);
        contract.Describe(A.Description(_reference));
        contract.SetTerm(Term);
        contract.RecordAward(_awardedOn, lettingDecision: null);
        if (_id is { } id) contract.WithId(id);
        return contract;
    }
}
