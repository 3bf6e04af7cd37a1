using System.Globalization;
using System.Net;
using Commissioning.Domain.Contracts;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Contracts;

/// <summary>Each commissioning form added through its Create page, read back from the database and the contract page.</summary>
[Collection(SharedApp.Contracts)]
public sealed class CreateTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    private static readonly DateOnly Start = new(2024, 4, 1);
    private static readonly DateOnly End = new(2027, 3, 31);

    [Fact]
    public async Task Create_page_without_a_form_asks_which_commissioning_form_it_is()
    {
        var client = await factory.SignedInClientAsync(Commissioner);

        var page = await client.GetPageAsync("/Contracts/Create");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var choices = page.FindAll("input[name='form'][type='radio']").Select(r => r.GetAttribute("value") ?? "").ToList();
        Assert.Equal(Enum.GetNames<CommissioningForm>(), choices);
    }

    [Theory]
    [InlineData("Block", "Provider and annual sum")]
    [InlineData("Spot", "Provider and rates")]
    [InlineData("LeadProvider", "Lead provider and sub-contracts")]
    [InlineData("Consortium", "Consortium members")]
    public async Task Create_page_for_a_form_shows_that_forms_own_section(string form, string heading)
    {
        var client = await factory.SignedInClientAsync(Commissioner);

        var page = await client.GetPageAsync($"/Contracts/Create?form={form}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(heading, page.FindAll("h2").Select(h => Browser.Normalise(h.TextContent)));
        if (form == "Consortium")
        {
            // A new consortium starts with room for its two members.
            Assert.NotNull(page.Find("#Input-Members-0-ProviderId"));
            Assert.NotNull(page.Find("#Input-Members-1-ProviderId"));
            Assert.Null(page.Find("#Input-ProviderId"));
        }
        else
            Assert.NotNull(page.Find("#Input-ProviderId"));
    }

    [Fact]
    public async Task Block_contract_gets_the_next_reference_for_its_start_year_and_its_annual_sum_to_the_penny()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var provider = await factory.ProviderIdAsync("Riverside Day Opportunities");
        var expectedReference = await NextReferenceAsync(Start.Year);
        var before = await factory.ContractCountAsync();

        var id = await ContractInput.CreateAsync(client, "Block",
            ContractInput.Block("Day opportunities – Riverside block", provider, "1,234,567.89", Start, End, awarded: new DateOnly(2024, 3, 1)));

        Assert.Equal(before + 1, await factory.ContractCountAsync());
        await using (var scope = factory.OpenDb())
        {
            var saved = Assert.IsType<BlockContract>(await scope.Db.Contracts.AsNoTracking().SingleAsync(c => c.Id == id));
            Assert.Equal(expectedReference, saved.Reference);
            Assert.Equal(123456789L, saved.AnnualValuePence);
            Assert.Equal(provider, saved.ProviderId);
            Assert.Equal(Start, saved.StartDate);
            Assert.Equal(End, saved.InitialEndDate);
            Assert.Equal(new DateOnly(2024, 3, 1), saved.AwardedOn);
            Assert.Equal(ServiceCategory.SupportedLiving, saved.ServiceCategory);
            Assert.Equal(ProcurementRoute.OpenTender, saved.ProcurementRoute);
            Assert.Equal(NameOf(Commissioner), saved.CreatedBy);
            Assert.Equal(await scope.Db.Users.Where(u => u.Email == Commissioner).Select(u => u.Id).SingleAsync(), saved.CreatedById);
        }
        var details = await client.GetPageAsync($"/Contracts/Details/{id}");
        Assert.Equal(HttpStatusCode.OK, details.Status);
        Assert.Contains($"Contract {expectedReference} added", details.Text);
        Assert.Contains("£1,234,567.89", details.Text);
        Assert.Contains("Riverside Day Opportunities", details.Text);
        Assert.Contains("Block contract", details.Text);
    }

    [Fact]
    public async Task Typed_reference_is_kept_in_capitals_and_a_taken_reference_is_refused()
    {
        var client = await factory.SignedInClientAsync(Administrator);
        var provider = await factory.ProviderIdAsync("Riverside Day Opportunities");
        var reference = "LOCAL/" + Guid.NewGuid().ToString("N")[..8];
        var fields = ContractInput.Block("Typed reference", provider, "10.00", Start, End);
        fields.Set("Input.Reference", reference.ToLowerInvariant());

        var id = await ContractInput.CreateAsync(client, "Block", fields);
        var before = await factory.ContractCountAsync();
        var again = await client.PostFormAsync("/Contracts/Create?form=Block", fields);

        await using var scope = factory.OpenDb();
        Assert.Equal(reference.ToUpperInvariant(), await scope.Db.Contracts.Where(c => c.Id == id).Select(c => c.Reference).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("is already used by", again.FieldError("Input-Reference"));
        Assert.Equal(before, await factory.ContractCountAsync());
    }

    [Fact]
    public async Task Spot_contract_keeps_its_rate_card_and_the_contract_page_lists_it()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var provider = await factory.ProviderIdAsync("Irwell Supported Living Ltd");

        var id = await ContractInput.CreateAsync(client, "Spot",
            ContractInput.Spot("Spot home care – Irwell", provider, Start, End,
                ("Home care visits", "Hour", "18.45"), ("Overnight support", "Night", "1,102.30")));

        await using (var scope = factory.OpenDb())
        {
            var saved = Assert.IsType<SpotContract>(await scope.Db.Contracts.AsNoTracking().SingleAsync(c => c.Id == id));
            Assert.Null(saved.AnnualValuePence);
            Assert.Collection(saved.RateCard,
                l => Assert.Equal(("Home care visits", RateUnit.Hour, 1845L), (l.Service, l.Unit, l.UnitRatePence)),
                l => Assert.Equal(("Overnight support", RateUnit.Night, 110230L), (l.Service, l.Unit, l.UnitRatePence)));
        }
        var details = await client.GetPageAsync($"/Contracts/Details/{id}");
        var rates = TableRows(details, "Rate card");
        string[][] expected = [["Home care visits", "per hour", "£18.45"], ["Overnight support", "per night", "£1,102.30"]];
        Assert.Equal(expected, rates);
        Assert.Contains("Not estimated", details.Text);
    }

    [Fact]
    public async Task Lead_provider_contract_keeps_its_sub_contracts_and_the_contract_page_lists_them()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var lead = await factory.ProviderIdAsync("Northern Care Alliance NHS Foundation Trust");
        var sub1 = await factory.ProviderIdAsync("Community Connect Advocacy");
        var sub2 = await factory.ProviderIdAsync("Bury GP Federation");

        var id = await ContractInput.CreateAsync(client, "LeadProvider",
            ContractInput.LeadProvider("Integrated neighbourhood care – lead provider", lead, "500,000.00", Start, End,
                (sub1, "Advocacy for people leaving hospital", "120,000.50"), (sub2, "GP input to discharge", "79,999.49")));

        await using (var scope = factory.OpenDb())
        {
            var saved = Assert.IsType<LeadProviderContract>(await scope.Db.Contracts.AsNoTracking().SingleAsync(c => c.Id == id));
            Assert.Equal(lead, saved.ProviderId);
            Assert.Equal(50000000L, saved.AnnualValuePence);
            Assert.Equal(new[] { (sub1, 12000050L), (sub2, 7999949L) }, saved.SubContracts.Select(s => (s.ProviderId, s.AnnualValuePence)));
        }
        var details = await client.GetPageAsync($"/Contracts/Details/{id}");
        var rows = TableRows(details, "Sub-contracts held by the lead provider");
        string[][] expected =
        [
            ["Community Connect Advocacy", "Advocacy for people leaving hospital", "£120,000.50"],
            ["Bury GP Federation", "GP input to discharge", "£79,999.49"],
            ["Sub-contracted in total", "£199,999.99"],
            ["Delivered by the lead provider itself", "£300,000.01"],
        ];
        Assert.Equal(expected, rows);
        Assert.Contains("Northern Care Alliance NHS Foundation Trust", details.Text);
    }

    [Fact]
    public async Task Consortium_contract_keeps_its_members_and_lead_and_the_contract_page_lists_them()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var a = await factory.ProviderIdAsync("Avon Specialist Support Ltd");
        var b = await factory.ProviderIdAsync("Bath Mental Health Housing Association");
        var c = await factory.ProviderIdAsync("Welland Community Care CIC");

        var id = await ContractInput.CreateAsync(client, "Consortium",
            ContractInput.Consortium("Mental health support – consortium", "707,361.00", Start, End,
                (a, "Specialist independence at home", false), (b, "Supported living", true), (c, "Community outreach", false)));

        await using (var scope = factory.OpenDb())
        {
            var saved = Assert.IsType<ConsortiumContract>(await scope.Db.Contracts.AsNoTracking().SingleAsync(x => x.Id == id));
            Assert.Equal(b, saved.ProviderId);
            Assert.Equal(70736100L, saved.AnnualValuePence);
            Assert.Equal(new[] { (a, false), (b, true), (c, false) }, saved.Members.Select(m => (m.ProviderId, m.IsLead)));
        }
        var details = await client.GetPageAsync($"/Contracts/Details/{id}");
        var rows = TableRows(details, "Consortium members");
        string[][] expected =
        [
            ["Avon Specialist Support Ltd", "Specialist independence at home", ""],
            ["Bath Mental Health Housing Association", "Supported living", "Lead member"],
            ["Welland Community Care CIC", "Community outreach", ""],
        ];
        Assert.Equal(expected, rows);
        Assert.Contains("£707,361.00", details.Text);
    }

    [Fact]
    public async Task Add_another_line_posts_back_with_a_spare_row_and_saves_nothing()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var a = await factory.ProviderIdAsync("Avon Specialist Support Ltd");
        var fields = ContractInput.Consortium("Not yet", "1.00", Start, End, (a, "First", true));
        fields.Add("section", "Members");
        var before = await factory.ContractCountAsync();

        var page = await client.PostFormAsync("/Contracts/Create?form=Consortium&handler=AddRow", fields, tokenFrom: "/Contracts/Create?form=Consortium");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.ErrorSummary);
        Assert.Equal(ContractInput.S(a), page.Value("Input.Members[0].ProviderId"));
        Assert.Equal("First", page.Value("Input.Members[0].Role"));
        Assert.NotNull(page.Find("#Input-Members-1-ProviderId"));
        Assert.NotNull(page.Find("#Input-Members-2-ProviderId"));
        Assert.Equal(before, await factory.ContractCountAsync());
    }

    /// <summary>The cells of each body row of the table with this caption (header cells included).</summary>
    internal static List<string[]> TableRows(HtmlPage page, string captionStartsWith)
    {
        var table = page.FindAll("table").FirstOrDefault(t =>
            Browser.Normalise(t.QuerySelector("caption")?.TextContent).StartsWith(captionStartsWith, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No table captioned '{captionStartsWith}' on the page");
        return table.QuerySelectorAll("tbody tr")
            .Select(tr => tr.Children.Select(td => Browser.Normalise(td.TextContent)).ToArray()).ToList();
    }

    private async Task<string> NextReferenceAsync(int year)
    {
        var prefix = $"SC-{year}-";
        await using var scope = factory.OpenDb();
        var taken = await scope.Db.Contracts.Where(c => c.Reference.StartsWith(prefix)).Select(c => c.Reference).ToListAsync();
        var highest = taken.Select(r => int.TryParse(r[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        return $"{prefix}{highest + 1:0000}";
    }
}
