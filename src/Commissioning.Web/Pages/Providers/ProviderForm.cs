using Commissioning.Domain.Providers;

namespace Commissioning.Web.Pages.Providers;

/// <summary>The provider form shared by Create and Edit, and its field checks.</summary>
public sealed class ProviderForm : IVersionedForm
{
    public string? Name { get; set; }
    public string? OrganisationType { get; set; }
    public bool IsSme { get; set; }
    public bool IsVcse { get; set; }
    public string? VcseType { get; set; }
    public string? RegistrationNumber { get; set; }
    public string? Address { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public Guid? Version { get; set; }

    public static ProviderForm From(Provider p) => new()
    {
        Name = p.Name, OrganisationType = p.OrganisationType.ToString(), IsSme = p.IsSme, IsVcse = p.IsVcse, VcseType = p.VcseType?.ToString(),
        RegistrationNumber = p.RegistrationNumber, Address = p.Address, ContactName = p.ContactName,
        ContactEmail = p.ContactEmail, ContactPhone = p.ContactPhone, Version = p.Version,
    };

    public ProviderDetails ToDetails() => new(Name!, Enum.Parse<OrganisationType>(OrganisationType!), IsSme, IsVcse,
        RegistrationNumber, Address, ContactName, ContactEmail, ContactPhone,
        string.IsNullOrWhiteSpace(VcseType) ? null : Enum.Parse<VcseType>(VcseType));

    public sealed class Validator : AbstractValidator<ProviderForm>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the provider's name")
                .MaximumLength(Provider.NameMaxLength).WithMessage($"The name must be {Provider.NameMaxLength} characters or fewer");
            RuleFor(x => x.OrganisationType).Must(v => Enum.TryParse<OrganisationType>(v, out _)).WithMessage("Choose the type of organisation");
            RuleFor(x => x.VcseType).Must(v => string.IsNullOrWhiteSpace(v) || Enum.TryParse<VcseType>(v, out _))
                .WithMessage("Choose the VCSE type from the list");
            RuleFor(x => x.RegistrationNumber)
                .Matches("^[A-Za-z0-9 -]*$").WithMessage("The registration number can only contain letters, numbers, spaces and hyphens, like 09724479 or 1123456")
                .MaximumLength(Provider.RegistrationNumberMaxLength).WithMessage($"The registration number must be {Provider.RegistrationNumberMaxLength} characters or fewer");
            RuleFor(x => x.Address).MaximumLength(Provider.AddressMaxLength).WithMessage($"The address must be {Provider.AddressMaxLength} characters or fewer");
            RuleFor(x => x.ContactName).MaximumLength(Provider.ContactMaxLength).WithMessage($"The contact name must be {Provider.ContactMaxLength} characters or fewer");
            RuleFor(x => x.ContactEmail).EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.org")
                .MaximumLength(Provider.ContactMaxLength).WithMessage($"The email address must be {Provider.ContactMaxLength} characters or fewer");
            RuleFor(x => x.ContactPhone).Matches(@"^[0-9 +()-]*$").WithMessage("Enter a telephone number, like 0161 253 5000")
                .MaximumLength(Provider.ContactMaxLength).WithMessage($"The telephone number must be {Provider.ContactMaxLength} characters or fewer");
        }
    }
}
