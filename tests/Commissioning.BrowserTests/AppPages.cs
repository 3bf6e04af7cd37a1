using Microsoft.Playwright;

namespace Commissioning.BrowserTests;

/// <summary>
/// One page (or one state of a page) to check.
/// <para><paramref name="Route"/> may hold {contract:REF}, {provider:NAME}, {user:DISPLAY NAME}, {directorate:NAME}, {meeting:TITLE}, {decision:TITLE} and the like, which
/// <see cref="AppServer.ResolveAsync"/> turns into the id the app's own links use.</para>
/// <para><paramref name="User"/> is who is signed in (null: nobody). <paramref name="Arrange"/>
/// brings the page into the state to check, such as a submitted form showing its errors, and
/// <paramref name="Errors"/> says the page then shows an error summary.</para>
/// </summary>
public sealed record AppPage(string Name, string Route, string? User = null, Func<IPage, Task>? Arrange = null, int Status = 200, bool Errors = false)
{
    public override string ToString() => Name;
}

/// <summary>
/// Every page of the app, for the accessibility and keyboard suites. A page added to the app
/// joins both suites by adding one line here.
/// </summary>
public static class AppPages
{
    public const string Admin = "admin@demo.test";
    public const string Commissioner = "commissioner@demo.test";
    public const string Viewer = "viewer@demo.test";
    public const string Finance = "finance@demo.test";
    public const string Secretary = "secretary@demo.test";
    /// <summary>Not a demo user: one with two-step sign-in, made by <see cref="AppServer"/>.</summary>
    public const string TwoStep = "two-step@browser.test";

    public static readonly IReadOnlyList<AppPage> All =
    [
        new("Sign in", "/Account/SignIn"),
        new("Sign in: error summary", "/Account/SignIn", Arrange: SubmitWith("Sign in"), Errors: true),
        // Asked for without a password first, the code pages go to sign-in, where the two-step user's password brings them.
        new("Two-step sign-in", "/Account/TwoStep", Arrange: PasswordOf(TwoStep)),
        new("Two-step sign-in: error summary", "/Account/TwoStep", Arrange: Then(PasswordOf(TwoStep), SubmitWith("Continue")), Errors: true),
        new("Use a recovery code", "/Account/RecoveryCode", Arrange: Then(PasswordOf(TwoStep), Follow("Use a recovery code"))),
        new("Use a recovery code: error summary", "/Account/RecoveryCode", Arrange: Then(PasswordOf(TwoStep), Follow("Use a recovery code"), SubmitWith("Continue")), Errors: true),
        new("Sign out everywhere", "/Account/SignOutEverywhere", Viewer),
        // A working link needs a token: an administrator makes one for Tom Whitfield, whose password no test changes.
        new("Set a new password", "/Account/ResetPassword?{reset-link:Tom Whitfield}"),
        new("Set a new password: error summary", "/Account/ResetPassword?{reset-link:Tom Whitfield}", Arrange: SubmitWith("Set password"), Errors: true),
        new("Set a new password: link expired or used", "/Account/ResetPassword?user=nobody&token=used"),
        new("Contract register", "/Contracts", Commissioner),
        new("Contract register: active contracts", "/Contracts?Filter.Status=Active", Commissioner),
        new("Contract register: error summary", "/Contracts?Filter.EndsWithin=soon", Commissioner, Errors: true),
        new("Contract: block", "/Contracts/Details/{contract:SC-2021-0001}", Commissioner),
        new("Contract: spot", "/Contracts/Details/{contract:SC-2014-0001}", Commissioner),
        new("Contract: lead provider", "/Contracts/Details/{contract:SC-2021-0002}", Commissioner),
        new("Contract: consortium", "/Contracts/Details/{contract:SC-2021-0003}", Commissioner),
        new("Add a contract: choose the form", "/Contracts/Create", Commissioner),
        new("Add a contract: block", "/Contracts/Create?form=Block", Commissioner),
        new("Add a contract: spot", "/Contracts/Create?form=Spot", Commissioner),
        new("Add a contract: lead provider", "/Contracts/Create?form=LeadProvider", Commissioner),
        new("Add a contract: consortium", "/Contracts/Create?form=Consortium", Commissioner),
        new("Add a contract: error summary", "/Contracts/Create?form=Block", Commissioner, SubmitWith("Save contract"), Errors: true),
        new("Edit a contract", "/Contracts/Edit/{contract:SC-2021-0003}", Commissioner),
        new("Record a renewal", "/Contracts/Renew/{contract:SC-2021-0001}", Commissioner),
        new("Import contracts", "/Import", Commissioner),
        new("Import contracts: error summary", "/Import", Commissioner, SubmitWith("Upload file"), Errors: true),
        new("Match the columns", "/Import/Mapping/{upload:IMA}", Commissioner),
        new("Match the columns: workbook of several sheets", "/Import/Mapping/{upload-workbook:IMB}", Commissioner),
        // No column chosen as the reference.
        new("Match the columns: error summary", "/Import/Mapping/{upload:IMC}", Commissioner, Then(Choose("Import column \u201cContract ref\u201d as", "Do not import"), SubmitWith("Run dry run")), Errors: true),
        new("Import dry run", "/Import/DryRun/{dry-run:IMD}", Commissioner),
        new("Import complete", "/Import/Done/{imported:IME}", Commissioner),
        new("Providers", "/Providers", Commissioner),
        new("Add a provider", "/Providers/Create", Commissioner),
        new("Edit a provider", "/Providers/Edit/{provider:Persona}", Commissioner),
        new("Finance portfolio", "/Finance", Finance),
        new("Publish contract data", "/Publish", Finance),
        new("Publish contract data: 2021/22 Q2", "/Publish?quarter=2021-22-Q2", Finance),
        new("Finance portfolio: 2021/22", "/Finance?Year=2021", Finance),
        new("Annual value reviews", "/Finance/Reviews", Finance),
        new("Annual value review: decide", "/Finance/Reviews/{review:first}", Finance),
        new("Open a review", "/Finance/Reviews/Create/{contract:SC-2021-0001}", Commissioner),
        new("Open a review: error summary", "/Finance/Reviews/Create/{contract:SC-2021-0001}", Commissioner, SubmitWith("Propose value"), Errors: true),
        new("Add a savings target", "/Finance/Savings/Create/{contract:SC-2021-0001}", Commissioner),
        new("Add a savings target: error summary", "/Finance/Savings/Create/{contract:SC-2021-0001}", Commissioner, SubmitWith("Save savings target"), Errors: true),
        new("Edit a savings target", "/Finance/Savings/Edit/{savings:SC-2021-0001}", Finance),
        new("Split funding", "/Finance/Funding/{contract:SC-2021-0003}/2021", Finance),
        new("Estimate spot costs", "/Finance/Estimate/{contract:SC-2021-0003}?example=bnes", Commissioner),
        new("Estimate spot costs: results", "/Finance/Estimate/{contract:SC-2021-0003}?example=bnes", Commissioner, SubmitWith("Calculate")),
        new("Estimate spot costs: error summary", "/Finance/Estimate/{contract:SC-2021-0003}", Commissioner, SubmitWith("Calculate"), Errors: true),
        new("Key dates", "/", Commissioner),
        new("Key dates: all contracts", "/?show=all", Viewer),
        new("Exercise extension option", "/Contracts/{contract:SC-2023-0110}/Extend", Commissioner),
        new("Record a variation", "/Contracts/{contract:SC-2022-0103}/Vary", Commissioner),
        new("Record a variation: error summary", "/Contracts/{contract:SC-2022-0103}/Vary", Commissioner, SubmitWith("Record variation"), Errors: true),
        new("Record a negotiated continuation", "/Contracts/{contract:SC-2022-0103}/Continue", Commissioner),
        new("Record termination", "/Contracts/{contract:SC-2022-0103}/Terminate", Commissioner),
        new("Withdraw contract", "/Contracts/{contract:SC-2022-0103}/Withdraw", Commissioner),
        new("Procurement Act notices of a contract", "/Contracts/{contract:SC-2023-0110}/Notices", Commissioner),
        new("Procurement Act notices of a contract: read only", "/Contracts/{contract:SC-2021-0002}/Notices", Viewer),
        new("Record a notice as published", "/Contracts/{contract:SC-2023-0110}/Notices/Record?key=details", Finance),
        new("Record a notice as published: error summary", "/Contracts/{contract:SC-2023-0110}/Notices/Record?key=details", Finance, SubmitWith("Record as published"), Errors: true),
        new("Procurement Act notices", "/Publish/Notices", Finance),
        new("Procurement Act notices: published", "/Publish/Notices?status=published", Commissioner),
        new("Contract register: withdrawn shown", "/Contracts?Filter.ShowWithdrawn=true", Admin),
        new("Forward plan", "/Governance", Viewer),
        new("Meetings", "/Governance/Meetings", Viewer),
        new("Meeting: agenda", "/Governance/Meetings/{meeting:Strategic Commissioning Board}", Secretary),
        new("Meeting: error summary", "/Governance/Meetings/{meeting:Strategic Commissioning Board}", Secretary, SubmitWith("Add an item"), Errors: true),
        new("Schedule a meeting", "/Governance/Meetings/Create", Secretary),
        new("Reschedule a meeting", "/Governance/Meetings/Edit/{meeting:Strategic Commissioning Board}", Secretary),
        new("Reschedule a meeting: error summary", "/Governance/Meetings/Edit/{meeting:Strategic Commissioning Board}", Secretary, Then(Type("Start time (optional)", "25:00"), SubmitWith("Save changes")), Errors: true),
        new("Schedule a meeting: error summary", "/Governance/Meetings/Create", Secretary, SubmitWith("Schedule meeting"), Errors: true),
        new("Meeting: past agenda", "/Governance/Meetings/{meeting:Community Commissioning Management Team (CCMT)}", Secretary),
        new("Meeting: read only", "/Governance/Meetings/{meeting:Community Commissioning Management Team (CCMT)}", Viewer),
        new("Record attendance", "/Governance/Meetings/{meeting:Community Commissioning Management Team (CCMT)}/Attendance", Secretary),
        new("Record attendance: before the day", "/Governance/Meetings/{meeting:Strategic Commissioning Board}/Attendance", Secretary),
        new("Agenda item: presenter", "/Governance/Meetings/{meeting:Strategic Commissioning Board}/Items/{item-id-of-meeting:Strategic Commissioning Board}", Secretary),
        new("Agenda item: declarations and minutes", "/Governance/Meetings/{meeting:Community Commissioning Management Team (CCMT)}/Items/{item-id-of-meeting:Community Commissioning Management Team (CCMT)}", Secretary),
        new("Agenda item: error summary", "/Governance/Meetings/{meeting:Community Commissioning Management Team (CCMT)}/Items/{item-id-of-meeting:Community Commissioning Management Team (CCMT)}", Secretary, SubmitWith("Add declaration"), Errors: true),
        new("Agenda item: read only", "/Governance/Meetings/{meeting:Community Commissioning Management Team (CCMT)}/Items/{item-id-of-meeting:Community Commissioning Management Team (CCMT)}", Viewer),
        new("Decisions", "/Governance/Decisions", Viewer),
        new("Decision: route", "/Governance/Decisions/{decision:Persona}", Secretary),
        new("Decision: error summary", "/Governance/Decisions/{decision:Persona}", Secretary, SubmitWith("Add step"), Errors: true),
        new("Record a decision", "/Governance/Decisions/Create?contractId={contract:SC-2021-0001}", Secretary),
        new("Decision-making bodies", "/Governance/Bodies", Viewer),
        new("Add a decision-making body", "/Governance/Bodies/Create", Secretary),
        new("Edit a decision-making body", "/Governance/Bodies/Edit/{body:Strategic Commissioning Board}", Secretary),
        new("Change a decision's details", "/Governance/Decisions/Edit/{decision:Persona}", Secretary),
        new("Cover sheet: issued", "/CoverSheets/{sheet-of-contract:SC-2021-0001}", Viewer),
        new("Cover sheet: draft", "/CoverSheets/{sheet-of-meeting:Strategic Commissioning Board}", Secretary),
        new("Cover sheet: not issued yet", "/CoverSheets/{sheet-of-meeting:Strategic Commissioning Board}", Viewer),
        // The LCO paper (001): not about a contract decision, recorded as issued with Yes, No and N/A all ticked for one question.
        new("Cover sheet: not about a decision", "/CoverSheets/{sheet-of-meeting:Strategic Commissioning Board on 5 October 2020}", Secretary),
        new("Create a cover sheet", "/CoverSheets/Create?{new-sheet-of-meeting:Community Commissioning Management Team}", Secretary),
        new("Edit a cover sheet", "/CoverSheets/{sheet-of-meeting:Strategic Commissioning Board}/Edit", Secretary),
        new("Edit a cover sheet: error summary", "/CoverSheets/{sheet-of-meeting:Strategic Commissioning Board}/Edit", Secretary, SubmitWith("Save and issue version 1"), Errors: true),
        // The task list's section pages, for the demo's draft sheet (about a decision) and the LCO paper (rows entered by hand).
        new("Cover sheet section: About the item", "/CoverSheets/{sheet-of-meeting:Strategic Commissioning Board}/Edit/About", Secretary),
        new("Cover sheet section: About the item, error summary", "/CoverSheets/{sheet-of-meeting:Strategic Commissioning Board}/Edit/About", Secretary,
            Then(Type("Title", new string('T', 301)), SubmitWith("Save and continue")), Errors: true),
        new("Cover sheet section: Summary and recommendations", "/CoverSheets/{sheet-of-meeting:Strategic Commissioning Board}/Edit/Summary", Secretary),
        new("Cover sheet section: Links and assurance", "/CoverSheets/{sheet-of-meeting:Strategic Commissioning Board}/Edit/Links", Secretary),
        new("Cover sheet section: Implications", "/CoverSheets/{sheet-of-meeting:Strategic Commissioning Board}/Edit/Implications", Secretary),
        new("Cover sheet section: Governance from the route", "/CoverSheets/{sheet-of-meeting:Strategic Commissioning Board}/Edit/Governance", Secretary),
        new("Cover sheet section: Governance by hand", "/CoverSheets/{sheet-of-meeting:Strategic Commissioning Board on 5 October 2020}/Edit/Governance", Secretary),
        new("Attach a document", "/Documents/Upload/Contract/{contract:SC-2021-0001}", Commissioner),
        new("Attach a document: error summary", "/Documents/Upload/Contract/{contract:SC-2021-0001}", Commissioner, SubmitWith("Attach a document"), Errors: true),
        new("Attach a document to an agenda item", "/Documents/Upload/AgendaItem/{agenda-item:Strategic Commissioning Board}", Secretary),
        new("Delete a document", "/Documents/Delete/{document-of-contract:SC-2021-0001}", Commissioner),
        new("Users and roles", "/Admin/Users", Admin),
        new("Add a user", "/Admin/Users/Create", Admin),
        new("Edit a user", "/Admin/Users/Edit/{user:Tom Whitfield}", Admin),
        new("Edit a user: reset link shown", "/Admin/Users/Edit/{user:Tom Whitfield}", Admin, SubmitWith("Send a password reset link")),
        new("Add a user: error summary", "/Admin/Users/Create", Admin, SubmitWith("Save user"), Errors: true),
        new("Directorates", "/Admin/Directorates", Admin),
        new("Add a directorate", "/Admin/Directorates/Create", Admin),
        new("Add a directorate: error summary", "/Admin/Directorates/Create", Admin, SubmitWith("Save directorate"), Errors: true),
        new("Edit a directorate", "/Admin/Directorates/Edit/{directorate:Adult Social Care}", Admin),
        new("Sign-in and security", "/Account/Security", Viewer),
        new("Change password", "/Account/Security/ChangePassword", Viewer),
        new("Change password: error summary", "/Account/Security/ChangePassword", Viewer, SubmitWith("Change password"), Errors: true),
        new("Set up an authenticator app", "/Account/Security/Authenticator", Viewer),
        new("Set up an authenticator app: error summary", "/Account/Security/Authenticator", Viewer, SubmitWith("Turn on two-step sign-in"), Errors: true),
        // Two-step sign-in off: no codes to show (the codes themselves: AccountSecurityTests, with axe).
        new("Recovery codes", "/Account/Security/RecoveryCodes", Viewer),
        new("Accessibility statement", "/Accessibility"),
        new("Privacy notice", "/Privacy"),
        new("Privacy notice: signed in", "/Privacy", Viewer),
        new("Published contracts", "/Public/Contracts"),
        new("Published contracts: search, page 2", "/Public/Contracts?q=SC-&page=2"),
        new("Published contracts: signed in", "/Public/Contracts", Viewer),
        // A viewer asking to add a provider is sent to the access-denied page.
        new("Access denied", "/Providers/Create", Viewer, Status: 403),
    ];

    public static TheoryData<string> Names
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (var page in All) names.Add(page.Name);
            return names;
        }
    }

    /// <summary>The pages that show an error summary.</summary>
    public static TheoryData<string> NamesWithErrors
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (var page in All.Where(p => p.Errors)) names.Add(page.Name);
            return names;
        }
    }

    public static AppPage Named(string name) => All.Single(p => p.Name == name);

    /// <summary>Presses a form's button without filling anything in.</summary>
    /// <summary>The password step of signing in, which leads a user with two-step sign-in to the code page.</summary>
    private static Func<IPage, Task> PasswordOf(string email) => async page =>
    {
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(AppServer.DemoPassword);
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
    };

    private static Func<IPage, Task> Choose(string label, string option) => async page =>
        await page.GetByLabel(label, new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = option });

    private static Func<IPage, Task> Type(string label, string text) => page =>
        page.GetByLabel(label, new() { Exact = true }).FillAsync(text);

    private static Func<IPage, Task> Follow(string link) => page =>
        Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }));

    private static Func<IPage, Task> Then(params Func<IPage, Task>[] steps) => async page =>
    {
        foreach (var step in steps) await step(page);
    };

    private static Func<IPage, Task> SubmitWith(string button) => async page =>
    {
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }));
    };
}
