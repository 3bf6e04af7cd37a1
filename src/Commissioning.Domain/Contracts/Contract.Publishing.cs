using System.Text.RegularExpressions;
using Commissioning.Domain.Common;

namespace Commissioning.Domain.Contracts;

/// <summary>The details the Transparency Code and the contracts schema ask for that nothing else in the register holds (issue 17).</summary>
public abstract partial class Contract
{
    public const int UrlMaxLength = 500;
    public const int CpvCodeMaxLength = 10;

    /// <summary>The Common Procurement Vocabulary code the service was procured under, "85311200-4" (check digit optional).</summary>
    public string? CpvCode { get; private set; }
    /// <summary>When the contract is next to be reviewed, as the Code asks ("start, end and review dates").</summary>
    public DateOnly? ReviewDate { get; private set; }
    /// <summary>VAT the council pays and cannot recover, in whole pence, for the same period as the annual value; null when none is recorded.</summary>
    public long? IrrecoverableVatPence { get; private set; }
    public Money? IrrecoverableVat => IrrecoverableVatPence is { } p ? Money.FromPence(p) : null;
    /// <summary>A web page where the public can ask about the contract.</summary>
    public string? ContactPointUrl { get; private set; }
    public string? TenderDocumentsUrl { get; private set; }
    public string? ContractDocumentUrl { get; private set; }

    public void SetPublishingDetails(PublishingDetails d)
    {
        var cpv = Blank(d.CpvCode);
        if (cpv is not null && !IsCpvCode(cpv))
            throw new ArgumentException($"A CPV code is eight digits with an optional check digit, like 85311200-4; \"{cpv}\" is not.", nameof(d));
        if (d.ReviewDate is { } review && review < StartDate)
            throw new ArgumentException($"The review date ({Dates.Long(review)}) cannot be before the start ({Dates.Long(StartDate)}).", nameof(d));
        CpvCode = cpv;
        ReviewDate = d.ReviewDate;
        IrrecoverableVatPence = d.IrrecoverableVat?.Pence;
        ContactPointUrl = Url(d.ContactPointUrl, nameof(d));
        TenderDocumentsUrl = Url(d.TenderDocumentsUrl, nameof(d));
        ContractDocumentUrl = Url(d.ContractDocumentUrl, nameof(d));
    }

    public PublishingDetails PublishingDetails => new(CpvCode, ReviewDate, IrrecoverableVat, ContactPointUrl, TenderDocumentsUrl, ContractDocumentUrl);

    [GeneratedRegex(@"^[0-9]{8}(-[0-9])?$")]
    private static partial Regex CpvShape();

    public static bool IsCpvCode(string text) => CpvShape().IsMatch(text);

    /// <summary>An absolute http or https address, since it is published for anyone to follow.</summary>
    public static bool IsWebAddress(string text) =>
        text.Length <= UrlMaxLength && Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string? Url(string? text, string param)
    {
        var url = Blank(text);
        if (url is not null && !IsWebAddress(url))
            throw new ArgumentException($"A published address must be a web address starting https:// of at most {UrlMaxLength} characters; \"{url}\" is not.", param);
        return url;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record PublishingDetails(
    string? CpvCode = null,
    DateOnly? ReviewDate = null,
    Money? IrrecoverableVat = null,
    string? ContactPointUrl = null,
    string? TenderDocumentsUrl = null,
    string? ContractDocumentUrl = null);
