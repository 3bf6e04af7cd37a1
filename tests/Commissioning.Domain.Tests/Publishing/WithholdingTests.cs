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
