using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Providers;

namespace Commissioning.Infrastructure.Tests.Support;

/// <summary>Builds entities the way the application does (see DemoSeeder).</summary>
public static class TestData
{
    /// <summary>"Adult Social Care", which <see cref="SqliteTestDatabase.MigrateAsync"/> adds to every test database.</summary>
    public const int DirectorateId = 1;

    public static Provider Provider(string name = "Riverside Day Opportunities") =>
        new(new ProviderDetails(name, OrganisationType.Vcse, IsSme: true, IsVcse: true, Address: "Bury, Greater Manchester"));

    public static BlockContract Block(int providerId, string reference, long pence, string title = "Day opportunities for adults")
    {
        var contract = new BlockContract(providerId, Money.FromPence(pence));
        Describe(contract, reference, title);
        Term(contract);
        return contract;
    }

    public static SpotContract Spot(int providerId, string reference, string title = "Community support services – homecare") =>
        Spot(providerId, reference, [new RateCardLine("Homecare", RateUnit.Hour, Money.Pounds(16.13m))], title);

    public static SpotContract Spot(int providerId, string reference, IEnumerable<RateCardLine> rateCard, string title)
    {
        var contract = new SpotContract(providerId, rateCard, Money.Pounds(33_632_993.52m));
        Describe(contract, reference, title);
        Term(contract);
        return contract;
    }

    public static void Describe(Contract contract, string reference, string title, string? description = "Fictional test contract.") =>
        contract.Describe(new ContractDescription(reference, title, description, ServiceCategory.DomiciliaryCare,
            DirectorateId, ResponsibleCommissioner.Historic("Julie Gonda"), ProcurementRoute.OpenTender, IsKeyDecision: false, Confidentiality.Open));

    private static void Term(Contract contract) =>
        contract.SetTerm(new ContractTerm(new DateOnly(2021, 4, 1), new DateOnly(2026, 3, 31), [new ExtensionOptionTerm(12, false)], 6));
}
