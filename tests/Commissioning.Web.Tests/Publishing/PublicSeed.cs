using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Domain.Lifecycle;
using Commissioning.Domain.Providers;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Web.Tests.Publishing;

/// <summary>Contracts added straight to the database for the public page and feed tests.</summary>
public static class PublicSeed
{
    private static readonly Actor Proposer = new("seed-proposer", "Seed Proposer");
    private static readonly Actor Agreer = new("seed-agreer", "Seed Agreer");

    public sealed record Seeded(int Id, string Reference);

    /// <summary>
    /// A spot contract (so it has a rate card) from 1 April 2024 for three years, its provider new, with
    /// <paramref name="marker"/> in every text a withholding could cover. Awarded unless <paramref name="awarded"/> is false.
    /// </summary>
    public static async Task<Seeded> SpotAsync(CommissioningFactory factory, string reference, string marker, Confidentiality confidentiality,
        decimal estimatedAnnual, bool awarded = true)
    {
        await using var scope = factory.OpenDb();
        var provider = new Provider(new ProviderDetails($"{reference} Care Ltd", OrganisationType.PrivateCompany, true, false, "09876543"));
        scope.Db.Providers.Add(provider);
        await scope.Db.SaveChangesAsync();
        var contract = new SpotContract(provider.Id, [new RateCardLine($"{marker} rate card line", RateUnit.Hour, Money.Pounds(23.17m))],
            Money.Pounds(estimatedAnnual));
        contract.Describe(new ContractDescription(reference, $"{reference} home care", $"{marker} description of the service",
            ServiceCategory.DomiciliaryCare, await scope.Db.DirectorateIdAsync("Adult Social Care"), ResponsibleCommissioner.Historic("Test"),
            ProcurementRoute.OpenTender, false, confidentiality));
        contract.SetTerm(new ContractTerm(new DateOnly(2024, 4, 1), new DateOnly(2027, 3, 31), [], 3, $"{marker} break clause"));
        contract.RecordAward(awarded ? new DateOnly(2024, 3, 1) : null, lettingDecision: null);
        // The Code's further fields: a VAT figure of its own (the annual value's pence, as a pound figure) and addresses naming the marker.
        contract.SetPublishingDetails(new PublishingDetails("85310000-5", new DateOnly(2026, 1, 15), Money.Pounds(Math.Round(estimatedAnnual / 1000m, 2)),
            $"https://council.example/contact/{reference}", // the contact point is never withheld
            $"https://council.example/{marker}/tender-documents",
            $"https://council.example/{marker}/contract.pdf"));
        scope.Db.Contracts.Add(contract);
        await scope.Db.SaveChangesAsync();
        return new Seeded(contract.Id, contract.Reference);
    }

    /// <summary>A year's value, proposed and (unless <paramref name="agree"/> is false) agreed by someone else.</summary>
    public static async Task ValueAsync(CommissioningFactory factory, int contractId, int year, decimal annual, bool agree = true)
    {
        await using var scope = factory.OpenDb();
        var contract = await scope.Db.Contracts.SingleAsync(c => c.Id == contractId);
        var review = AnnualValueReview.Propose(contractId, contract.CurrentTerm, new FinancialYear(year), Money.Pounds(annual), ReviewFactors.None,
            "Set for a publishing test.", new YearPosition(null, Money.Zero, Money.Zero), Proposer, DateTime.UtcNow);
        if (agree) review.Agree(Agreer, DateTime.UtcNow, null, null);
        scope.Db.AnnualValueReviews.Add(review);
        await scope.Db.SaveChangesAsync();
    }

    /// <summary>A variation of value under a clause, then a termination by agreement, both with <paramref name="marker"/> in their reasons.</summary>
    public static async Task VaryAndTerminateAsync(CommissioningFactory factory, int contractId, string marker, decimal newAnnual)
    {
        await using var scope = factory.OpenDb();
        var contract = await scope.Db.Contracts.SingleAsync(c => c.Id == contractId);
        var by = new Actor("seed-commissioner", "Seed Commissioner");
        scope.Db.ContractEvents.Add(ContractVariation.Record(contract, new VariationTerms(VariationChange.Value, "clause 12", Money.Pounds(newAnnual)),
            new EventRecord(new DateOnly(2025, 6, 1), $"{marker} reason for the variation", "Decision 25/001", by, DateTime.UtcNow)));
        scope.Db.ContractEvents.Add(ContractTermination.ByAgreement(contract,
            new EventRecord(new DateOnly(2025, 9, 1), $"{marker} reason for the termination", "Decision 25/002", by, DateTime.UtcNow),
            new DateOnly(2025, 12, 31)));
        await scope.Db.SaveChangesAsync();
    }

    public static async Task WithdrawAsync(CommissioningFactory factory, int contractId)
    {
        await using var scope = factory.OpenDb();
        var contract = await scope.Db.Contracts.SingleAsync(c => c.Id == contractId);
        contract.Withdraw("Entered in error (test).", new Actor("seed-admin", "Seed Admin"), DateTime.UtcNow);
        await scope.Db.SaveChangesAsync();
    }
}
