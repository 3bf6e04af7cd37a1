using Commissioning.Domain.Publishing;

namespace Commissioning.Web.Pages.Publish;

/// <summary>
/// What the published files say about the council, and the threshold, from configuration: <c>Council:Name</c> (the
/// name the header shows), <c>Council:Uri</c> (its identifier, such as its opendatacommunities.org URI),
/// <c>Ocds:OcidPrefix</c> and <c>Publishing:Threshold</c> (£5,000.00 unless set).
/// </summary>
public sealed record PublishingSettings(string OrganisationLabel, string? OrganisationUri, string? OcidPrefix, Money Threshold)
{
    public static PublishingSettings From(IConfiguration config)
    {
        var text = config["Publishing:Threshold"];
        Money threshold;
        if (string.IsNullOrWhiteSpace(text)) threshold = PublicationRules.DefaultThreshold;
        else if (!Money.TryParse(text, out threshold, out _))
            throw new InvalidOperationException($"Publishing:Threshold must be an amount in pounds and pence, like 5000.00; \"{text}\" is not.");
        return new PublishingSettings(config["Council:Name"] is { Length: > 0 } name ? name : "Council",
            Blank(config["Council:Uri"]), Blank(config["Ocds:OcidPrefix"]), threshold);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
