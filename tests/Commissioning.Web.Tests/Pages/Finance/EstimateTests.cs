using System.Data.Common;
using System.Net;
using Commissioning.Domain.Common;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Data;
using Commissioning.Web.Pages.Finance;
using Commissioning.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Finance;

/// <summary>The spot estimator on the B&amp;NES consortium (SC-2021-0003), with the figures of its paper's section 3.6.</summary>
[Collection(SharedApp.Finance)]
public sealed class EstimateTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    private const string Bnes = "SC-2021-0003";

    [Fact]
    public async Task Bnes_lines_give_the_papers_figures_each_beside_its_working()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await factory.ContractIdAsync(Bnes);

        var page = await client.PostFormAsync($"/Finance/Estimate/{id}", BnesFields());

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.ErrorSummary);
        var rows = Figures(page);
        Assert.Equal(new[]
        {
            ("Specialist Independence at Home", "£83,626.00"), ("Supported living", "£305,235.00"), ("Specialist residential care", "£318,500.00"),
            ("Full year", "£707,361.00"), ("First year, 8 months", "£471,574.00"), ("Over 7 years", "£4,951,527.00"), ("Over 10 years", "£7,073,610.00"),
        }, rows.Select(r => (r.Figure, r.Value)));
        Assert.Equal("13 people × 6.25 hours a week × 51 weeks = 4,143.75 hours, rounded to 4,144 whole hours; 4,144 hours × £20.18 = £83,625.92, rounded to the nearest pound",
            rows[0].Working);
        Assert.Equal("The lines as rounded: £83,626.00 + £305,235.00 + £318,500.00 = £707,361.00", rows[3].Working);
        Assert.All(rows, r => Assert.NotEmpty(r.Working));
        // The review's year can be any year of the current term (1 Aug 2021 to 31 Jul 2028), not of the unused option.
        Assert.Equal(["2021/22", "2022/23", "2023/24", "2024/25", "2025/26", "2026/27", "2027/28", "2028/29"],
            page.FindAll("select[name='Input.Year'] option").Skip(1).Select(o => o.TextContent));
    }

    [Fact]
    public async Task Example_link_fills_in_the_bnes_lines_ready_to_calculate()
    {
        var client = await factory.SignedInClientAsync(Administrator);
        var id = await factory.ContractIdAsync(Bnes);
        var blank = await client.GetPageAsync($"/Finance/Estimate/{id}");
        var link = blank.FindAll("main a").Single(a => Browser.Normalise(a.TextContent) == "Fill in the B&NES example");

        var example = await client.GetPageAsync(link.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, blank.Status);
        Assert.Equal("Estimate spot costs", Browser.Normalise(blank.Find("h1")?.TextContent));
        Assert.Equal(4, Rows(blank));
        Assert.Equal(4, Rows(example));
        Assert.Equal(("Hours", "13", "6.25", "51", "20.18"), (example.Value("Input.Lines[0].Kind"), example.Value("Input.Lines[0].People"),
            example.Value("Input.Lines[0].HoursPerWeek"), example.Value("Input.Lines[0].Weeks"), example.Value("Input.Lines[0].HourlyRate")));
        Assert.Equal(("8", "7, 10", "NearestPound"), (example.Value("Input.PartYearMonths"), example.Value("Input.Projections"), example.Value("Input.Rounding")));
        var calculated = await client.PostFormAsync($"/Finance/Estimate/{id}", example.Form());
        Assert.Contains(("Full year", "£707,361.00"), Figures(calculated).Select(r => (r.Figure, r.Value)));
    }

    [Fact]
    public async Task Add_another_line_keeps_what_was_typed_and_adds_a_row_up_to_eight()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await factory.ContractIdAsync(Bnes);
        var page = await client.GetPageAsync($"/Finance/Estimate/{id}?example=bnes");

        for (var expected = 5; expected <= EstimateForm.MaxLines; expected++)
        {
            page = await client.PostFormAsync($"/Finance/Estimate/{id}?handler=AddLine", page.Form());
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(expected, Rows(page));
        }

        Assert.Empty(page.ErrorSummary);
        Assert.Equal("Supported living", page.Value("Input.Lines[1].Description"));
        Assert.DoesNotContain(page.FindAll("main button"), b => Browser.Normalise(b.TextContent) == "Add another line");
    }

    [Fact]
    public async Task Bad_figures_are_shown_at_their_fields_in_page_order_and_nothing_is_calculated()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await factory.ContractIdAsync(Bnes);
        var fields = new FormFields
        {
            { "Input.Lines[0].Kind", "Hours" }, { "Input.Lines[0].Description", "Home care" }, { "Input.Lines[0].Weeks", "fifty" },
            { "Input.Lines[0].People", "0" }, { "Input.Lines[0].HoursPerWeek", "200" }, { "Input.Lines[0].HourlyRate", "-20" },
            { "Input.Lines[1].Kind", "Placements" }, { "Input.Lines[1].Description", "" }, { "Input.Lines[1].Weeks", "60" },
            { "Input.Lines[1].Placements", "2.5" }, { "Input.Lines[1].WeeklyCost", "0" },
            { "Input.Lines[2].Description", "Day care" }, { "Input.Lines[2].Weeks", "10" },
            { "Input.Lines[3].Kind", "Hours" }, { "Input.Lines[3].Description", "Night care" }, { "Input.Lines[3].Weeks", "5,1" },
            { "Input.Lines[3].People", "3" }, { "Input.Lines[3].HoursPerWeek", "10" }, { "Input.Lines[3].HourlyRate", "99999999999" },
            { "Input.PartYearMonths", "13" }, { "Input.Projections", "seven" }, { "Input.Rounding", "Up" },
        };

        var page = await client.PostFormAsync($"/Finance/Estimate/{id}", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Find("#estimate-table"));
        var expected = new (string Field, string Message)[]
        {
            ("Input-Lines-0-Weeks", "The weeks for line 1 must be a number, like 51"),
            ("Input-Lines-0-People", "The number of people for line 1 must be between 1 and 100,000"),
            ("Input-Lines-0-HoursPerWeek", "The hours per week for line 1 must be more than 0 and no more than 168"),
            ("Input-Lines-0-HourlyRate", "The hourly rate for line 1 must be more than £0.00"),
            ("Input-Lines-1-Description", "Enter a description for line 2, like Supported living"),
            ("Input-Lines-1-Weeks", "The weeks for line 2 must be more than 0 and no more than 53"),
            ("Input-Lines-1-Placements", "The number of placements for line 2 must be a whole number, like 17"),
            ("Input-Lines-1-WeeklyCost", "The weekly cost for line 2 must be more than £0.00"),
            ("Input-Lines-2-Kind", "Choose hours of care or placements for line 3"),
            ("Input-Lines-3-Weeks", "The weeks for line 4 must be a number, like 51"),
            ("Input-Lines-3-HourlyRate", "The hourly rate for line 4 must be less than £10,000,000,000"),
            ("Input-PartYearMonths", "The months of the first year must be between 1 and 12"),
            ("Input-Projections", "Enter the projection lengths as whole numbers of years separated by commas, like 7, 10"),
            ("Input-Rounding", "Choose how to round the figures"),
        };
        Assert.Equal(expected.Select(e => e.Message), page.ErrorSummary);
        Assert.Equal(expected.Select(e => e.Field), page.ErrorSummaryTargets);
        foreach (var (field, message) in expected)
        {
            Assert.Equal(message, page.FieldError(field));
            Assert.NotNull(page.Document.GetElementById(field));
        }
        Assert.Equal("fifty", page.Value("Input.Lines[0].Weeks"));
    }

    [Fact]
    public async Task Estimate_with_every_line_blank_asks_for_a_line()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await factory.ContractIdAsync(Bnes);
        var blank = (await client.GetPageAsync($"/Finance/Estimate/{id}")).Form();

        var page = await client.PostFormAsync($"/Finance/Estimate/{id}", blank);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["Enter at least one line of the estimate"], page.ErrorSummary);
        Assert.Equal(["Input-Lines-0-Kind"], page.ErrorSummaryTargets);
        Assert.Equal("Enter at least one line of the estimate", page.FieldError("Input-Lines"));
    }

    public static TheoryData<string, string, string> OverTheCeiling => new()
    {
        // 100,000 people × 168 hours × 53 weeks × £1,200: one line past £10bn.
        { "Hours|100000|168|53|1,200.00", "", "Input-Lines-0|Line 1 comes to more than £10,000,000,000.00 a year, the most a council contract can be worth: check its figures" },
        // Two lines of £5.2bn each: every line within bounds, the full year not.
        { "Placements|100000|52|1,000.00;Placements|100000|52|1,000.00", "", "Input-Lines|The lines add up to more than £10,000,000,000.00 a year, the most a council contract can be worth: check the figures" },
        // £1bn a year is a council's largest contract; eleven years of it is not.
        { "Placements|100000|50|200.00", "5, 11", "Input-Projections|The 11-year projection is more than £10,000,000,000.00, the most a council contract can be worth: check the figures or choose fewer years" },
    };

    [Theory]
    [MemberData(nameof(OverTheCeiling))]
    public async Task Figures_past_ten_billion_are_refused_at_the_line_the_total_or_the_projection_not_with_a_500(string lines, string projections, string expected)
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await factory.ContractIdAsync(Bnes);
        var fields = new FormFields { { "Input.PartYearMonths", "12" }, { "Input.Projections", projections }, { "Input.Rounding", "NearestPound" } };
        foreach (var (line, n) in lines.Split(';').Select((l, n) => (l.Split('|'), n)))
        {
            var hours = line[0] == "Hours";
            fields.Add($"Input.Lines[{n}].Kind", line[0]);
            fields.Add($"Input.Lines[{n}].Description", $"Line {n + 1}");
            fields.Add($"Input.Lines[{n}].{(hours ? "People" : "Placements")}", line[1]);
            if (hours) fields.Add($"Input.Lines[{n}].HoursPerWeek", line[2]);
            fields.Add($"Input.Lines[{n}].Weeks", line[hours ? 3 : 2]);
            fields.Add($"Input.Lines[{n}].{(hours ? "HourlyRate" : "WeeklyCost")}", line[hours ? 4 : 3]);
        }
        var (field, message) = (expected.Split('|')[0], expected.Split('|')[1]);

        var page = await client.PostFormAsync($"/Finance/Estimate/{id}", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal([message], page.ErrorSummary);
        Assert.Equal(message, page.FieldError(field));
        Assert.Null(page.Find("#estimate-table"));
    }

    [Fact]
    public async Task Use_as_proposed_value_opens_one_review_of_the_full_year_value_with_its_working()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await factory.ContractIdAsync(Bnes);
        var before = await ReviewsAsync(id, 2021);

        var page = await client.PostFormAsync($"/Finance/Estimate/{id}?handler=Propose", BnesFields().Set("Input.Year", "2021"));

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal($"/Contracts/Details/{id}#reviews", page.Location);
        Assert.Contains("Estimate of £707,361.00 proposed as the 2021/22 value", (await client.GetPageAsync(page.Location!)).Text);
        var added = Assert.Single((await ReviewsAsync(id, 2021)).ExceptBy(before.Select(r => r.Id), r => r.Id));
        Assert.Equal((ReviewStatus.Proposed, ReviewOrigin.SpotEstimate, 70_736_100L, "From the spot estimate: 3 lines"),
            (added.Status, added.Origin, added.AnnualPence, added.Narrative));
        Assert.Equal((await UserIdAsync(Commissioner), NameOf(Commissioner)), (added.ProposedById, added.ProposedBy));
        Assert.Equal(
            "Specialist Independence at Home: 13 people × 6.25 hours a week × 51 weeks = 4,143.75 hours, rounded to 4,144 whole hours; 4,144 hours × £20.18 = £83,625.92, rounded to the nearest pound\n"
            + "Supported living: 17 placements × 35 weeks × £513.00 a week = £305,235.00 (exact, no rounding needed)\n"
            + "Specialist residential care: 7 placements × 52 weeks × £875.00 a week = £318,500.00 (exact, no rounding needed)\n"
            + "Full year: The lines as rounded: £83,626.00 + £305,235.00 + £318,500.00 = £707,361.00\n"
            + "8 months: £707,361.00 × 8 / 12 = £471,574.00 (exact, no rounding needed)\n"
            + "7 years: £707,361.00 a year × 7 years = £4,951,527.00 (exact, no rounding needed)\n"
            + "10 years: £707,361.00 a year × 10 years = £7,073,610.00 (exact, no rounding needed)",
            added.EstimateWorking);
    }

    [Fact]
    public async Task Second_estimate_for_a_year_with_a_review_waiting_is_refused_at_the_year()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await factory.ContractIdAsync(Bnes);
        var fields = BnesFields().Set("Input.Year", "2022");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Finance/Estimate/{id}?handler=Propose", fields)).Status);

        var again = await client.PostFormAsync($"/Finance/Estimate/{id}?handler=Propose", fields);

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(["2022/23 already has a review waiting for agreement"], again.ErrorSummary);
        Assert.Equal("2022/23 already has a review waiting for agreement", again.FieldError("Input-Year"));
        Assert.NotNull(again.Find("#estimate-table"));
        Assert.Single(await ReviewsAsync(id, 2022), r => r.Status == ReviewStatus.Proposed);
    }

    [Fact]
    public async Task Year_outside_the_term_is_refused_with_the_rules_message()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await factory.ContractIdAsync(Bnes);

        var page = await client.PostFormAsync($"/Finance/Estimate/{id}?handler=Propose", BnesFields().Set("Input.Year", "2030"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("2030/31 is outside the contract's term (1 August 2021 to 31 July 2028): choose a year from 2021/22 to 2028/29.",
            page.FieldError("Input-Year"));
        Assert.Empty(await ReviewsAsync(id, 2030));
    }

    [Fact]
    public async Task Posted_total_is_ignored_and_the_value_worked_out_again_from_the_lines()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await factory.ContractIdAsync(Bnes);
        var tampered = BnesFields().Set("Input.Year", "2023");
        foreach (var name in new[] { "Input.FullYear", "Input.Total", "Input.Annual", "Result.FullYear", "FullYear", "Total" })
            tampered.Add(name, "1.00");

        var page = await client.PostFormAsync($"/Finance/Estimate/{id}?handler=Propose", tampered);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(70_736_100L, Assert.Single(await ReviewsAsync(id, 2023)).AnnualPence);
    }

    [Fact]
    public async Task Review_opened_by_someone_else_while_saving_is_refused_with_the_message_not_a_500()
    {
        var id = await factory.ContractIdAsync(Bnes);
        var rival = new RivalReview(async () =>
        {
            // Through the fixture's own host, which has no rival of its own.
            await using var scope = factory.OpenDb();
            var contract = await scope.Db.Contracts.AsNoTracking().SingleAsync(c => c.Id == id);
            scope.Db.AnnualValueReviews.Add(AnnualValueReview.Propose(id, contract.CurrentTerm, new FinancialYear(2024), Money.Pounds(1m),
                ReviewFactors.None, "Opened a moment earlier", new YearPosition(null, Money.Zero, Money.Zero), new Actor("rival", "Rival Commissioner"), DateTime.UtcNow));
            await scope.Db.SaveChangesAsync();
        });
        await using var raced = factory.WithWebHostBuilder(b =>
            b.ConfigureTestServices(s => s.ConfigureDbContext<CommissioningDbContext>(o => o.AddInterceptors(rival))));
        var client = raced.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await client.SignInAsync(Commissioner, DemoPassword);
        var token = await client.TokenAsync($"/Finance/Estimate/{id}");
        rival.Arm();

        var page = await client.PostFormAsync($"/Finance/Estimate/{id}?handler=Propose", BnesFields().Set("Input.Year", "2024").Set(Browser.TokenName, token));

        Assert.True(rival.Fired);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("2024/25 already has a review waiting for agreement", page.FieldError("Input-Year"));
        Assert.Equal("Opened a moment earlier", Assert.Single(await ReviewsAsync(id, 2024)).Narrative);
    }

    [Theory]
    [InlineData(Viewer)]
    [InlineData(CommissioningFactory.Finance)]
    [InlineData(Secretary)]
    public async Task Only_commissioners_and_administrators_may_estimate_or_propose(string user)
    {
        var client = await factory.SignedInClientAsync(user);
        var id = await factory.ContractIdAsync(Bnes);
        var before = await ReviewsAsync(id, 2025);

        var get = await client.GetPageAsync($"/Finance/Estimate/{id}");
        var post = await client.PostFormAsync($"/Finance/Estimate/{id}?handler=Propose", BnesFields().Set("Input.Year", "2025"), tokenFrom: "/Contracts");

        foreach (var refused in new[] { get, post })
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.Status);
            Assert.StartsWith("/Account/AccessDenied", refused.Location);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetPageAsync(get.Location!)).Status);
        Assert.Equal(before.Count, (await ReviewsAsync(id, 2025)).Count);
    }

    [Fact]
    public async Task Unknown_contract_is_not_found()
    {
        var client = await factory.SignedInClientAsync(Commissioner);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetPageAsync("/Finance/Estimate/999999")).Status);
    }

    [Fact]
    public void Working_too_long_for_a_review_keeps_whole_entries_and_says_the_rest_was_left_off()
    {
        var estimate = new SpotEstimate([new PlacementsLine("Supported living", 17, 35, Money.Pounds(513m))], projectionYears: [7, 10]);
        var whole = EstimateForm.Working(estimate);

        var cut = EstimateForm.Working(estimate, maxLength: 250);

        Assert.Equal(5, whole.Split('\n').Length);
        Assert.True(cut.Length <= 250, $"{cut.Length} characters");
        Assert.StartsWith("Supported living: 17 placements", cut);
        Assert.Contains("\nFull year: ", cut);
        Assert.EndsWith("\n" + EstimateForm.WorkingCutShort, cut);
        Assert.All(cut.Split('\n').SkipLast(1), entry => Assert.Contains(entry, whole.Split('\n')));
    }

    [Fact]
    public void Working_of_eight_long_lines_and_five_projections_fits_a_review_with_the_lines_and_full_year_kept()
    {
        var lines = Enumerable.Range(1, EstimateForm.MaxLines).Select(n =>
            (EstimateLine)new HoursLine($"{n} " + new string('x', EstimateLine.LabelMaxLength - 2), 167.99m, 52.99m, 9_999, Money.Pounds(1.99m)));
        var estimate = new SpotEstimate(lines, EstimateRounding.NearestPenny, wholeHours: false, partYearMonths: 7, projectionYears: [1, 2, 3, 4, 5]);

        var working = EstimateForm.Working(estimate);

        Assert.True(working.Length <= EstimateForm.WorkingMaxLength, $"{working.Length} characters");
        Assert.Contains("\nFull year: ", working);
        Assert.Equal(EstimateForm.MaxLines, working.Split('\n').Count(e => e.Contains(new string('x', 20), StringComparison.Ordinal)));
    }

    private static FormFields BnesFields() => new()
    {
        { "Input.Lines[0].Kind", "Hours" }, { "Input.Lines[0].Description", "Specialist Independence at Home" },
        { "Input.Lines[0].People", "13" }, { "Input.Lines[0].HoursPerWeek", "6.25" }, { "Input.Lines[0].Weeks", "51" }, { "Input.Lines[0].HourlyRate", "20.18" },
        { "Input.Lines[1].Kind", "Placements" }, { "Input.Lines[1].Description", "Supported living" },
        { "Input.Lines[1].Placements", "17" }, { "Input.Lines[1].Weeks", "35" }, { "Input.Lines[1].WeeklyCost", "513" },
        { "Input.Lines[2].Kind", "Placements" }, { "Input.Lines[2].Description", "Specialist residential care" },
        { "Input.Lines[2].Placements", "7" }, { "Input.Lines[2].Weeks", "52" }, { "Input.Lines[2].WeeklyCost", "875" },
        { "Input.Lines[3].Description", "" }, { "Input.Lines[3].Weeks", "" },
        { "Input.PartYearMonths", "8" }, { "Input.Projections", "7, 10" }, { "Input.Rounding", "NearestPound" }, { "Input.WholeHours", "true" },
    };

    private static List<(string Figure, string Value, string Working)> Figures(HtmlPage page) =>
        page.FindAll("#estimate-table tbody tr").Select(tr =>
        {
            var cells = tr.QuerySelectorAll("td").Select(td => Browser.Normalise(td.TextContent)).ToList();
            return (Browser.Normalise(tr.QuerySelector("th")!.TextContent), cells[0], cells[1]);
        }).ToList();

    private static int Rows(HtmlPage page) => page.FindAll("main input[name$='.Description']").Count;

    private async Task<List<AnnualValueReview>> ReviewsAsync(int contractId, int year)
    {
        await using var scope = factory.OpenDb();
        return await scope.Db.AnnualValueReviews.AsNoTracking().Where(r => r.ContractId == contractId && r.FinancialYearStart == year).ToListAsync();
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = factory.OpenDb();
        return await scope.Db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Opens a competing review just before the page's save starts its transaction, once armed: the race the unique index settles.</summary>
    private sealed class RivalReview(Func<Task> open) : DbTransactionInterceptor
    {
        private int _armed;

        public bool Fired { get; private set; }

        public void Arm() => Interlocked.Exchange(ref _armed, 1);

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                await open();
                Fired = true;
            }
            return result;
        }
    }
}
