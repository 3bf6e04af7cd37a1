using System.Net;
using Commissioning.Domain.Finance;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Finance;

[Collection(SharedApp.Finance)]
public sealed class FundingTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    // As the B&NES contract: from 1 August 2021, so 2021/22 holds 8 months of £707,361.00 a year, £471,574.00.
    private async Task<int> ContractWithAgreedYearAsync()
    {
        var id = await FinanceArrange.ContractAsync(factory, new DateOnly(2021, 8, 1), new DateOnly(2028, 7, 31), 707_361m);
        await FinanceArrange.AgreeAsync(factory, id, 2021, 707_361m);
        return id;
    }

    private static FormFields Lines(params (string Source, string CostCentre, string Amount)[] lines)
    {
        var fields = new FormFields { { "Input.Version", "" } };
        for (var i = 0; i < Math.Max(lines.Length, 6); i++)
        {
            var (source, costCentre, amount) = i < lines.Length ? lines[i] : ("", "", "");
            fields.Add($"Input.Lines[{i}].Source", source);
            fields.Add($"Input.Lines[{i}].CostCentre", costCentre);
            fields.Add($"Input.Lines[{i}].Amount", amount);
        }
        return fields;
    }

    [Fact]
    public async Task Page_shows_the_years_pro_rated_value_and_six_empty_lines()
    {
        var id = await ContractWithAgreedYearAsync();
        var client = await factory.SignedInClientAsync(CommissioningFactory.Finance);

        var page = await client.GetPageAsync($"/Finance/Funding/{id}/2021");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("£471,574.00", Browser.Normalise(page.Find("#year-value")!.TextContent));
        Assert.Contains("£707,361.00 a year", page.Text);
        Assert.Equal(6, page.FindAll("select[name$='.Source']").Count);
        var options = page.FindAll("select[name='Input.Lines[0].Source'] option").Select(o => Browser.Normalise(o.TextContent)).Skip(1);
        Assert.Equal(["Council revenue budget", "Section 75 pooled budget", "Section 117 aftercare", "NHS / ICB contribution", "Other"], options);
        Assert.Null(page.Find("#total-so-far"));
    }

    [Fact]
    public async Task Funding_that_adds_up_is_saved_ignoring_blank_lines_and_can_be_replaced()
    {
        var id = await ContractWithAgreedYearAsync();
        var client = await factory.SignedInClientAsync(CommissioningFactory.Finance);
        var form = Lines(("CouncilRevenue", "kgb70", "400,000.00"), ("", "", ""), ("", "", ""), ("NhsIcbContribution", "", "71574"));

        var save = await client.PostFormAsync($"/Finance/Funding/{id}/2021", form);

        Assert.Equal(HttpStatusCode.Redirect, save.Status);
        Assert.Equal($"/Contracts/Details/{id}#funding", save.Location);
        var plan = await PlanAsync(id, 2021);
        Assert.NotNull(plan);
        Assert.Equal([(FundingSource.CouncilRevenue, "KGB70", 40_000_000L), (FundingSource.NhsIcbContribution, (string?)null, 7_157_400L)],
            plan.Lines.Select(l => (l.Source, l.CostCentre, l.AmountPence)));
        Assert.Contains("Funding for 2021/22 saved", (await client.GetPageAsync(save.Location!)).Text);

        var again = await client.GetPageAsync($"/Finance/Funding/{id}/2021");
        Assert.Equal("400,000.00", again.Value("Input.Lines[0].Amount"));
        Assert.Equal("NhsIcbContribution", again.Value("Input.Lines[1].Source"));
        var replace = again.Form()
            .Set("Input.Lines[1].Amount", "50,000").Set("Input.Lines[2].Source", "Section75PooledBudget").Set("Input.Lines[2].Amount", "21,574.00");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Finance/Funding/{id}/2021", replace)).Status);
        Assert.Equal([40_000_000L, 5_000_000L, 2_157_400L], (await PlanAsync(id, 2021))!.Lines.Select(l => l.AmountPence));
    }

    [Theory]
    [InlineData("71,573.99", "The funding sources add up to £471,573.99, which is £0.01 less than the 2021/22 value of £471,574.00.",
        "Total so far: £471,573.99 of £471,574.00 (£0.01 still to split)")]
    [InlineData("40,932.00", "The funding sources add up to £440,932.00, which is £30,642.00 less than the 2021/22 value of £471,574.00.",
        "Total so far: £440,932.00 of £471,574.00 (£30,642.00 still to split)")]
    [InlineData("71,574.01", "The funding sources add up to £471,574.01, which is £0.01 more than the 2021/22 value of £471,574.00.",
        "Total so far: £471,574.01 of £471,574.00 (£0.01 too much)")]
    public async Task Funding_that_does_not_add_up_says_by_how_much_at_the_first_amount_and_saves_nothing(string second, string message, string total)
    {
        var id = await ContractWithAgreedYearAsync();
        var client = await factory.SignedInClientAsync(CommissioningFactory.Finance);

        var page = await client.PostFormAsync($"/Finance/Funding/{id}/2021",
            Lines(("CouncilRevenue", "KGB70", "400,000.00"), ("Section117Aftercare", "", second)));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(message, page.FieldError("Input-Lines-0-Amount"));
        Assert.Equal([message], page.ErrorSummary);
        Assert.Equal(["Input-Lines-0-Amount"], page.ErrorSummaryTargets);
        Assert.Equal(total, Browser.Normalise(page.Find("#total-so-far")!.TextContent));
        Assert.Equal(second, page.Value("Input.Lines[1].Amount"));
        Assert.Equal("Section117Aftercare", page.Value("Input.Lines[1].Source"));
        Assert.Null(await PlanAsync(id, 2021));
    }

    [Theory]
    [InlineData("CouncilRevenue", "", "471,574.00", "Input-Lines-0-CostCentre", "Enter the cost centre for line 1, like KGB70")]
    [InlineData("Other", "ABCDEFGHIJKLMNOPQRSTU", "471,574.00", "Input-Lines-0-CostCentre", "The cost centre for line 1 must be 20 characters or fewer")]
    [InlineData("", "KGB70", "471,574.00", "Input-Lines-0-Source", "Choose the funding source for line 1")]
    [InlineData("Other", "", "471,574.001", "Input-Lines-0-Amount", "Enter the amount for line 1 to the nearest penny, like 1,234.56")]
    [InlineData("Other", "", "-471,574.00", "Input-Lines-0-Amount", "The amount for line 1 must be £0.00 or more")]
    [InlineData("Other", "", "", "Input-Lines-0-Amount", "Enter the amount for line 1")]
    public async Task Bad_line_is_refused_at_its_field_and_saves_nothing(string source, string costCentre, string amount, string field, string message)
    {
        var id = await ContractWithAgreedYearAsync();
        var client = await factory.SignedInClientAsync(Administrator);

        var page = await client.PostFormAsync($"/Finance/Funding/{id}/2021", Lines((source, costCentre, amount)));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(message, page.FieldError(field));
        Assert.Equal([field], page.ErrorSummaryTargets);
        Assert.Equal(costCentre, page.Value("Input.Lines[0].CostCentre"));
        Assert.Null(await PlanAsync(id, 2021));
    }

    [Fact]
    public async Task Year_without_an_agreed_value_says_to_agree_one_first_shows_no_form_and_a_post_saves_nothing()
    {
        var id = await ContractWithAgreedYearAsync();
        var client = await factory.SignedInClientAsync(CommissioningFactory.Finance);

        var page = await client.GetPageAsync($"/Finance/Funding/{id}/2022");
        var post = await client.PostFormAsync($"/Finance/Funding/{id}/2022", Lines(("Other", "", "1,000.00")), tokenFrom: "/Contracts");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Agree a value for 2022/23 before splitting its funding.", page.Text);
        Assert.Null(page.Find("main form[method='post']"));
        Assert.Equal(HttpStatusCode.OK, post.Status);
        Assert.Contains("Agree a value for 2022/23 before splitting its funding.", post.Text);
        Assert.Null(await PlanAsync(id, 2022));
    }

    [Theory]
    [InlineData("2040")]
    [InlineData("1800")]
    public async Task Year_the_contract_never_reaches_is_not_found(string year)
    {
        var id = await ContractWithAgreedYearAsync();
        var client = await factory.SignedInClientAsync(CommissioningFactory.Finance);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetPageAsync($"/Finance/Funding/{id}/{year}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetPageAsync($"/Finance/Funding/999999/2021")).Status);
    }

    [Fact]
    public async Task Stale_funding_save_is_refused_showing_both_versions_then_saving_again_overwrites_deliberately()
    {
        var id = await ContractWithAgreedYearAsync();
        var first = await factory.SignedInClientAsync(CommissioningFactory.Finance);
        var second = await factory.SignedInClientAsync(Administrator);
        var firstForm = (await first.GetPageAsync($"/Finance/Funding/{id}/2021")).Form();
        var secondForm = (await second.GetPageAsync($"/Finance/Funding/{id}/2021")).Form();

        var saved = await first.PostFormAsync($"/Finance/Funding/{id}/2021",
            firstForm.Set("Input.Lines[0].Source", "CouncilRevenue").Set("Input.Lines[0].CostCentre", "KGB70").Set("Input.Lines[0].Amount", "471,574.00"));
        var clash = await second.PostFormAsync($"/Finance/Funding/{id}/2021",
            secondForm.Set("Input.Lines[0].Source", "Section75PooledBudget").Set("Input.Lines[0].Amount", "471,574.00"));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(HttpStatusCode.OK, clash.Status);
        Assert.Equal(["The funding for 2021/22 was changed by someone else after you opened it. Nothing has been saved."], clash.ErrorSummary);
        var differences = Contracts.CreateTests.TableRows(clash, "Where the two versions differ");
        Assert.Contains(differences, r => r.SequenceEqual(["Funding sources", "Section 75 pooled budget £471,574.00", "Council revenue budget KGB70 £471,574.00"]));
        Assert.Equal(FundingSource.CouncilRevenue, Assert.Single((await PlanAsync(id, 2021))!.Lines).Source);
        var retry = clash.Form();
        Assert.Equal("Section75PooledBudget", retry["Input.Lines[0].Source"]);

        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFormAsync($"/Finance/Funding/{id}/2021", retry)).Status);
        Assert.Equal(FundingSource.Section75PooledBudget, Assert.Single((await PlanAsync(id, 2021))!.Lines).Source);
    }

    [Theory]
    [InlineData(CommissioningFactory.Finance, true)]
    [InlineData(Administrator, true)]
    [InlineData(Commissioner, false)]
    [InlineData(Secretary, false)]
    [InlineData(Viewer, false)]
    public async Task Funding_is_split_only_by_finance_officers_and_administrators(string user, bool allowed)
    {
        var id = await ContractWithAgreedYearAsync();
        var client = await factory.SignedInClientAsync(user);

        var page = await client.GetPageAsync($"/Finance/Funding/{id}/2021");
        var post = await client.PostFormAsync($"/Finance/Funding/{id}/2021", Lines(("Other", "", "471,574.00")), tokenFrom: "/Contracts");

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(HttpStatusCode.Redirect, post.Status);
            Assert.NotNull(await PlanAsync(id, 2021));
        }
        else
        {
            foreach (var refused in new[] { page, post })
            {
                Assert.Equal(HttpStatusCode.Redirect, refused.Status);
                Assert.StartsWith("/Account/AccessDenied", refused.Location);
            }
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetPageAsync(page.Location!)).Status);
            Assert.Null(await PlanAsync(id, 2021));
        }
    }

    private async Task<FundingPlan?> PlanAsync(int contractId, int year)
    {
        await using var scope = factory.OpenDb();
        return await scope.Db.FundingPlans.AsNoTracking().SingleOrDefaultAsync(f => f.ContractId == contractId && f.FinancialYearStart == year);
    }
}
