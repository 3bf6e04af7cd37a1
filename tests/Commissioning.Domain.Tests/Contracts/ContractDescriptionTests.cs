using Commissioning.Domain.Contracts;
using Commissioning.Domain.Tests.TestData;

namespace Commissioning.Domain.Tests.Contracts;

public class ContractDescriptionTests
{
    private static ContractDescription Described(string reference = "sc-2021-0001", string title = "Title", string? description = null,
        int directorateId = 7, ResponsibleCommissioner? commissioner = null) =>
        new(reference, title, description, ServiceCategory.DomiciliaryCare, directorateId, commissioner ?? ResponsibleCommissioner.User(" user-jo "),
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
        Assert.Equal(7, contract.DirectorateId);
        Assert.Equal("user-jo", contract.ResponsibleCommissionerId);
        Assert.Null(contract.HistoricCommissionerName);
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

    [Fact]
    public void Describe_WithAHistoricCommissioner_KeepsTheNameAndNoUser()
    {
        var contract = A.PersonaContract();

        contract.Describe(Described(commissioner: ResponsibleCommissioner.Historic("  J. Smith ")));

        Assert.Null(contract.ResponsibleCommissionerId);
        Assert.Equal("J. Smith", contract.HistoricCommissionerName);
        Assert.Equal(ResponsibleCommissioner.Historic("J. Smith"), contract.ResponsibleCommissioner);
    }

    [Fact]
    public void Describe_PickingAUser_ClearsTheHistoricName()
    {
        var contract = A.PersonaContract();
        contract.Describe(Described(commissioner: ResponsibleCommissioner.Historic("J. Smith")));

        contract.Describe(Described(commissioner: ResponsibleCommissioner.User("user-jane")));

        Assert.Equal("user-jane", contract.ResponsibleCommissionerId);
        Assert.Null(contract.HistoricCommissionerName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Describe_WithoutADirectorate_IsRefused(int directorateId)
    {
        var contract = A.PersonaContract();

        var ex = Assert.Throws<ArgumentException>(() => contract.Describe(Described(directorateId: directorateId)));

        Assert.StartsWith("A contract must belong to a directorate.", ex.Message);
        Assert.Equal(1, contract.DirectorateId);
    }

    [Fact]
    public void A_commissioner_is_a_user_or_a_historic_name_never_blank()
    {
        Assert.Throws<ArgumentException>(() => ResponsibleCommissioner.User(" "));
        Assert.Throws<ArgumentException>(() => ResponsibleCommissioner.Historic(""));
    }

    [Fact]
    public void A_historic_name_longer_than_a_commissioner_name_may_be_is_refused()
    {
        var contract = A.PersonaContract();

        Assert.Throws<ArgumentException>(() => contract.Describe(Described(commissioner: ResponsibleCommissioner.Historic(new string('x', Contract.CommissionerMaxLength + 1)))));
        Assert.Equal("user-jo", contract.ResponsibleCommissionerId);
    }
}
