using Commissioning.Domain.Contracts;
using Commissioning.Domain.Tests.TestData;

namespace Commissioning.Domain.Tests.Contracts;

public class ContractDescriptionTests
{
    private static ContractDescription Described(string reference = "sc-2021-0001", string title = "Title", string? description = null) =>
        new(reference, title, description, ServiceCategory.DomiciliaryCare, "  Adult Social Care ", " Jo Commissioner ",
            ProcurementRoute.OpenTender, false, Confidentiality.CommerciallySensitive);

    [Fact]
    public void Describe_RecordsEveryField()
    {
        var contract = A.PersonaContract();

        contract.Describe(Described(reference: "  sc-2021-0009 ", title: "  Home care  ", description: " Across the county. "));

        Assert.Equal("SC-2021-0009", contract.Reference);
        Assert.Equal("Home care", contract.Title);
        Assert.Equal("Across the county.", contract.Description);
        Assert.Equal(ServiceCategory.DomiciliaryCare, contract.ServiceCategory);
        Assert.Equal("Adult Social Care", contract.Directorate);
        Assert.Equal("Jo Commissioner", contract.ResponsibleCommissioner);
        Assert.Equal(ProcurementRoute.OpenTender, contract.ProcurementRoute);
        Assert.False(contract.IsKeyDecision);
        Assert.Equal(Confidentiality.CommerciallySensitive, contract.Confidentiality);
    }

    [Fact]
    public void Describe_UppercasesTheReferenceWhateverTheCulture()
    {
        using var _ = new CultureScope("tr-TR");
        var contract = A.PersonaContract();

        contract.Describe(Described(reference: "sci-2021-0001"));

        Assert.Equal("SCI-2021-0001", contract.Reference);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Describe_WithoutAReference_IsRefused(string reference)
    {
        var contract = A.PersonaContract();

        var ex = Assert.Throws<ArgumentException>(() => contract.Describe(Described(reference: reference)));

        Assert.StartsWith("A contract must have a reference.", ex.Message);
        Assert.Equal("SC-2021-0001", contract.Reference);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Describe_WithoutATitle_IsRefused(string title)
    {
        var contract = A.PersonaContract();

        var ex = Assert.Throws<ArgumentException>(() => contract.Describe(Described(title: title)));

        Assert.StartsWith("A contract must have a title.", ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Describe_ABlankDescription_BecomesNull(string? description)
    {
        var contract = A.PersonaContract();

        contract.Describe(Described(description: description));

        Assert.Null(contract.Description);
    }
}
