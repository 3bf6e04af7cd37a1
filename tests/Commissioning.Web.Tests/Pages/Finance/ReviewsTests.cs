using System.Net;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Finance;

/// <summary>
/// The yearly review through its pages: a commissioner proposes, a finance officer who did not
/// propose agrees or returns, and an agreed value is never changed, only superseded. Each test
/// makes its own contract, 1 August 2030 to 31 July 2033 at £150,000.00 a year, so 2030/31 is
/// 8 of 12 months.
/// </summary>
[Collection(SharedApp.Finance)]
public sealed class ReviewsTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    private const string SegregationMessage = "You proposed this value, so someone else must agree it (segregation of duties).";

    private async Task<int> ContractAsync()
    {
        var provider = await factory.ProviderIdAsync("Riverside Day Opportunities");
        return await FinanceSeed.ContractAsync(factory, new BlockContract(provider, Money.Pounds(150_000m)), "RV",
            ServiceCategory.DayServices, "Adult Social Care", new DateOnly(2030, 8, 1), new DateOnly(2033, 7, 31));
    }

    private static FormFields Proposal(HtmlPage create, string value, string narrative = "Outcomes met; inflation uplift as budgeted.") =>
        create.Form().Set("Input.ProposedValue", value).Set("Input.Narrative", narrative);

    /// <summary>Opens the review page for a year and proposes <paramref name="value"/>; returns the new review's id.</summary>
    private static async Task<int> ProposeAsync(HttpClient client, int contractId, int year, string value)
    {
        var url = $"/Finance/Reviews/Create/{contractId}?year={year}";
        var done = await client.PostFormAsync(url, Proposal(await client.GetPageAsync(url), value));
        Assert.True(done.Status == HttpStatusCode.Redirect, $"Proposing answered {(int)done.Status}: {string.Join(" | ", done.ErrorSummary)}");
        Assert.Matches(@"^/Finance/Reviews/\d+$", done.Location);
        return int.Parse(done.Location!.Split('/').Last());
    }

    private static async Task<HtmlPage> DecideAsync(HttpClient client, int reviewId, string handler, Guid? version, string? note = null, string? reason = null)
    {
        var fields = new FormFields { { "Version", version?.ToString() ?? "" } };
        if (note is not null) fields.Add("Note", note);
        if (reason is not null) fields.Add("Reason", reason);
        return await client.PostFormAsync($"/Finance/Reviews/{reviewId}?handler={handler}", fields, tokenFrom: $"/Finance/Reviews/{reviewId}");
    }

    private async Task<AnnualValueReview> ReviewAsync(int id)
    {
        await using var scope = factory.OpenDb();
        return await scope.Db.AnnualValueReviews.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    private async Task<List<AnnualValueReview>> ReviewsOfAsync(int contractId)
    {
        await using var scope = factory.OpenDb();
        return await scope.Db.AnnualValueReviews.AsNoTracking().Where(r => r.ContractId == contractId).OrderBy(r => r.Id).ToListAsync();
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = factory.OpenDb();
        return await scope.Db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static bool HasButton(HtmlPage page, string handler) =>
        page.FindAll("button[formaction]").Any(b => b.GetAttribute("formaction")!.EndsWith($"handler={handler}", StringComparison.Ordinal));

    [Fact]
    public async Task Review_page_suggests_last_years_agreed_value_less_this_years_cashable_saving()
    {
        var id = await ContractAsync();
        await FinanceSeed.AgreedAsync(factory, id, 2030, 123_456.78m);
        await FinanceSeed.SavingAsync(factory, id, 2031, 3_456.79m, null, SavingsKind.CashableReduction);
        await FinanceSeed.SavingAsync(factory, id, 2031, 999m, null, SavingsKind.CostAvoidance); // avoidance leaves the baseline alone
        var client = await factory.SignedInClientAsync(Commissioner);

        var page = await client.GetPageAsync($"/Finance/Reviews/Create/{id}?year=2031");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        // £123,456.78 − £3,456.79 = £119,999.99
        Assert.Equal("119,999.99", page.Value("Input.ProposedValue"));
        Assert.Equal("2031", page.Value("Input.Year"));
        Assert.Equal(["£123,456.78", "£0.00", "£3,456.79", "£119,999.99"], page.FindAll("#position dd").Select(d => Browser.Normalise(d.TextContent)));
    }

    [Fact]
    public async Task Working_out_the_value_from_an_uplift_fills_the_box_and_saves_nothing()
    {
        var id = await ContractAsync();
        await FinanceSeed.AgreedAsync(factory, id, 2030, 123_456.78m);
        await FinanceSeed.SavingAsync(factory, id, 2031, 3_456.79m, null, SavingsKind.CashableReduction);
        var client = await factory.SignedInClientAsync(Commissioner);
        var form = (await client.GetPageAsync($"/Finance/Reviews/Create/{id}?year=2031")).Form()
            .Set("Input.UpliftKind", "Inflation").Set("Input.UpliftPercent", "3.5").Set("Input.ProposedValue", "1.00");

        var page = await client.PostFormAsync($"/Finance/Reviews/Create/{id}?handler=Suggest", form, tokenFrom: $"/Finance/Reviews/Create/{id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        // 3.5% of £123,456.78 is £4,320.98730, to the penny £4,320.99; £123,456.78 + £4,320.99 − £3,456.79 = £124,320.98.
        Assert.Equal("124,320.98", page.Value("Input.ProposedValue"));
        Assert.Equal("£4,320.99", Browser.Normalise(page.FindAll("#position dd")[1].TextContent));
        Assert.Equal("Inflation", page.Value("Input.UpliftKind"));
        Assert.Empty(page.ErrorSummary);
        Assert.Single(await ReviewsOfAsync(id)); // only the seeded 2030/31 value
    }

    [Fact]
    public async Task Working_out_the_value_with_an_uplift_that_is_not_a_number_says_so_and_keeps_the_typed_value()
    {
        var id = await ContractAsync();
        var client = await factory.SignedInClientAsync(Commissioner);
        var form = (await client.GetPageAsync($"/Finance/Reviews/Create/{id}?year=2031")).Form()
            .Set("Input.UpliftKind", "Inflation").Set("Input.UpliftPercent", "three").Set("Input.ProposedValue", "1,234.00");

        var page = await client.PostFormAsync($"/Finance/Reviews/Create/{id}?handler=Suggest", form, tokenFrom: $"/Finance/Reviews/Create/{id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("The uplift must be a number, like 6.6", page.FieldError("Input-UpliftPercent"));
        Assert.Equal("1,234.00", page.Value("Input.ProposedValue"));
        Assert.Empty(await ReviewsOfAsync(id));
    }

    [Fact]
    public async Task Commissioner_proposes_a_part_year_value_and_cannot_agree_it()
    {
        var id = await ContractAsync();
        var client = await factory.SignedInClientAsync(Commissioner);
        var create = await client.GetPageAsync($"/Finance/Reviews/Create/{id}?year=2030");
        // No earlier value: the contract's own £150,000.00 is the starting point.
        Assert.Equal("150,000.00", create.Value("Input.ProposedValue"));
        var form = Proposal(create, "100,000.01").Set("Input.UpliftKind", "Inflation").Set("Input.UpliftPercent", "2.5").Set("Input.Outcomes", "true");

        var done = await client.PostFormAsync($"/Finance/Reviews/Create/{id}?year=2030", form);

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        var reviewId = int.Parse(done.Location!.Split('/').Last());
        Assert.Equal($"/Finance/Reviews/{reviewId}", done.Location);
        var saved = await ReviewAsync(reviewId);
        Assert.Equal(id, saved.ContractId);
        Assert.Equal(ReviewStatus.Proposed, saved.Status);
        Assert.Equal(2030, saved.FinancialYearStart);
        Assert.Equal(10_000_001L, saved.AnnualPence);
        // 8 of 12 months of £100,000.01 is £66,666.673…, to the penny £66,666.67.
        Assert.Equal((6_666_667L, ProRataBasis.Months, 8, 12), (saved.YearValuePence, saved.ProRataBasis, saved.ProRataPortion, saved.ProRataWhole));
        // 2.5% of the £150,000.00 baseline.
        Assert.Equal((15_000_000L, 375_000L, 0L), (saved.BaselinePence, saved.UpliftPence, saved.SavingsPence));
        Assert.Equal((UpliftKind.Inflation, 2.5m, true, false), (saved.UpliftKind, saved.UpliftPercent, saved.ConsideredOutcomes, saved.ConsideredPerformance));
        Assert.Equal("Outcomes met; inflation uplift as budgeted.", saved.Narrative);
        Assert.Equal((NameOf(Commissioner), await UserIdAsync(Commissioner)), (saved.ProposedBy, saved.ProposedById));
        Assert.Null(saved.DecidedById);

        var details = await client.GetPageAsync(done.Location);
        Assert.Contains("£100,000.01 proposed for 2030/31; a finance officer will agree or return it", details.Text);
        Assert.Contains("Waiting for agreement", details.Text);
        Assert.Contains("£66,666.67 (8 of 12 months)", details.Text);
        Assert.False(HasButton(details, "Agree"));
        Assert.False(HasButton(details, "Return"));
        Assert.True(HasButton(details, "Withdraw"));

        // Agreeing needs the finance decisions policy, whatever the page showed.
        var forced = await DecideAsync(client, reviewId, "Agree", saved.Version);

        Assert.Equal(HttpStatusCode.Redirect, forced.Status);
        Assert.StartsWith("/Account/AccessDenied", forced.Location);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetPageAsync(forced.Location!)).Status);
        var after = await ReviewAsync(reviewId);
        Assert.Equal((ReviewStatus.Proposed, saved.Version, (string?)null), (after.Status, after.Version, after.DecidedById));
    }

    [Fact]
    public async Task Administrator_who_proposed_a_value_cannot_agree_it_even_by_posting()
    {
        var id = await ContractAsync();
        var admin = await factory.SignedInClientAsync(Administrator);
        var reviewId = await ProposeAsync(admin, id, 2031, "151,000.00");
        var details = await admin.GetPageAsync($"/Finance/Reviews/{reviewId}");
        Assert.Contains(SegregationMessage + " You can withdraw it.", details.Text);
        Assert.False(HasButton(details, "Agree"));
        var before = await ReviewAsync(reviewId);

        var refused = await DecideAsync(admin, reviewId, "Agree", before.Version, note: "Looks right to me");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal([SegregationMessage], refused.ErrorSummary);
        var after = await ReviewAsync(reviewId);
        Assert.Equal((ReviewStatus.Proposed, before.Version, (string?)null, (string?)null), (after.Status, after.Version, after.DecidedBy, after.DecisionNote));
    }

    [Fact]
    public async Task Only_the_proposer_can_withdraw_a_review_even_by_posting()
    {
        var id = await ContractAsync();
        var commissioner = await factory.SignedInClientAsync(Commissioner);
        var reviewId = await ProposeAsync(commissioner, id, 2031, "151,000.00");
        // An administrator may edit the register, but did not propose this value: the page offers no Withdraw button.
        var admin = await factory.SignedInClientAsync(Administrator);
        Assert.False(HasButton(await admin.GetPageAsync($"/Finance/Reviews/{reviewId}"), "Withdraw"));
        var before = await ReviewAsync(reviewId);

        var refused = await DecideAsync(admin, reviewId, "Withdraw", before.Version);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(["Only the person who proposed a review can withdraw it; a finance officer returns it instead."], refused.ErrorSummary);
        var after = await ReviewAsync(reviewId);
        Assert.Equal((ReviewStatus.Proposed, before.Version, (string?)null), (after.Status, after.Version, after.DecidedById));

        var withdrawn = await DecideAsync(commissioner, reviewId, "Withdraw", before.Version);

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.Status);
        var saved = await ReviewAsync(reviewId);
        Assert.Equal((ReviewStatus.Withdrawn, NameOf(Commissioner), "Withdrawn by the proposer"), (saved.Status, saved.DecidedBy, saved.DecisionNote));
    }

    [Fact]
    public async Task Finance_officer_agrees_and_the_agreed_value_cannot_be_decided_again()
    {
        var id = await ContractAsync();
        var reviewId = await ProposeAsync(await factory.SignedInClientAsync(Commissioner), id, 2031, "152,500.50");
        var finance = await factory.SignedInClientAsync(CommissioningFactory.Finance);
        var page = await finance.GetPageAsync($"/Finance/Reviews/{reviewId}");
        Assert.True(HasButton(page, "Agree"));
        Assert.True(HasButton(page, "Return"));
        var agreeForm = page.Form().Set("Note", "Checked against KLB60");

        var agreed = await finance.PostFormAsync($"/Finance/Reviews/{reviewId}?handler=Agree", agreeForm, tokenFrom: $"/Finance/Reviews/{reviewId}");

        Assert.Equal(HttpStatusCode.Redirect, agreed.Status);
        Assert.Equal($"/Finance/Reviews/{reviewId}", agreed.Location);
        var saved = await ReviewAsync(reviewId);
        Assert.Equal(ReviewStatus.Agreed, saved.Status);
        Assert.Equal((NameOf(CommissioningFactory.Finance), await UserIdAsync(CommissioningFactory.Finance), "Checked against KLB60"),
            (saved.DecidedBy, saved.DecidedById, saved.DecisionNote));
        Assert.NotNull(saved.DecidedAtUtc);
        var shown = await finance.GetPageAsync(agreed.Location!);
        Assert.Contains("£152,500.50 agreed for 2031/32", shown.Text);
        Assert.False(HasButton(shown, "Agree"));

        // Forced, with the current version: the review is no longer open.
        var again = await DecideAsync(finance, reviewId, "Agree", saved.Version);
        var returned = await DecideAsync(finance, reviewId, "Return", saved.Version, reason: "Changed my mind");

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(["This review has already been agreed; it cannot be decided again."], again.ErrorSummary);
        Assert.Equal(["This review has already been agreed; it cannot be decided again."], returned.ErrorSummary);
        var after = await ReviewAsync(reviewId);
        Assert.Equal((ReviewStatus.Agreed, saved.Version, saved.DecidedAtUtc, "Checked against KLB60"), (after.Status, after.Version, after.DecidedAtUtc, after.DecisionNote));
    }

    [Fact]
    public async Task Decision_on_a_review_changed_since_it_was_opened_is_refused()
    {
        var id = await ContractAsync();
        var reviewId = await ProposeAsync(await factory.SignedInClientAsync(Commissioner), id, 2032, "149,000.00");
        var finance = await factory.SignedInClientAsync(CommissioningFactory.Finance);
        var stale = (await finance.GetPageAsync($"/Finance/Reviews/{reviewId}")).Form();
        const string Changed = "This review was changed by someone else after you opened it. Nothing has been saved: check it and decide again.";
        // A version the review never had is refused while the review is still open...
        var madeUp = await DecideAsync(finance, reviewId, "Agree", Guid.NewGuid());
        Assert.Equal([Changed], madeUp.ErrorSummary);
        Assert.Equal(ReviewStatus.Proposed, (await ReviewAsync(reviewId)).Status);
        // ...and so is the version a finance officer saw before an administrator agreed it.
        var admin = await factory.SignedInClientAsync(Administrator);
        var adminForm = (await admin.GetPageAsync($"/Finance/Reviews/{reviewId}")).Form();
        Assert.Equal(HttpStatusCode.Redirect,
            (await admin.PostFormAsync($"/Finance/Reviews/{reviewId}?handler=Agree", adminForm, tokenFrom: $"/Finance/Reviews/{reviewId}")).Status);
        var agreedByAdmin = await ReviewAsync(reviewId);

        var refused = await finance.PostFormAsync($"/Finance/Reviews/{reviewId}?handler=Agree", stale.Set("Note", "Within budget"), tokenFrom: $"/Finance/Reviews/{reviewId}");
        var returned = await DecideAsync(finance, reviewId, "Return", Guid.Parse(stale["Version"]!), reason: "Too high");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal([Changed], refused.ErrorSummary);
        Assert.Equal([Changed], returned.ErrorSummary);
        var after = await ReviewAsync(reviewId);
        Assert.Equal((ReviewStatus.Agreed, NameOf(Administrator), agreedByAdmin.Version, (string?)null),
            (after.Status, after.DecidedBy, after.Version, after.DecisionNote));
    }

    [Fact]
    public async Task Second_review_for_a_year_with_one_waiting_is_refused_at_the_financial_year()
    {
        var id = await ContractAsync();
        var client = await factory.SignedInClientAsync(Commissioner);
        await ProposeAsync(client, id, 2032, "150,000.00");

        var page = await client.PostFormAsync($"/Finance/Reviews/Create/{id}?year=2032",
            Proposal(await client.GetPageAsync($"/Finance/Reviews/Create/{id}?year=2032"), "140,000.00"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("2032/33 already has a review waiting for agreement: agree, return or withdraw it first", page.FieldError("Input-Year"));
        Assert.Equal(["Input-Year"], page.ErrorSummaryTargets);
        var reviews = await ReviewsOfAsync(id);
        Assert.Equal([(2032, ReviewStatus.Proposed, 15_000_000L)], reviews.Select(r => (r.FinancialYearStart, r.Status, r.AnnualPence)));
    }

    [Fact]
    public async Task Later_review_of_an_agreed_year_once_agreed_supersedes_the_earlier_value_and_both_are_kept()
    {
        var id = await ContractAsync();
        var first = await FinanceSeed.AgreedAsync(factory, id, 2031, 120_000m);
        var commissioner = await factory.SignedInClientAsync(Commissioner);
        var create = await commissioner.GetPageAsync($"/Finance/Reviews/Create/{id}?year=2031");
        Assert.Contains("2031/32 already has an agreed value of £120,000.00 (agreed by seed.agreer@test).", create.Text);
        var later = await ProposeAsync(commissioner, id, 2031, "125,000.00");
        var finance = await factory.SignedInClientAsync(CommissioningFactory.Finance);
        var page = await finance.GetPageAsync($"/Finance/Reviews/{later}");
        Assert.Contains("Agreeing this replaces the agreed value of £120,000.00 for 2031/32 (agreed by seed.agreer@test).", page.Text);

        var agreed = await finance.PostFormAsync($"/Finance/Reviews/{later}?handler=Agree", page.Form(), tokenFrom: $"/Finance/Reviews/{later}");

        Assert.True(agreed.Status == HttpStatusCode.Redirect, $"Agreeing answered {(int)agreed.Status}: {string.Join(" | ", agreed.ErrorSummary)}");
        var reviews = await ReviewsOfAsync(id);
        Assert.Equal([(first, ReviewStatus.Superseded, 12_000_000L), (later, ReviewStatus.Agreed, 12_500_000L)],
            reviews.Select(r => (r.Id, r.Status, r.AnnualPence)));
        var contract = await commissioner.GetPageAsync($"/Contracts/Details/{id}");
        var history = FinanceTables.Rows(contract, "reviews-table").Where(r => r[0].StartsWith("2031/32", StringComparison.Ordinal)).Select(r => (r[1], r[3])).ToList();
        Assert.Equal([("£125,000.00", "Agreed"), ("£120,000.00", "Superseded by a later review")], history);
        var year = FinanceTables.Rows(contract, "values-table").Single(r => r[0] == "2031/32");
        Assert.Equal(("£125,000.00", "Agreed"), (year[6], year[8]));
    }

    [Fact]
    public async Task Return_needs_a_reason_and_with_one_goes_back_to_the_commissioner()
    {
        var id = await ContractAsync();
        var reviewId = await ProposeAsync(await factory.SignedInClientAsync(Commissioner), id, 2030, "150,000.00");
        var finance = await factory.SignedInClientAsync(CommissioningFactory.Finance);
        var version = (await ReviewAsync(reviewId)).Version;

        var blank = await DecideAsync(finance, reviewId, "Return", version, reason: "   ");

        Assert.Equal(HttpStatusCode.OK, blank.Status);
        Assert.Equal("Say why the review is being returned", blank.FieldError("Reason"));
        Assert.Equal(["Reason"], blank.ErrorSummaryTargets);
        Assert.Equal((ReviewStatus.Proposed, version), ((await ReviewAsync(reviewId)).Status, (await ReviewAsync(reviewId)).Version));

        var returned = await DecideAsync(finance, reviewId, "Return", version, reason: "The 2030/31 savings have not been taken off");

        Assert.Equal(HttpStatusCode.Redirect, returned.Status);
        var saved = await ReviewAsync(reviewId);
        Assert.Equal((ReviewStatus.Returned, NameOf(CommissioningFactory.Finance), "The 2030/31 savings have not been taken off"),
            (saved.Status, saved.DecidedBy, saved.DecisionNote));
        Assert.Contains($"The 2030/31 review was returned to {NameOf(Commissioner)}", (await finance.GetPageAsync(returned.Location!)).Text);
        var commissionerView = await (await factory.SignedInClientAsync(Commissioner)).GetPageAsync($"/Finance/Reviews/{reviewId}");
        Assert.Contains(commissionerView.FindAll("a"), a => a.GetAttribute("href") == $"/Finance/Reviews/Create/{id}?year=2030");
    }

    [Theory]
    [InlineData("Input.ProposedValue", "-1.00", "Input-ProposedValue", "The proposed annual value must be £0.00 or more")]
    [InlineData("Input.ProposedValue", "10000000000.01", "Input-ProposedValue", "The proposed annual value must be less than £10,000,000,000")]
    [InlineData("Input.ProposedValue", "12.345", "Input-ProposedValue", "Enter the proposed annual value to the nearest penny, like 1,234.56")]
    [InlineData("Input.ProposedValue", "", "Input-ProposedValue", "Enter the proposed annual value")]
    [InlineData("Input.ProposedValue", "about £5k", "Input-ProposedValue", "Enter the proposed annual value in pounds and pence, like 12,393,408.00")]
    [InlineData("Input.Narrative", " ", "Input-Narrative", "Say what was considered and why this value")]
    [InlineData("Input.UpliftPercent", "abc", "Input-UpliftPercent", "The uplift must be a number, like 6.6")]
    [InlineData("Input.UpliftPercent", "150", "Input-UpliftPercent", "The uplift must be between 0% and 100%")]
    [InlineData("Input.UpliftPercent", "-1", "Input-UpliftPercent", "The uplift must be between 0% and 100%")]
    [InlineData("Input.UpliftPercent", "", "Input-UpliftPercent", "Enter the uplift as a percentage, like 6.6")]
    [InlineData("Input.UpliftPercent", "2.5555", "Input-UpliftPercent", "The uplift can have at most 3 decimal places")]
    [InlineData("Input.UpliftKind", "Generous", "Input-UpliftKind", "Choose the kind of uplift, or no uplift")]
    [InlineData("Input.Year", "2040", "Input-Year", "2040/41 is outside the contract's term (1 August 2030 to 31 July 2033): choose a year from 2030/31 to 2033/34.")]
    [InlineData("Input.Year", "2029", "Input-Year", "2029/30 is outside the contract's term (1 August 2030 to 31 July 2033): choose a year from 2030/31 to 2033/34.")]
    [InlineData("Input.Year", "next year", "Input-Year", "Choose the financial year")]
    public async Task Proposal_with_a_mistake_is_shown_at_the_field_and_nothing_is_saved(string field, string value, string fieldId, string message)
    {
        var id = await ContractAsync();
        var client = await factory.SignedInClientAsync(Commissioner);
        var url = $"/Finance/Reviews/Create/{id}?year=2031";
        var form = Proposal(await client.GetPageAsync(url), "151,000.00").Set("Input.UpliftKind", "Inflation").Set("Input.UpliftPercent", "1");

        var page = await client.PostFormAsync(url, form.Set(field, value));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(message, page.FieldError(fieldId));
        Assert.Equal([fieldId], page.ErrorSummaryTargets);
        Assert.Empty(await ReviewsOfAsync(id));
    }

    [Fact]
    public async Task Narrative_longer_than_the_limit_is_refused_and_one_at_the_limit_is_kept()
    {
        var id = await ContractAsync();
        var client = await factory.SignedInClientAsync(Commissioner);
        var url = $"/Finance/Reviews/Create/{id}?year=2031";

        var tooLong = await client.PostFormAsync(url, Proposal(await client.GetPageAsync(url), "151,000.00", new string('n', AnnualValueReview.NarrativeMaxLength + 1)));
        var atLimit = await client.PostFormAsync(url, Proposal(await client.GetPageAsync(url), "151,000.00", new string('n', AnnualValueReview.NarrativeMaxLength)));

        Assert.Equal("The narrative must be 4,000 characters or fewer", tooLong.FieldError("Input-Narrative"));
        Assert.Equal(HttpStatusCode.Redirect, atLimit.Status);
        Assert.Equal([AnnualValueReview.NarrativeMaxLength], (await ReviewsOfAsync(id)).Select(r => r.Narrative.Length));
    }

    [Theory]
    [InlineData(CommissioningFactory.Finance)]
    [InlineData(Viewer)]
    public async Task Only_commissioners_and_administrators_can_open_a_review(string user)
    {
        var id = await ContractAsync();
        var client = await factory.SignedInClientAsync(user);

        var page = await client.GetPageAsync($"/Finance/Reviews/Create/{id}?year=2031");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/Account/AccessDenied", page.Location);
    }
}
