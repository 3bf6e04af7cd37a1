using Commissioning.Domain.Common;

namespace Commissioning.Domain.Providers;

public enum OrganisationType
{
    PrivateCompany,
    Vcse,
    NhsBody,
    CouncilOwnedCompany,
    Other,
}

/// <summary>The legal form of a voluntary, community or social enterprise, as the contracts schema's "VCSE type" asks.</summary>
public enum VcseType
{
    RegisteredCharity,
    CharitableIncorporatedOrganisation,
    CommunityInterestCompany,
    CooperativeOrMutual,
    CommunityGroup,
    OtherSocialEnterprise,
}

/// <summary>An organisation the council pays to deliver a service.</summary>
public sealed class Provider : AuditedAggregate
{
    public const int NameMaxLength = 200;
    public const int RegistrationNumberMaxLength = 20;
    public const int AddressMaxLength = 500;
    public const int ContactMaxLength = 200;

    private Provider() { }

    public Provider(ProviderDetails details) => Update(details);

    public string Name { get; private set; } = "";
    public OrganisationType OrganisationType { get; private set; }
    public bool IsSme { get; private set; }
    public bool IsVcse { get; private set; }
    /// <summary>The VCSE's legal form; null when not recorded, and always null for an organisation that is not a VCSE.</summary>
    public VcseType? VcseType { get; private set; }
    /// <summary>Companies House or Charity Commission number, as published.</summary>
    public string? RegistrationNumber { get; private set; }
    public string? Address { get; private set; }
    public string? ContactName { get; private set; }
    public string? ContactEmail { get; private set; }
    public string? ContactPhone { get; private set; }

    public void Update(ProviderDetails details)
    {
        if (string.IsNullOrWhiteSpace(details.Name))
            throw new ArgumentException("A provider must have a name.", nameof(details));
        Name = details.Name.Trim();
        OrganisationType = details.OrganisationType;
        IsSme = details.IsSme;
        // A VCSE organisation type, or a VCSE legal form (a charity, a CIC), is by definition a VCSE; other types may still be.
        IsVcse = details.IsVcse || details.OrganisationType == OrganisationType.Vcse || details.VcseType is not null;
        VcseType = IsVcse ? details.VcseType : null;
        RegistrationNumber = Blank(details.RegistrationNumber);
        Address = Blank(details.Address);
        ContactName = Blank(details.ContactName);
        ContactEmail = Blank(details.ContactEmail);
        ContactPhone = Blank(details.ContactPhone);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record ProviderDetails(
    string Name,
    OrganisationType OrganisationType,
    bool IsSme,
    bool IsVcse,
    string? RegistrationNumber = null,
    string? Address = null,
    string? ContactName = null,
    string? ContactEmail = null,
    string? ContactPhone = null,
    VcseType? VcseType = null);
