using System.Net;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Contracts;

/// <summary>The contract form's Publishing section (issue 17): saved, shown on the contract page, and refused at its field when wrong.</summary>
[Collection(SharedApp.Contracts)]
public sealed class PublishingFieldsTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    private async Task<FormFields> BlockAsync(string title) =>
        ContractInput.Block(title, await factory.ProviderIdAsync("Riverside Day Opportunities"), "12,000.00", new DateOnly(2025, 4, 1), new DateOnly(2028, 3, 31));

    [Fact]
    public async Task Publishing_details_are_saved_and_shown_on_the_contract_page()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var fields = (await BlockAsync("Publishing details saved"))
            .Set("Input.CpvCode", " 85312100-0 ").Set("Input.ReviewDate.Day", "1").Set("Input.ReviewDate.Month", "10").Set("Input.ReviewDate.Year", "2026")
            .Set("Input.IrrecoverableVat", "1,234.56").Set("Input.ContactPointUrl", "https://example.gov.uk/ask")
            .Set("Input.TenderDocumentsUrl", "https://example.gov.uk/tender").Set("Input.ContractDocumentUrl", "https://example.gov.uk/signed");

        var id = await ContractInput.CreateAsync(client, "Block", fields);
        var saved = await client.GetPageAsync($"/Contracts/Details/{id}");

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Contains("85312100-0", saved.Text);
        Assert.Contains("1 October 2026", saved.Text);
        Assert.Contains("£1,234.56", saved.Text);
        Assert.Contains("https://example.gov.uk/signed", saved.Text);
        await using var scope = factory.OpenDb();
        var c = await scope.Db.Contracts.SingleAsync(x => x.Title == "Publishing details saved");
        Assert.Equal(("85312100-0", new DateOnly(2026, 10, 1), 123_456L), (c.CpvCode, c.ReviewDate!.Value, c.IrrecoverableVatPence!.Value));
    }

    [Theory]
    [InlineData("Input.CpvCode", "8531", "Input-CpvCode", "like 85311200-4")]
    [InlineData("Input.ContactPointUrl", "example.gov.uk/ask", "Input-ContactPointUrl", "starting https://")]
    [InlineData("Input.ContractDocumentUrl", "ftp://example.gov.uk/x", "Input-ContractDocumentUrl", "starting https://")]
    [InlineData("Input.IrrecoverableVat", "12x", "Input-IrrecoverableVat", "pounds and pence")]
    public async Task A_wrong_publishing_detail_is_refused_at_its_field_and_nothing_is_saved(string field, string value, string id, string expected)
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var before = await factory.ContractCountAsync();

        var page = await client.PostFormAsync("/Contracts/Create?form=Block", (await BlockAsync("Refused publishing detail")).Set(field, value));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(before, await factory.ContractCountAsync());
        Assert.Contains(expected, page.FieldError(id));
        Assert.Equal(value, page.Value(field));
    }

    [Fact]
    public async Task A_review_date_before_the_start_is_refused()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var fields = (await BlockAsync("Early review")).Set("Input.ReviewDate.Day", "31").Set("Input.ReviewDate.Month", "3").Set("Input.ReviewDate.Year", "2025");

        var page = await client.PostFormAsync("/Contracts/Create?form=Block", fields);

        Assert.Contains("on or after the start date", page.FieldError("Input-ReviewDate"));
    }
}
