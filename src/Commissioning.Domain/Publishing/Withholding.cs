using Commissioning.Domain.Contracts;

namespace Commissioning.Domain.Publishing;

/// <summary>
/// The parts of a contract that any publication shows (the contracts file, the OCDS feed, the public page). Each
/// publisher maps its own columns or fields onto these, so that what a confidential contract keeps back is decided
/// once, in <see cref="Withholding"/>.
/// </summary>
public enum PublishedField
{
    Reference,
    Title,
    Description,
    Directorate,
    ServiceCategory,
    Cpv,
    Supplier,
    SupplierFlags,
    StartDate,
    EndDate,
    ReviewDate,
    ProcurementRoute,
    /// <summary>Every money figure of the contract: its annual value or estimated annual spend, its value over the term, its values by year, its sub-contracts' and members' values.</summary>
    Value,
    IrrecoverableVat,
    RateCard,
    ContractDocument,
    TenderDocument,
    ContactPoint,
}

/// <summary>
/// What a contract marked confidential keeps back. The Code lets a council leave out of a published record what is
/// commercially confidential, but the contract itself, its supplier and its dates are still published, with a note
/// that something was withheld (decision 0032):
/// <list type="bullet">
/// <item><see cref="Confidentiality.CommerciallySensitive"/>: the prices: every value, the irrecoverable VAT (which
/// gives the value away), the rate card and the signed contract document (which holds the prices).</item>
/// <item><see cref="Confidentiality.Exempt"/> (exempt information, Schedule 12A): all of that and also the description
/// and the tender documents: an exemption from disclosure (for instance the safety of a refuge's residents) covers what the service is, not only
/// what it costs. The reference, title, supplier and dates stay, so the contract is still seen to exist.</item>
/// </list>
/// </summary>
public static class Withholding
{
    private static readonly IReadOnlySet<PublishedField> None = new HashSet<PublishedField>();

    private static readonly IReadOnlySet<PublishedField> CommerciallySensitive = new HashSet<PublishedField>
    {
        PublishedField.Value, PublishedField.IrrecoverableVat, PublishedField.RateCard, PublishedField.ContractDocument,
    };

    private static readonly IReadOnlySet<PublishedField> Exempt = new HashSet<PublishedField>(CommerciallySensitive)
    {
        PublishedField.Description, PublishedField.TenderDocument,
    };

    /// <summary>The fields left out for a level of confidentiality.</summary>
    public static IReadOnlySet<PublishedField> Withheld(Confidentiality level) => level switch
    {
        Confidentiality.Open => None,
        Confidentiality.CommerciallySensitive => CommerciallySensitive,
        Confidentiality.Exempt => Exempt,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown confidentiality."),
    };

    public static IReadOnlySet<PublishedField> Withheld(Contract contract) => Withheld(contract.Confidentiality);

    public static bool IsWithheld(Confidentiality level, PublishedField field) => Withheld(level).Contains(field);

    /// <summary>How a field is named to readers of a note: "irrecoverable VAT".</summary>
    public static string Label(PublishedField field) => field switch
    {
        PublishedField.Reference => "reference",
        PublishedField.Title => "title",
        PublishedField.Description => "description",
        PublishedField.Directorate => "department responsible",
        PublishedField.ServiceCategory => "service category",
        PublishedField.Cpv => "CPV code",
        PublishedField.Supplier => "supplier",
        PublishedField.SupplierFlags => "SME and VCSE status",
        PublishedField.StartDate => "start date",
        PublishedField.EndDate => "end date",
        PublishedField.ReviewDate => "review date",
        PublishedField.ProcurementRoute => "procurement route",
        PublishedField.Value => "values",
        PublishedField.IrrecoverableVat => "irrecoverable VAT",
        PublishedField.RateCard => "rate card",
        PublishedField.ContractDocument => "contract document",
        PublishedField.TenderDocument => "tender documents",
        PublishedField.ContactPoint => "contact point",
        _ => field.ToString(),
    };

    /// <summary>
    /// The note a publication carries for the contract, or null when nothing is withheld: "Withheld as commercially
    /// sensitive: values, irrecoverable VAT, rate card, contract document."
    /// </summary>
    public static string? Note(Confidentiality level)
    {
        var withheld = Withheld(level);
        if (withheld.Count == 0) return null;
        var reason = level == Confidentiality.Exempt ? "exempt from disclosure" : "commercially sensitive";
        return $"Withheld as {reason}: {string.Join(", ", withheld.Order().Select(Label))}.";
    }
}
