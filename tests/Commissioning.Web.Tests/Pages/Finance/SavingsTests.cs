using System.Net;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Finance;

[Collection(SharedApp.Finance)]
public sealed class SavingsTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    // A contract of its own for each test, let at £100,000 a year: the demo's finance data is not relied on.
    private static readonly DateOnly Start = new(2021, 4, 1), End = new(2024, 3, 31);

    private static FormFields Valid(string year = "2021", string amount = "25,000.00", string kind = "CashableReduction") => new()
    {
        { "Input.Year", year },
        { "Input.Amount", amount },
        { "Input.Kind", kind },
        { "Input.Description", "Remodel the night support" },
        { "Input.Owner", "Julie Gonda" },
        { "Input.Delivered", "" },
    };

    [Fact]
    public async Task Create_page_offers_the_years_of_the_maximum_term_and_the_two_kinds_with_their_hints()
    {
        var id = await FinanceArrange.ContractAsync(factory, Start, End, 100_000m);
        var client = await factory.SignedInClientAsync(Commissioner);

        var page = await client.GetPageAsync($"/Finance/Savings/Create/{id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var years = page.FindAll("select[name='Input.Year'] option").Select(o => Browser.Normalise(o.TextContent)).Skip(1);
        Assert.Equal(["2021/22", "2022/23", "2023/24"], years);
        string Text(string selector) => Browser.Normalise(page.Find(selector)!.TextContent);
        Assert.Equal("Type of saving", Text("legend"));
        Assert.Equal(("Cashable reduction of the baseline", "Lowers the contract's value from this year on, every later year too"),
            (Text("label[for='Input-Kind']"), Text("#Input-Kind-item-hint")));
        Assert.Equal(("Cost avoidance", "Spend avoided; the contract's value is unchanged"),
            (Text("label[for='Input-Kind-CostAvoidance']"), Text("#Input-Kind-CostAvoidance-item-hint")));
        Assert.Equal(("Amount delivered", "Leave blank until the year's delivery is known"), (Text("label[for='Input-Delivered']"), Text("#Input-Delivered-hint")));
        Assert.Equal(["Financial year", "Amount", "Description", "Owner", "Amount delivered"],
            page.FindAll("main form label.govuk-label:not(.govuk-radios__label)").Select(l => Browser.Normalise(l.TextContent)));
    }

    [Theory]
    [InlineData(Commissioner)]
    [InlineData(CommissioningFactory.Finance)]
    public async Task Savings_target_is_created_and_the_contract_page_says_so(string user)
    {
        var id = await FinanceArrange.ContractAsync(factory, Start, End, 100_000m);
        var client = await factory.SignedInClientAsync(user);

        var save = await client.PostFormAsync($"/Finance/Savings/Create/{id}", Valid(year: "2022", amount: "£25,000.00"));

        Assert.Equal(HttpStatusCode.Redirect, save.Status);
        Assert.Equal($"/Contracts/Details/{id}#savings", save.Location);
        var target = Assert.Single(await TargetsAsync(id));
        Assert.Equal((2022, 2_500_000L, SavingsKind.CashableReduction, "Remodel the night support", "Julie Gonda", (long?)null, NameOf(user)),
            (target.FinancialYearStart, target.AmountPence, target.Kind, target.Description, target.Owner, target.DeliveredPence, target.CreatedBy));
        Assert.Contains("Savings target of £25,000.00 for 2022/23 added", (await client.GetPageAsync(save.Location!)).Text);
    }

    [Fact]
    public async Task Cashable_saving_larger_than_the_years_value_is_refused_at_the_amount_and_nothing_is_saved()
    {
        var id = await FinanceArrange.ContractAsync(factory, Start, End, 100_000m);
        var client = await factory.SignedInClientAsync(Commissioner);

        var page = await client.PostFormAsync($"/Finance/Savings/Create/{id}", Valid(amount: "100,000.01"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        const string message = "Savings of £100,000.01 in 2021/22 would be more than the contract's value for the year, £100,000.00.";
        Assert.Equal(message, page.FieldError("Input-Amount"));
        Assert.Equal([message], page.ErrorSummary);
        Assert.Equal(["Input-Amount"], page.ErrorSummaryTargets);
        Assert.Equal("100,000.01", page.Value("Input.Amount"));
        Assert.Equal("2021", page.Value("Input.Year"));
        Assert.Empty(await TargetsAsync(id));
    }

    [Fact]
    public async Task Other_cashable_targets_of_the_year_count_against_the_value_but_cost_avoidance_does_not()
    {
        var id = await FinanceArrange.ContractAsync(factory, Start, End, 100_000m);
        await FinanceArrange.TargetAsync(factory, id, 2021, 30_000m, SavingsKind.CashableReduction);
        await FinanceArrange.TargetAsync(factory, id, 2021, 500_000m, SavingsKind.CostAvoidance);
        var client = await factory.SignedInClientAsync(CommissioningFactory.Finance);

        var tooMuch = await client.PostFormAsync($"/Finance/Savings/Create/{id}", Valid(amount: "70,000.01"));
        var avoided = await client.PostFormAsync($"/Finance/Savings/Create/{id}", Valid(amount: "2,000,000", kind: "CostAvoidance"));
        var exact = await client.PostFormAsync($"/Finance/Savings/Create/{id}", Valid(amount: "70,000"));

        Assert.Equal("Savings of £70,000.01 in 2021/22 would be more than the contract's value for the year, £70,000.00.", tooMuch.FieldError("Input-Amount"));
        Assert.Equal(HttpStatusCode.Redirect, avoided.Status);
        Assert.Equal(HttpStatusCode.Redirect, exact.Status);
        Assert.Equal(4, (await TargetsAsync(id)).Count);
    }

    [Fact]
    public async Task Cashable_saving_in_a_later_year_is_measured_against_the_value_after_earlier_reductions()
    {
        var id = await FinanceArrange.ContractAsync(factory, Start, End, 100_000m);
        await FinanceArrange.TargetAsync(factory, id, 2021, 40_000m, SavingsKind.CashableReduction);
        var client = await factory.SignedInClientAsync(Commissioner);

        var page = await client.PostFormAsync($"/Finance/Savings/Create/{id}", Valid(year: "2022", amount: "60,000.01"));

        Assert.Equal("Savings of £60,000.01 in 2022/23 would be more than the contract's value for the year, £60,000.00.", page.FieldError("Input-Amount"));
        Assert.Single(await TargetsAsync(id));
    }

    [Theory]
    [InlineData("", "Enter the amount")]
    [InlineData("-5", "The amount must be £0.00 or more")]
    [InlineData("12.345", "Enter the amount to the nearest penny, like 1,234.56")]
    [InlineData("10,000,000,001", "The amount must be less than £10,000,000,000")]
    [InlineData("twelve", "Enter the amount in pounds and pence, like 12,393,408.00")]
    [InlineData("0.00", "The amount must be more than £0.00")]
    public async Task Bad_amount_is_refused_at_the_field_kept_as_typed_and_nothing_is_saved(string typed, string message)
    {
        var id = await FinanceArrange.ContractAsync(factory, Start, End, 100_000m);
        var client = await factory.SignedInClientAsync(Commissioner);

        var page = await client.PostFormAsync($"/Finance/Savings/Create/{id}", Valid(amount: typed));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(message, page.FieldError("Input-Amount"));
        Assert.Equal([message], page.ErrorSummary);
        Assert.Equal(typed, page.Value("Input.Amount"));
        Assert.Empty(await TargetsAsync(id));
    }

    [Theory]
    [InlineData("-1", "The amount delivered must be £0.00 or more")]
    [InlineData("1.001", "Enter the amount delivered to the nearest penny, like 1,234.56")]
    public async Task Bad_amount_delivered_is_refused_at_its_field(string typed, string message)
    {
        var id = await FinanceArrange.ContractAsync(factory, Start, End, 100_000m);
        var client = await factory.SignedInClientAsync(Commissioner);

        var page = await client.PostFormAsync($"/Finance/Savings/Create/{id}", Valid().Set("Input.Delivered", typed));

        Assert.Equal(message, page.FieldError("Input-Delivered"));
        Assert.Equal(["Input-Delivered"], page.ErrorSummaryTargets);
        Assert.Equal(typed, page.Value("Input.Delivered"));
        Assert.Empty(await TargetsAsync(id));
    }

    [Fact]
    public async Task Missing_description_year_and_type_are_each_shown_at_their_field_in_page_order()
    {
        var id = await FinanceArrange.ContractAsync(factory, Start, End, 100_000m);
        var client = await factory.SignedInClientAsync(Commissioner);

        var page = await client.PostFormAsync($"/Finance/Savings/Create/{id}",
            Valid().Set("Input.Year", "").Set("Input.Description", "   ").Remove("Input.Kind"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Choose the financial year", page.FieldError("Input-Year"));
        Assert.Equal("Choose the type of saving", page.FieldError("Input-Kind"));
        Assert.Equal("Enter a description of the saving", page.FieldError("Input-Description"));
        Assert.Equal(["Input-Year", "Input-Kind", "Input-Description"], page.ErrorSummaryTargets);
        Assert.Equal("25,000.00", page.Value("Input.Amount"));
        Assert.Equal("Julie Gonda", page.Value("Input.Owner"));
        Assert.Empty(await TargetsAsync(id));
    }

    [Fact]
    public async Task Year_outside_the_maximum_term_is_refused()
    {
        var id = await FinanceArrange.ContractAsync(factory, Start, End, 100_000m);
        var client = await factory.SignedInClientAsync(Commissioner);

        var page = await client.PostFormAsync($"/Finance/Savings/Create/{id}", Valid(year: "2030"));

        Assert.Equal("Choose the financial year", page.FieldError("Input-Year"));
        Assert.Empty(await TargetsAsync(id));
    }

    [Fact]
    public async Task Edit_records_delivery_and_shows_the_rag_status_with_its_explanation()
    {
        var id = await FinanceArrange.ContractAsync(factory, Start, End, 100_000m);
        var targetId = await FinanceArrange.TargetAsync(factory, id, 2021, 1_000m, SavingsKind.CashableReduction);
        var client = await factory.SignedInClientAsync(CommissioningFactory.Finance);
        var before = await client.GetPageAsync($"/Finance/Savings/Edit/{targetId}");
        Assert.Equal("Not reported", Browser.Normalise(before.Find("#rag")!.TextContent));
        Assert.Equal(SavingsRag.Explanation, Browser.Normalise(before.Find("#rag-explanation")!.TextContent));
        Assert.Null(before.Find("select[name='Input.Year']"));
        Assert.Contains("Savings target for 2021/22", before.Text);

        var save = await client.PostFormAsync($"/Finance/Savings/Edit/{targetId}",
            before.Form().Set("Input.Delivered", "750").Set("Input.Owner", "Head of commissioning"));

        Assert.Equal(HttpStatusCode.Redirect, save.Status);
        Assert.Equal($"/Contracts/Details/{id}#savings", save.Location);
        var target = Assert.Single(await TargetsAsync(id));
        Assert.Equal((75_000L, "Head of commissioning", Rag.Amber, NameOf(CommissioningFactory.Finance)), (target.DeliveredPence, target.Owner, target.Rag, target.UpdatedBy));
        var after = await client.GetPageAsync($"/Finance/Savings/Edit/{targetId}");
        Assert.Equal("Amber", Browser.Normalise(after.Find("#rag")!.TextContent));
        Assert.Equal("750.00", after.Value("Input.Delivered"));
    }

    [Fact]
    public async Task Edit_measures_a_cashable_saving_against_the_value_without_counting_itself()
    {
        var id = await FinanceArrange.ContractAsync(factory, Start, End, 100_000m);
        var targetId = await FinanceArrange.TargetAsync(factory, id, 2021, 60_000m, SavingsKind.CashableReduction);
        await FinanceArrange.TargetAsync(factory, id, 2021, 30_000m, SavingsKind.CashableReduction);
        var client = await factory.SignedInClientAsync(Commissioner);
        var form = (await client.GetPageAsync($"/Finance/Savings/Edit/{targetId}")).Form();

        var tooMuch = await client.PostFormAsync($"/Finance/Savings/Edit/{targetId}", form.Set("Input.Amount", "70,000.01"));
        var exact = await client.PostFormAsync($"/Finance/Savings/Edit/{targetId}", form.Set("Input.Amount", "70,000.00"));

        Assert.Equal("Savings of £70,000.01 in 2021/22 would be more than the contract's value for the year, £70,000.00.", tooMuch.FieldError("Input-Amount"));
        Assert.Equal(HttpStatusCode.Redirect, exact.Status);
        Assert.Contains(await TargetsAsync(id), t => t.Id == targetId && t.AmountPence == 7_000_000);
    }

    [Fact]
    public async Task Edit_with_a_missing_description_is_refused_and_changes_nothing()
    {
        var id = await FinanceArrange.ContractAsync(factory, Start, End, 100_000m);
        var targetId = await FinanceArrange.TargetAsync(factory, id, 2021, 1_000m, SavingsKind.CostAvoidance);
        var client = await factory.SignedInClientAsync(Commissioner);
        var form = (await client.GetPageAsync($"/Finance/Savings/Edit/{targetId}")).Form();

        var page = await client.PostFormAsync($"/Finance/Savings/Edit/{targetId}", form.Set("Input.Description", "").Set("Input.Amount", "2,000"));

        Assert.Equal("Enter a description of the saving", page.FieldError("Input-Description"));
        Assert.Equal("2,000", page.Value("Input.Amount"));
        var target = Assert.Single(await TargetsAsync(id));
        Assert.Equal((100_000L, "Test saving"), (target.AmountPence, target.Description));
    }

    [Fact]
    public async Task Stale_savings_edit_is_refused_showing_both_versions_then_saving_again_overwrites_deliberately()
    {
        var id = await FinanceArrange.ContractAsync(factory, Start, End, 100_000m);
        var targetId = await FinanceArrange.TargetAsync(factory, id, 2021, 1_000m, SavingsKind.CashableReduction);
        var first = await factory.SignedInClientAsync(Commissioner);
        var second = await factory.SignedInClientAsync(CommissioningFactory.Finance);
        var firstForm = (await first.GetPageAsync($"/Finance/Savings/Edit/{targetId}")).Form();
        var secondForm = (await second.GetPageAsync($"/Finance/Savings/Edit/{targetId}")).Form();

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync($"/Finance/Savings/Edit/{targetId}", firstForm.Set("Input.Delivered", "900"))).Status);
        var clash = await second.PostFormAsync($"/Finance/Savings/Edit/{targetId}", secondForm.Set("Input.Delivered", "1,000"));

        Assert.Equal(HttpStatusCode.OK, clash.Status);
        Assert.Contains("This savings target was changed by someone else", clash.Text);
        Assert.Equal(["This savings target was changed by someone else after you opened it. Nothing has been saved."], clash.ErrorSummary);
        var differences = Contracts.CreateTests.TableRows(clash, "Where the two versions differ");
        Assert.Contains(differences, r => r.SequenceEqual(["Amount delivered", "£1,000.00", "£900.00"]));
        Assert.Equal(90_000L, Assert.Single(await TargetsAsync(id)).DeliveredPence);
        var retry = clash.Form();
        Assert.Equal("1,000", retry["Input.Delivered"]);

        var overwrite = await second.PostFormAsync($"/Finance/Savings/Edit/{targetId}", retry);

        Assert.Equal(HttpStatusCode.Redirect, overwrite.Status);
        Assert.Equal(100_000L, Assert.Single(await TargetsAsync(id)).DeliveredPence);
    }

    [Theory]
    [InlineData(Viewer)]
    [InlineData(Secretary)]
    public async Task Savings_pages_are_refused_to_roles_without_savings_rights_and_their_posts_save_nothing(string user)
    {
        var id = await FinanceArrange.ContractAsync(factory, Start, End, 100_000m);
        var targetId = await FinanceArrange.TargetAsync(factory, id, 2021, 1_000m, SavingsKind.CashableReduction);
        var editorForm = (await (await factory.SignedInClientAsync(Commissioner)).GetPageAsync($"/Finance/Savings/Edit/{targetId}")).Form().Remove(Browser.TokenName);
        var client = await factory.SignedInClientAsync(user);

        var getCreate = await client.GetPageAsync($"/Finance/Savings/Create/{id}");
        var getEdit = await client.GetPageAsync($"/Finance/Savings/Edit/{targetId}");
        var postCreate = await client.PostFormAsync($"/Finance/Savings/Create/{id}", Valid(), tokenFrom: "/Contracts");
        var postEdit = await client.PostFormAsync($"/Finance/Savings/Edit/{targetId}", editorForm.Set("Input.Amount", "5"), tokenFrom: "/Contracts");

        foreach (var page in new[] { getCreate, getEdit, postCreate, postEdit })
        {
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.StartsWith("/Account/AccessDenied", page.Location);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetPageAsync(getCreate.Location!)).Status);
        Assert.Equal(100_000L, Assert.Single(await TargetsAsync(id)).AmountPence);
    }

    [Fact]
    public async Task Unknown_contract_or_target_is_not_found()
    {
        var client = await factory.SignedInClientAsync(Commissioner);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetPageAsync("/Finance/Savings/Create/999999")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetPageAsync("/Finance/Savings/Edit/999999")).Status);
    }

    private async Task<List<SavingsTarget>> TargetsAsync(int contractId)
    {
        await using var scope = factory.OpenDb();
        return await scope.Db.SavingsTargets.AsNoTracking().Where(s => s.ContractId == contractId).OrderBy(s => s.Id).ToListAsync();
    }
}

/// <summary>Finance rows arranged straight in the database, on contracts made for the test.</summary>
internal static class FinanceArrange
{
    public static async Task<int> ContractAsync(CommissioningFactory factory, DateOnly start, DateOnly end, decimal annual)
    {
        await using var scope = factory.OpenDb();
        var providerId = await scope.Db.Providers.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var contract = new BlockContract(providerId, Money.Pounds(annual));
        contract.Describe(new ContractDescription("FT-" + Guid.NewGuid().ToString("N")[..12], "Finance test contract", null,
            ServiceCategory.SupportedLiving, await scope.Db.DirectorateIdAsync("Adult Social Care"), ResponsibleCommissioner.Historic("Test Commissioner"),
            ProcurementRoute.OpenTender, false, Confidentiality.Open));
        contract.SetTerm(new ContractTerm(start, end, [], 3));
        scope.Db.Contracts.Add(contract);
        await scope.Db.SaveChangesAsync();
        return contract.Id;
    }

    public static async Task<int> TargetAsync(CommissioningFactory factory, int contractId, int year, decimal amount, SavingsKind kind)
    {
        await using var scope = factory.OpenDb();
        var target = new SavingsTarget(contractId, new FinancialYear(year), new SavingsDetails(Money.Pounds(amount), kind, "Test saving", null, null));
        scope.Db.SavingsTargets.Add(target);
        await scope.Db.SaveChangesAsync();
        return target.Id;
    }

    /// <summary>A value proposed by one person and agreed by another, as the segregation rule requires.</summary>
    public static async Task AgreeAsync(CommissioningFactory factory, int contractId, int year, decimal annual)
    {
        await using var scope = factory.OpenDb();
        var contract = await scope.Db.Contracts.SingleAsync(c => c.Id == contractId);
        var review = AnnualValueReview.Propose(contractId, contract.CurrentTerm, new FinancialYear(year), Money.Pounds(annual), ReviewFactors.None,
            "Agreed for a test.", new YearPosition(null, Money.Zero, Money.Zero), new Actor("proposer", "Proposer"), DateTime.UtcNow);
        review.Agree(new Actor("agreer", "Agreer"), DateTime.UtcNow, null, null);
        scope.Db.AnnualValueReviews.Add(review);
        await scope.Db.SaveChangesAsync();
    }
}
