using Commissioning.Domain.Providers;

namespace Commissioning.Domain.Tests.Providers;

public class ProviderTests
{
    private static ProviderDetails Details(
        string name = "Persona Care and Support Ltd",
        OrganisationType type = OrganisationType.CouncilOwnedCompany,
        bool isSme = false,
        bool isVcse = false) =>
        new(name, type, isSme, isVcse);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Construction_WithoutAName_IsRefused(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Provider(Details(name: name)));

        Assert.StartsWith("A provider must have a name.", ex.Message);
    }

    [Fact]
    public void Construction_TrimsTheName()
    {
        Assert.Equal("Persona Care and Support Ltd", new Provider(Details(name: "  Persona Care and Support Ltd ")).Name);
    }

    [Fact]
    public void Construction_RecordsTheTypeAndSize()
    {
        var provider = new Provider(Details(type: OrganisationType.PrivateCompany, isSme: true));

        Assert.Equal(OrganisationType.PrivateCompany, provider.OrganisationType);
        Assert.True(provider.IsSme);
        Assert.False(provider.IsVcse);
    }

    [Fact]
    public void Construction_AVcseOrganisationType_IsAVcseEvenIfNotTicked()
    {
        var provider = new Provider(Details(type: OrganisationType.Vcse, isVcse: false));

        Assert.True(provider.IsVcse);
    }

    [Theory]
    [InlineData(OrganisationType.PrivateCompany)]
    [InlineData(OrganisationType.NhsBody)]
    [InlineData(OrganisationType.CouncilOwnedCompany)]
    [InlineData(OrganisationType.Other)]
    public void Construction_AnotherTypeTickedAsVcse_IsAVcse(OrganisationType type)
    {
        // e.g. a community interest company registered as a private company.
        Assert.True(new Provider(Details(type: type, isVcse: true)).IsVcse);
    }

    [Theory]
    [InlineData(OrganisationType.PrivateCompany)]
    [InlineData(OrganisationType.NhsBody)]
    [InlineData(OrganisationType.CouncilOwnedCompany)]
    [InlineData(OrganisationType.Other)]
    public void Construction_AnotherTypeNotTickedAsVcse_IsNotAVcse(OrganisationType type)
    {
        Assert.False(new Provider(Details(type: type, isVcse: false)).IsVcse);
    }

    [Fact]
    public void Construction_BlankOptionalFields_BecomeNull()
    {
        var provider = new Provider(new ProviderDetails("Persona", OrganisationType.Other, false, false,
            RegistrationNumber: "", Address: "   ", ContactName: null, ContactEmail: "\t", ContactPhone: " "));

        Assert.Null(provider.RegistrationNumber);
        Assert.Null(provider.Address);
        Assert.Null(provider.ContactName);
        Assert.Null(provider.ContactEmail);
        Assert.Null(provider.ContactPhone);
    }

    [Fact]
    public void Construction_OptionalFields_AreTrimmed()
    {
        var provider = new Provider(new ProviderDetails("Persona", OrganisationType.Other, false, false,
            RegistrationNumber: " 07654321 ", Address: " Bury BL9 0SW ", ContactName: " Jo Bloggs ",
            ContactEmail: " jo@example.org ", ContactPhone: " 0161 000 0000 "));

        Assert.Equal("07654321", provider.RegistrationNumber);
        Assert.Equal("Bury BL9 0SW", provider.Address);
        Assert.Equal("Jo Bloggs", provider.ContactName);
        Assert.Equal("jo@example.org", provider.ContactEmail);
        Assert.Equal("0161 000 0000", provider.ContactPhone);
    }

    [Fact]
    public void Update_ReplacesEveryDetail()
    {
        var provider = new Provider(new ProviderDetails("Persona", OrganisationType.Vcse, true, false,
            RegistrationNumber: "07654321", ContactName: "Jo Bloggs"));

        provider.Update(new ProviderDetails("Persona Ltd", OrganisationType.PrivateCompany, false, false, ContactName: " "));

        Assert.Equal("Persona Ltd", provider.Name);
        Assert.Equal(OrganisationType.PrivateCompany, provider.OrganisationType);
        Assert.False(provider.IsSme);
        Assert.False(provider.IsVcse);
        Assert.Null(provider.RegistrationNumber);
        Assert.Null(provider.ContactName);
    }

    [Fact]
    public void Update_WithoutAName_IsRefusedAndChangesNothing()
    {
        var provider = new Provider(Details(name: "Persona", type: OrganisationType.Vcse));

        Assert.Throws<ArgumentException>(() => provider.Update(Details(name: " ", type: OrganisationType.PrivateCompany)));

        Assert.Equal("Persona", provider.Name);
        Assert.Equal(OrganisationType.Vcse, provider.OrganisationType);
    }

    [Fact]
    public void NewProvider_HasIdZero()
    {
        Assert.Equal(0, new Provider(Details()).Id);
    }
}
