using System.Globalization;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Publishing;
using Commissioning.Web.Pages.Publish;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Web.Tests.Pages.Publish;

/// <summary>
/// "The demo's five papers' contracts appear in the quarter files exactly as the register holds them": each paper's
/// contract, in the quarter it started, has the row the register's own record gives, field by field.
/// </summary>
[Collection(SharedApp.Register)]
public sealed class DemoPapersPublishTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    public static TheoryData<string> PaperContracts =>
        ["SC-2015-0001", "SC-2021-0001", "SC-2021-0002", "SC-2016-0001", "SC-2016-0002", "SC-2021-0003", "SC-2014-0001", "SC-2017-0001"];

    [Theory]
    [MemberData(nameof(PaperContracts))]
    public async Task A_paper_contract_is_published_as_the_register_holds_it(string reference)
    {
        Contract c;
        string directorate, supplier;
        await using (var scope = factory.OpenDb())
        {
            c = await scope.Db.Contracts.AsNoTracking().SingleAsync(x => x.Reference == reference);
            directorate = await scope.Db.Directorates.Where(d => d.Id == c.DirectorateId).Select(d => d.Name).SingleAsync();
            supplier = await scope.Db.Providers.Where(p => p.Id == c.ProviderId).Select(p => p.Name).SingleAsync();
        }
        var quarter = Quarter.Containing(c.StartDate);
        var client = await factory.SignedInClientAsync(CommissioningFactory.Finance);

        var text = await client.GetStringAsync($"/Publish?handler=Export&quarter={quarter.Key}&format=csv");

        var rows = PublishFiles.ParseCsv(text.TrimStart('\uFEFF'));
        Assert.Equal(ContractsFile.Headings, rows[0]);
        var row = Assert.Single(PublishFiles.Records(rows), r => r["Contract Reference"] == reference);
        string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(c.Title, row["Title"]);
        Assert.Equal(c.Description ?? "", row["Description"]);
        Assert.Equal(directorate, row["Department Responsible"]);
        Assert.Equal(supplier, row["Supplier Name"]);
        Assert.Equal(D(c.StartDate), row["Start Date"]);
        Assert.Equal(D(c.TerminatedOn is { } t && t < c.CurrentEndDate ? t : c.CurrentEndDate), row["End Date"]);
        Assert.Equal(c.AnnualValue!.Value.Amount.ToString("0.00", CultureInfo.InvariantCulture), row["Annual Value"]);
        Assert.Equal(D(c.AwardedOn!.Value), row["Award Date"]);
        Assert.Equal(ContractsFile.LetBy(c.ProcurementRoute), row["Procurement Type"]);
        Assert.Equal(c.ExtensionOptions.Count > 0 ? D(c.MaximumEndDate) : "", row["Last Extension Date"]);
        Assert.Equal(Withholding.Note(c.Confidentiality) ?? "", row["Notes"]);

        // The value over the term is the total the contract's own page shows (agreed years as agreed, the rest
        // projected), not the opening annual value times the term: Persona's reductions make the two differ by £13.5m.
        if (c.Form == CommissioningForm.Spot)
        {
            Assert.Equal("", row["Value"]); // a spot contract fixes no sum: its estimated annual spend is the Annual Value
            return;
        }
        var details = await client.GetPageAsync($"/Contracts/Details/{c.Id}");
        var pageTotal = Browser.Normalise(details.FindAll("#values-total").Single().TextContent);
        var fileValue = decimal.Parse(row["Value"], CultureInfo.InvariantCulture);
        Assert.Equal(pageTotal, Domain.Common.Money.Pounds(fileValue).ToString());
    }
}
