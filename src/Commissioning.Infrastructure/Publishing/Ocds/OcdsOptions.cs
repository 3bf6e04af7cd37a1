namespace Commissioning.Infrastructure.Publishing.Ocds;

/// <summary>The OCDS feed's settings (section "Ocds"); docs/publishing.md lists them.</summary>
public sealed class OcdsOptions
{
    public const string Section = "Ocds";

    /// <summary>
    /// The prefix the Open Contracting Partnership registers for a publisher ("ocds-" and six characters); every ocid is
    /// this followed by the contract's id. The default is a placeholder that says so: register a prefix before publishing.
    /// </summary>
    public string? OcidPrefix { get; set; }

    /// <summary>The feed's prefix while Ocds:OcidPrefix is not set: plainly not a registered one.</summary>
    public const string PlaceholderPrefix = "ocds-xxxxxx";

    /// <summary>The package's publisher; the council's name (Council:Name) when empty.</summary>
    public string? PublisherName { get; set; }
    public string? PublisherScheme { get; set; }
    public string? PublisherUid { get; set; }
    public string? PublisherUri { get; set; }

    /// <summary>The buyer's organisation identifier (e.g. scheme "GB-LAC" or "GB-GOR" and the council's code), when known.</summary>
    public string? BuyerScheme { get; set; }
    public string? BuyerId { get; set; }

    /// <summary>The licence of the data (e.g. the Open Government Licence's address) and the publication policy's address.</summary>
    public string? License { get; set; }
    public string? PublicationPolicy { get; set; }

    /// <summary>Releases in one page of /ocds/releases.json.</summary>
    public int PageSize { get; set; } = 100;

    public const string UkExtension = "https://raw.githubusercontent.com/cabinetoffice/ocds_uk_extension/main/extension.json";
    public const string BudgetBreakdownExtension =
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_budget_breakdown_extension/master/extension.json";
}
