using Commissioning.Domain.Contracts;
using Commissioning.Domain.Publishing;

namespace Commissioning.Domain.Tests.Publishing;

public class WithholdingTests
{
    [Fact]
    public void Open_WithholdsNothing()
    {
        Assert.Empty(Withholding.Withheld(Confidentiality.Open));
        Assert.Null(Withholding.Note(Confidentiality.Open));
    }

    [Fact]
    public void CommerciallySensitive_WithholdsThePrices()
    {
        Assert.Equal(
            [PublishedField.Value, PublishedField.IrrecoverableVat, PublishedField.RateCard, PublishedField.ContractDocument],
            Withholding.Withheld(Confidentiality.CommerciallySensitive).Order());
        Assert.Equal("Withheld as commercially sensitive: values, irrecoverable VAT, rate card, contract document.",
            Withholding.Note(Confidentiality.CommerciallySensitive));
    }

    [Fact]
    public void Exempt_WithholdsThePricesAndWhatTheServiceIs()
    {
        var withheld = Withholding.Withheld(Confidentiality.Exempt);

        Assert.Superset(new HashSet<PublishedField>(Withholding.Withheld(Confidentiality.CommerciallySensitive)), new HashSet<PublishedField>(withheld));
        Assert.Contains(PublishedField.Description, withheld);
        Assert.Contains(PublishedField.TenderDocument, withheld);
        Assert.StartsWith("Withheld as exempt from disclosure: description,", Withholding.Note(Confidentiality.Exempt));
    }

    [Theory]
    [InlineData(Confidentiality.CommerciallySensitive)]
    [InlineData(Confidentiality.Exempt)]
    public void EveryLevel_StillPublishesThatTheContractExists(Confidentiality level)
    {
        var withheld = Withholding.Withheld(level);

        foreach (var kept in new[] { PublishedField.Reference, PublishedField.Title, PublishedField.Supplier, PublishedField.StartDate, PublishedField.EndDate })
            Assert.DoesNotContain(kept, withheld);
    }

    [Fact]
    public void EveryField_HasALabel() =>
        Assert.All(Enum.GetValues<PublishedField>(), f => Assert.NotEqual(f.ToString(), Withholding.Label(f)));
}

public class OcidTests
{
    [Theory]
    [InlineData("ocds-b5fd17", 42, "ocds-b5fd17-42")]
    [InlineData(" ocds-b5fd17- ", 7, "ocds-b5fd17-7")]
    [InlineData("", 7, null)]
    [InlineData(null, 7, null)]
    public void For_IsThePrefixAHyphenAndTheId(string? prefix, int id, string? expected) =>
        Assert.Equal(expected, Ocid.For(prefix, id));
}

public class SupplierNumbersTests
{
    [Theory]
    [InlineData("09724479", "09724479", null)]
    [InlineData("SC123456", "SC123456", null)]
    [InlineData(" 1123456 ", null, "1123456")]
    [InlineData("223456", null, "223456")]
    [InlineData(null, null, null)]
    [InlineData(" ", null, null)]
    public void Split_ByTheShapeOfTheNumber(string? number, string? company, string? charity) =>
        Assert.Equal((company, charity), SupplierNumbers.Split(number));
}

public class CpvLabelsTests
{
    [Theory]
    [InlineData("85311200-4", "Welfare services for the handicapped")]
    [InlineData("85312400", "Welfare services not delivered through residential institutions")]
    [InlineData("45000000-7", null)]
    [InlineData(null, null)]
    public void For_KnownCareCodesOnly(string? code, string? label) => Assert.Equal(label, CpvLabels.For(code));
}

public class ProviderVcseTypeTests
{
    [Fact]
    public void A_vcse_type_makes_the_provider_a_vcse()
    {
        var p = new Commissioning.Domain.Providers.Provider(new("Bath Housing", Commissioning.Domain.Providers.OrganisationType.Other, true, false,
            VcseType: Commissioning.Domain.Providers.VcseType.RegisteredCharity));

        Assert.True(p.IsVcse);
        Assert.Equal(Commissioning.Domain.Providers.VcseType.RegisteredCharity, p.VcseType);
    }
}
