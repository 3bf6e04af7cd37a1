using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Commissioning.BrowserTests;

/// <summary>One secondary button of a form, and what the person does once the page is back.</summary>
public sealed record SecondaryStep(string Button, Func<IPage, Task>? Then = null, bool RefusedWithErrors = false);

/// <summary>
/// A form with more than one submit button, as a person uses it: open it (making whatever record it
/// needs first), fill it in, press each secondary button, then the main one, and read the record back
/// on its own page. <paramref name="Covers"/> names the pages of <see cref="AppPages"/> whose forms this
/// journey presses, so a form page with no journey is noticed. A main button that works something out
/// rather than saving ("Calculate") shows its result on the same page: <paramref name="MainStaysOnPage"/>.
/// </summary>
public sealed record FormJourney(
    string Name,
    string[] Covers,
    string User,
    Func<IPage, Journey, Task> Open,
    Func<IPage, Journey, Task> FillValidly,
    Func<IPage, Journey, Task> MakeInvalid,
    IReadOnlyList<SecondaryStep> Secondary,
    string Main,
    (string Label, Func<Journey, string> Value) Kept,
    Func<IPage, Journey, Task> ReadBack,
    bool MainStaysOnPage = false)
{
    public override string ToString() => Name;
}

/// <summary>One run of a journey: a name nobody else has typed, and the dates it works with.</summary>
public sealed class Journey(AppServer app)
{
    public AppServer App { get; } = app;
    public string Marker { get; } = "Journey " + Guid.NewGuid().ToString("N")[..10];
    public DateOnly Today { get; } = DateOnly.FromDateTime(DateTime.Today);
    /// <summary>A contract this run made first, for the forms that change one.</summary>
    public int ContractId { get; set; }
    public DateOnly Start => new DateOnly(Today.Year, Today.Month, 1).AddYears(-1);
    public DateOnly End => Start.AddYears(3).AddDays(-1);
}

public static partial class FormJourneys
{
    public static readonly IReadOnlyList<FormJourney> All =
    [
        CreateContract("Block", "Add a contract: block", "Add a contract: error summary"),
        CreateContract("Spot", "Add a contract: spot"),
        CreateContract("LeadProvider", "Add a contract: lead provider"),
        CreateContract("Consortium", "Add a contract: consortium"),
        new("Edit contract", ["Edit a contract"], AppPages.Commissioner,
            Open: async (page, run) => await OpenForOwnContractAsync(page, run, "/Contracts/Edit/{0}"),
            FillValidly: async (page, run) => await Fill.FieldAsync(page, "Title", run.Marker),
            MakeInvalid: async (page, _) => await Fill.FieldAsync(page, "Title", ""),
            Secondary: [new("Add another extension option"), new("Add another rate card line")],
            Main: "Save changes",
            Kept: ("Title", run => run.Marker),
            ReadBack: async (page, run) => await ExpectHeadingAsync(page, run.Marker)),
        new("Record renewal", ["Record a renewal"], AppPages.Commissioner,
            Open: async (page, run) => await OpenForOwnContractAsync(page, run, "/Contracts/Renew/{0}"),
            FillValidly: async (page, run) =>
            {
                await Fill.FieldAsync(page, "Title", run.Marker);
                await Fill.DateAsync(page, "Input-StartDate", run.End.AddDays(1));
                await Fill.DateAsync(page, "Input-InitialEndDate", run.End.AddYears(2));
            },
            MakeInvalid: async (page, _) => await Fill.FieldAsync(page, "Title", ""),
            Secondary: [new("Add another extension option"), new("Add another rate card line")],
            Main: "Save renewal",
            Kept: ("Title", run => run.Marker),
            ReadBack: async (page, run) =>
            {
                await ExpectHeadingAsync(page, run.Marker);
                await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Renews");
            }),
        new("Propose a value", ["Open a review", "Open a review: error summary"], AppPages.Commissioner,
            Open: async (page, run) => await OpenForOwnContractAsync(page, run, "/Finance/Reviews/Create/{0}"),
            FillValidly: async (page, run) =>
            {
                await page.GetByLabel("Inflation", new() { Exact = true }).CheckAsync();
                await Fill.FieldAsync(page, "Uplift percentage", "2");
                await Fill.FieldAsync(page, "Proposed annual value", "");
                await Fill.FieldAsync(page, "Narrative", run.Marker);
            },
            MakeInvalid: async (page, _) => await Fill.FieldAsync(page, "Proposed annual value", "1,2x"),
            Secondary:
            [
                // The contract's £100,000.00 a year with a 2% uplift and no savings: £102,000.00.
                new("Work out the value from the uplift", async page =>
                    await Assertions.Expect(page.GetByLabel("Proposed annual value")).ToHaveValueAsync("102,000.00")),
            ],
            Main: "Propose value",
            Kept: ("Narrative", run => run.Marker),
            ReadBack: async (page, run) =>
            {
                Assert.Matches(@"/Finance/Reviews/\d+$", new Uri(page.Url).AbsolutePath);
                await Assertions.Expect(page.Locator("main")).ToContainTextAsync(run.Marker);
                await Assertions.Expect(page.Locator("main")).ToContainTextAsync("£102,000.00");
            }),
        new("Record a variation", ["Record a variation", "Record a variation: error summary"], AppPages.Commissioner,
            Open: async (page, run) => await OpenForOwnContractAsync(page, run, "/Contracts/{0}/Vary"),
            FillValidly: async (page, run) =>
            {
                await page.Locator("#Input-Changes").CheckAsync();
                await Fill.FieldAsync(page, "New annual value", "105,000.00");
                await Fill.FieldAsync(page, "Clause relied on", "clause 12");
                await Fill.DateAsync(page, "Input-EventDate", run.Today);
                await Fill.FieldAsync(page, "Description of the variation", run.Marker);
                await Fill.FieldAsync(page, "Decision number, or meeting and date", "Cabinet, 1 May 2026");
            },
            MakeInvalid: (_, _) => Task.CompletedTask,
            // £105,000.00 against £100,000.00 a year is a 5% change of value.
            Secondary: [new("Check the change", async page => await Assertions.Expect(page.Locator("main")).ToContainTextAsync("5"))],
            Main: "Record variation",
            Kept: ("Description of the variation", run => run.Marker),
            ReadBack: async (page, run) =>
            {
                Assert.Matches(@"/Contracts/Details/\d+$", new Uri(page.Url).AbsolutePath);
                await Assertions.Expect(page.Locator("main")).ToContainTextAsync(run.Marker);
                await Assertions.Expect(page.Locator("main")).ToContainTextAsync("£105,000.00");
            }),
        new("Record termination", ["Record termination"], AppPages.Commissioner,
            Open: async (page, run) => await OpenForOwnContractAsync(page, run, "/Contracts/{0}/Terminate"),
            FillValidly: async (page, run) =>
            {
                await page.GetByLabel("By agreement", new() { Exact = true }).CheckAsync();
                await Fill.DateAsync(page, "Input-EventDate", run.Today);
                await Fill.FieldAsync(page, "Reason for the termination", run.Marker);
                await Fill.FieldAsync(page, "Decision number, or meeting and date", "Cabinet, 1 May 2026");
                await Fill.DateAsync(page, "Input-LastDay", run.Today.AddMonths(1));
            },
            MakeInvalid: (_, _) => Task.CompletedTask,
            Secondary: [new("Work out the last day", async page => await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Nothing has been saved yet"))],
            Main: "Record termination",
            Kept: ("Reason for the termination", run => run.Marker),
            ReadBack: async (page, run) =>
            {
                Assert.Matches(@"/Contracts/Details/\d+$", new Uri(page.Url).AbsolutePath);
                await Assertions.Expect(page.Locator("main")).ToContainTextAsync(run.Marker);
            }),
        new("Spot estimator", ["Estimate spot costs", "Estimate spot costs: results", "Estimate spot costs: error summary"], AppPages.Commissioner,
            Open: async (page, run) => await OpenForOwnContractAsync(page, run, "/Finance/Estimate/{0}?example=bnes"),
            FillValidly: async (page, _) => await Fill.FieldAsync(page, "Months of the first year", "8"),
            MakeInvalid: async (page, _) => await Fill.FieldAsync(page, "Months of the first year", "13"),
            Secondary: [new("Add another line", async page => await Assertions.Expect(page.Locator("fieldset#Input-Lines-3")).ToBeVisibleAsync())],
            Main: "Calculate",
            Kept: ("Months of the first year", _ => "8"),
            ReadBack: async (page, _) =>
            {
                // The B&NES paper (003, 3.6): £83,626 + £305,235 + £318,500 = £707,361 a full year; 8 months of it £471,574.
                await Assertions.Expect(page.Locator("#estimate-table")).ToContainTextAsync("£707,361.00");
                await Assertions.Expect(page.Locator("#estimate-table")).ToContainTextAsync("£471,574.00");
                // Its own save: the full year becomes a proposed value, read back among the contract's reviews.
                await Fill.FirstChoiceAsync(page, "Financial year");
                await Fill.PressAsync(page, "Use as proposed value");
                Assert.Matches(@"/Contracts/Details/\d+$", new Uri(page.Url).AbsolutePath);
                await Assertions.Expect(page.Locator("main table").Filter(new() { HasText = "Proposed" })).ToContainTextAsync("£707,361.00");
            },
            MainStaysOnPage: true),
        // A paper not about a decision, started from a new meeting's "Add an item": its Governance rows by hand.
        new("Cover sheet Governance rows", ["Cover sheet section: Governance by hand"], AppPages.Secretary,
            Open: async (page, run) => await CoverSheetEditorTests.OpenNewPapersGovernanceAsync(page, run.App),
            FillValidly: async (page, run) =>
            {
                await Fill.FieldAsync(page, "Meeting 1", run.Marker);
                await Fill.DateAsync(page, "Rows-0-Date", run.Today.AddDays(-14));
                await Fill.FieldAsync(page, "Outcome of meeting 1", "Recommended");
            },
            MakeInvalid: async (page, run) =>
            {
                await Fill.FieldAsync(page, "Meeting 1", "");
                await Fill.DateAsync(page, "Rows-0-Date", run.Today.AddDays(-14));
            },
            Secondary: [new("Add another row")],
            Main: "Save and continue",
            Kept: ("Meeting 1", run => run.Marker),
            ReadBack: async (page, run) =>
            {
                Assert.Matches(@"/CoverSheets/\d+/Edit$", new Uri(page.Url).AbsolutePath);
                await Browse.ClickToNextPageAsync(page, page.Locator(".govuk-task-list").GetByRole(AriaRole.Link, new() { Name = "Governance", Exact = true }));
                await Assertions.Expect(page.GetByLabel("Meeting 1", new() { Exact = true })).ToHaveValueAsync(run.Marker);
            }),
        MapColumns,
        MapWorkbook,
    ];

    /// <summary>The cover sheet's issue button names the version it will issue.</summary>
    public const string IssueButton = "Save and issue version *";

    public static FormJourney Named(string name) => All.Single(j => j.Name == name);

    public static TheoryData<string, bool> Runs
    {
        get
        {
            var runs = new TheoryData<string, bool>();
            foreach (var journey in All)
            {
                runs.Add(journey.Name, false);
                runs.Add(journey.Name, true);
            }
            return runs;
        }
    }

    /// <summary>"Add a contract" for one form: every "Add another …" the form has, then "Save contract".</summary>
    private static FormJourney CreateContract(string form, params string[] covers)
    {
        var secondary = new List<SecondaryStep> { new("Add another extension option") };
        if (form == "LeadProvider") secondary.Add(new("Add another sub-contract"));
        if (form == "Consortium") secondary.Add(new("Add another member", async page =>
        {
            await Fill.FirstChoiceAsync(page, "Member 2: provider", skip: 1);
            await Fill.FieldAsync(page, "Member 2: role", "Partner");
        }));
        secondary.Add(new("Add another rate card line"));
        return new($"Add a contract ({form})", covers, AppPages.Commissioner,
            Open: async (page, _) => await page.GotoAsync($"/Contracts/Create?form={form}"),
            FillValidly: async (page, run) => await FillContractAsync(page, run, form),
            MakeInvalid: (_, _) => Task.CompletedTask,
            Secondary: secondary,
            Main: "Save contract",
            Kept: ("Title", run => run.Marker),
            ReadBack: async (page, run) =>
            {
                await ExpectHeadingAsync(page, run.Marker);
                await Assertions.Expect(page.Locator("main")).ToContainTextAsync(form switch
                {
                    "Spot" => "£20.18",
                    "LeadProvider" => "£50,000.00",
                    "Consortium" => "Partner",
                    _ => "£100,000.00",
                });
            });
    }

    /// <summary>Everything a contract of <paramref name="form"/> needs, typed as a commissioner would.</summary>
    public static async Task FillContractAsync(IPage page, Journey run, string form)
    {
        await Fill.FieldAsync(page, "Title", run.Marker);
        await Fill.FirstChoiceAsync(page, "Service category");
        await Fill.FirstChoiceAsync(page, "Procurement route");
        await Fill.FieldAsync(page, "Directorate", "Adult Social Care");
        await Fill.FieldAsync(page, "Responsible commissioner", "Jo Journey");
        await Fill.FirstRadioAsync(page, "Input.Confidentiality");
        await Fill.DateAsync(page, "Input-StartDate", run.Start);
        await Fill.DateAsync(page, "Input-InitialEndDate", run.End);
        await Fill.FieldAsync(page, "Option 1: length in months", "12");
        await Fill.FieldAsync(page, "Notice period in months", "3");
        await Fill.DateAsync(page, "Input-AwardedOn", run.Start.AddMonths(-1));
        switch (form)
        {
            case "Block":
                await Fill.FirstChoiceAsync(page, "Provider");
                await Fill.FieldAsync(page, "Annual sum", "100,000.00");
                break;
            case "Spot":
                await Fill.FirstChoiceAsync(page, "Provider");
                await Fill.FieldAsync(page, "Line 1: service", "Home care");
                await Fill.FirstChoiceAsync(page, "Line 1: unit");
                await Fill.FieldAsync(page, "Line 1: unit rate", "20.18");
                break;
            case "LeadProvider":
                await Fill.FirstChoiceAsync(page, "Lead provider");
                await Fill.FieldAsync(page, "Annual value", "500,000.00");
                await Fill.FirstChoiceAsync(page, "Sub-contract 1: provider", skip: 1);
                await Fill.FieldAsync(page, "Sub-contract 1: service", "Night care");
                await Fill.FieldAsync(page, "Sub-contract 1: annual value", "50,000.00");
                break;
            default:
                await Fill.FirstChoiceAsync(page, "Member 1: provider");
                await Fill.FieldAsync(page, "Member 1: role", "Lead");
                await page.GetByLabel("Member 1 is the lead member").CheckAsync();
                await Fill.FieldAsync(page, "Annual value", "300,000.00");
                break;
        }
    }

    /// <summary>Adds a block contract of £100,000.00 a year through "Add a contract", then opens <paramref name="address"/> for it.</summary>
    private static async Task OpenForOwnContractAsync(IPage page, Journey run, string address)
    {
        await page.GotoAsync("/Contracts/Create?form=Block");
        await FillContractAsync(page, run, "Block");
        await Fill.FieldAsync(page, "Title", run.Marker + " (made for the journey)");
        await Fill.PressAsync(page, "Save contract");
        var match = ContractPage().Match(new Uri(page.Url).AbsolutePath);
        Assert.True(match.Success, $"Adding the journey's contract did not reach its page: {page.Url}");
        run.ContractId = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await page.GotoAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, address, run.ContractId));
    }

    private static async Task ExpectHeadingAsync(IPage page, string text)
    {
        Assert.Matches(@"/Contracts/Details/\d+$", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(text);
    }

    [GeneratedRegex(@"^/Contracts/Details/(\d+)$")]
    private static partial Regex ContractPage();
}
