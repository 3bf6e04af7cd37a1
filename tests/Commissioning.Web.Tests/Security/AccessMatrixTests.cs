using System.Diagnostics;
using System.Net;
using Commissioning.Web.Tests.Support;
using Xunit.Abstractions;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Security;

/// <summary>
/// Every page the application routes, asked for by someone not signed in and by each of the five demo
/// roles, and every form posted by everyone who may not use it. What each may do is written here from the
/// roles as the register means them (README, issue 13), not read from the pages' attributes: a page that
/// forgets its policy answers 200 where this table says no.
/// </summary>
[Collection(SharedApp.Security)]
public sealed class AccessMatrixTests(CommissioningFactory factory, ITestOutputHelper output)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    /// <summary><see cref="Uploader"/>: as <see cref="Editors"/>, and an upload's pages are found only by whoever uploaded it (the administrator here).</summary>
    public enum Access { Public, SignInStep, CouncilSignIn, Everyone, Editors, SavingsEditors, FinanceDeciders, Governance, Publishers, Administrators, Uploader }

    /// <summary>Who may open each page.</summary>
    private static readonly Dictionary<string, Access> Pages = new()
    {
        // Public: signing in, the pages about the service, errors, and the calendar feed (its address is the credential).
        ["/Account/SignIn"] = Access.Public,
        ["/Account/SignOut"] = Access.Public,
        ["/Account/AccessDenied"] = Access.Public,
        ["/Error"] = Access.Public,
        ["/Accessibility"] = Access.Public,
        ["/Privacy"] = Access.Public,
        ["/KeyDates/Calendar"] = Access.Public,
        ["/Account/ResetPassword"] = Access.Public,
        // What the council publishes (issue 17): the public contracts page and the OCDS feed.
        ["/Public/Contracts"] = Access.Public,
        ["/Public/Releases"] = Access.Public,
        ["/Public/Record"] = Access.Public,
        // The code steps of two-step sign-in open only after a right password: anyone else goes back to sign in.
        ["/Account/TwoStep"] = Access.SignInStep,
        ["/Account/RecoveryCode"] = Access.SignInStep,
        // Council sign-in is off unless Authentication:Oidc:Authority is set: it is not there at all.
        ["/Account/ExternalSignIn"] = Access.CouncilSignIn,
        // Everyone signed in keeps their own sign-in and security.
        ["/Account/SignOutEverywhere"] = Access.Everyone,
        ["/Account/Security/Index"] = Access.Everyone,
        ["/Account/Security/ChangePassword"] = Access.Everyone,
        ["/Account/Security/Authenticator"] = Access.Everyone,
        ["/Account/Security/RecoveryCodes"] = Access.Everyone,
        // Everyone signed in reads the register, its finance and its governance.
        ["/KeyDates/Index"] = Access.Everyone,
        ["/Contracts/Index"] = Access.Everyone,
        ["/Contracts/Details"] = Access.Everyone,
        ["/Providers/Index"] = Access.Everyone,
        ["/Providers/Edit"] = Access.Everyone,
        ["/Finance/Index"] = Access.Everyone,
        ["/Finance/Reviews/Index"] = Access.Everyone,
        ["/Finance/Reviews/Details"] = Access.Everyone,
        ["/Governance/Index"] = Access.Everyone,
        ["/Governance/Bodies/Index"] = Access.Everyone,
        ["/Governance/Bodies/Edit"] = Access.Everyone,
        ["/Governance/Decisions/Index"] = Access.Everyone,
        ["/Governance/Decisions/Details"] = Access.Everyone,
        ["/Governance/Meetings/Index"] = Access.Everyone,
        ["/Governance/Meetings/Details"] = Access.Everyone,
        ["/Governance/Meetings/Pack"] = Access.Everyone,
        ["/Governance/Meetings/Agenda"] = Access.Everyone,
        ["/Governance/Meetings/Item"] = Access.Everyone,
        ["/CoverSheets/Details"] = Access.Everyone,
        ["/CoverSheets/Version"] = Access.Everyone,
        // Commissioners (and administrators) keep the register.
        ["/Contracts/Create"] = Access.Editors,
        ["/Contracts/Edit"] = Access.Editors,
        ["/Contracts/Renew"] = Access.Editors,
        ["/Contracts/Lifecycle/Continue"] = Access.Editors,
        ["/Contracts/Lifecycle/Extend"] = Access.Editors,
        ["/Contracts/Lifecycle/Terminate"] = Access.Editors,
        ["/Contracts/Lifecycle/Vary"] = Access.Editors,
        ["/Contracts/Lifecycle/Withdraw"] = Access.Editors,
        ["/Providers/Create"] = Access.Editors,
        ["/Import/Index"] = Access.Editors,
        ["/Import/Mapping"] = Access.Uploader,
        ["/Import/DryRun"] = Access.Uploader,
        ["/Import/Done"] = Access.Uploader,
        ["/Finance/Estimate"] = Access.Editors,
        ["/Finance/Reviews/Create"] = Access.Editors,
        // Savings belong to commissioners and finance officers both; funding splits to finance officers.
        ["/Finance/Savings/Create"] = Access.SavingsEditors,
        ["/Finance/Savings/Edit"] = Access.SavingsEditors,
        ["/Finance/Funding"] = Access.FinanceDeciders,
        // Commissioners, finance officers and administrators publish contract data (issue 17).
        ["/Publish/Index"] = Access.Publishers,
        // Board secretaries keep bodies, meetings, decisions' routes and cover sheets.
        ["/Governance/Bodies/Create"] = Access.Governance,
        ["/Governance/Decisions/Create"] = Access.Governance,
        ["/Governance/Decisions/Edit"] = Access.Governance,
        ["/Governance/Meetings/Create"] = Access.Governance,
        ["/Governance/Meetings/Edit"] = Access.Governance,
        ["/Governance/Meetings/Attendance"] = Access.Governance,
        ["/CoverSheets/Create"] = Access.Governance,
        ["/CoverSheets/Edit"] = Access.Governance,
        ["/CoverSheets/Sections/About"] = Access.Governance,
        ["/CoverSheets/Sections/Summary"] = Access.Governance,
        ["/CoverSheets/Sections/Links"] = Access.Governance,
        ["/CoverSheets/Sections/Implications"] = Access.Governance,
        ["/CoverSheets/Sections/Governance"] = Access.Governance,
        // Administrators alone manage people and directorates.
        ["/Admin/Users/Index"] = Access.Administrators,
        ["/Admin/Users/Create"] = Access.Administrators,
        ["/Admin/Users/Edit"] = Access.Administrators,
        ["/Admin/Directorates/Index"] = Access.Administrators,
        ["/Admin/Directorates/Create"] = Access.Administrators,
        ["/Admin/Directorates/Edit"] = Access.Administrators,
        // Procurement Act notices: everyone reads a contract's; those who publish contract data record them and see the dashboard.
        ["/Publish/Notices/ContractNotices"] = Access.Everyone,
        ["/Publish/Notices/Record"] = Access.Publishers,
        ["/Publish/Notices/Index"] = Access.Publishers,
        // Documents (issue 18): everyone who sees the owner downloads; its editors attach and delete (the probes' owner is a contract).
        ["/Documents/Download"] = Access.Everyone,
        ["/Documents/Upload"] = Access.Editors,
        ["/Documents/Delete"] = Access.Editors,
    };

    /// <summary>Who may use each form, where it differs from who may open its page (a page everyone reads, a form only some use).</summary>
    private static readonly Dictionary<(string Page, string? Handler), Access> Forms = new()
    {
        [("/KeyDates/Index", "NewAddress")] = Access.Everyone,
        [("/Providers/Edit", null)] = Access.Editors,
        [("/Finance/Reviews/Details", "Agree")] = Access.FinanceDeciders,
        [("/Finance/Reviews/Details", "Return")] = Access.FinanceDeciders,
        [("/Finance/Reviews/Details", "Withdraw")] = Access.Editors,
        [("/Governance/Bodies/Edit", null)] = Access.Governance,
        [("/Governance/Decisions/Details", "AddStep")] = Access.Governance,
        [("/Governance/Decisions/Details", "Outcome")] = Access.Governance,
        [("/Governance/Decisions/Details", "Reschedule")] = Access.Governance,
        [("/Governance/Decisions/Details", "RemoveStep")] = Access.Governance,
        [("/Governance/Meetings/Details", "Add")] = Access.Governance,
        [("/Governance/Meetings/Details", "Number")] = Access.Governance,
        [("/Governance/Meetings/Details", "Move")] = Access.Governance,
        [("/Governance/Meetings/Details", "Remove")] = Access.Governance,
        [("/Governance/Meetings/Item", "Presenter")] = Access.Governance,
        [("/Governance/Meetings/Item", "Declare")] = Access.Governance,
        [("/Governance/Meetings/Item", "Withdraw")] = Access.Governance,
        [("/Governance/Meetings/Item", "Minutes")] = Access.Governance,
        // A contract's Procurement Act details are the register's: commissioners and administrators.
        [("/Publish/Notices/ContractNotices", null)] = Access.Editors,
    };

    private static readonly string?[] Identities = [null, Commissioner, Secretary, Finance, Viewer, Administrator];

    public static bool MayUse(Access access, string? who) => access switch
    {
        Access.Public or Access.SignInStep or Access.CouncilSignIn => true,
        _ when who is null => false,
        Access.Everyone => true,
        Access.Editors or Access.Uploader => who is Commissioner or Administrator,
        Access.SavingsEditors => who is Commissioner or Finance or Administrator,
        Access.FinanceDeciders => who is Finance or Administrator,
        Access.Governance => who is Secretary or Administrator,
        Access.Publishers => who is Commissioner or Finance or Administrator,
        _ => who is Administrator,
    };

    public static Access PageAccess(AppPage page) => Pages.TryGetValue(page.Page, out var access)
        ? access
        : throw new InvalidOperationException($"{page.Page} is a new page: say who may open it in {nameof(AccessMatrixTests)}.{nameof(Pages)}.");

    public static Access FormAccess(Probe post) =>
        Forms.TryGetValue((post.Page.Page, post.Handler), out var access) ? access : PageAccess(post.Page);

    [Fact]
    public async Task Every_page_answers_each_identity_as_its_role_allows()
    {
        var watch = Stopwatch.StartNew();
        var pages = await AppRoutes.DiscoverAsync(factory);
        var ids = await AppRoutes.DemoIdsAsync(factory);
        var clients = await ClientsAsync();
        var wrong = new List<string>();
        var cells = 0;

        foreach (var get in pages.SelectMany(p => AppRoutes.Gets(p, ids)))
        {
            var access = PageAccess(get.Page);
            foreach (var who in Identities)
            {
                var page = await clients[who ?? ""].GetPageAsync(get.Url);
                cells++;
                var ok = access switch
                {
                    Access.SignInStep => Probing.IsSentToSignIn(page),
                    Access.CouncilSignIn => page.Status == HttpStatusCode.NotFound,
                    // The uploader's page opens (done: not imported yet, so back to its dry run); another editor's is not found.
                    Access.Uploader when MayUse(access, who) => who == Administrator
                        ? page.Status == HttpStatusCode.OK || page.Status == HttpStatusCode.Redirect && (page.Location ?? "").StartsWith("/Import/", StringComparison.Ordinal)
                        : page.Status == HttpStatusCode.NotFound,
                    _ when MayUse(access, who) => page.Status == (get.Page.Page == "/Account/AccessDenied" ? HttpStatusCode.Forbidden : HttpStatusCode.OK),
                    _ => who is null ? Probing.IsSentToSignIn(page) : Probing.IsDenied(page),
                };
                if (!ok) wrong.Add($"{get.Name} ({get.Url}) as {who ?? "anonymous"}: {Probing.Describe(page)}, expected {(MayUse(access, who) ? "200" : "refusal")}");
            }
        }

        output.WriteLine($"GET access matrix: {pages.Count} pages, {cells} cells (page or download × 6 identities) in {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        // 55 pages on the day this was written: far fewer means the discovery broke, not that pages went.
        Assert.True(pages.Count >= 50 && cells >= 300, $"Only {pages.Count} pages and {cells} cells were found: is the discovery broken?");
    }

    [SqliteOnlyFact("watches for writes with SQLite's PRAGMA data_version and rowid")]
    public async Task Every_form_refuses_whoever_may_not_use_it_and_changes_nothing()
    {
        var watch = Stopwatch.StartNew();
        var pages = await AppRoutes.DiscoverAsync(factory);
        var ids = await AppRoutes.DemoIdsAsync(factory);
        var clients = await ClientsAsync();
        var admin = clients[Administrator];
        var tokens = new Dictionary<string, string>();
        foreach (var (who, client) in clients)
            tokens[who] = await client.TokenAsync(who == "" ? "/Account/SignIn" : "/Account/SignOut");
        using var database = DatabaseWatch.Start(factory);
        var wrong = new List<string>();
        var cells = 0;

        foreach (var post in pages.SelectMany(p => AppRoutes.Posts(p, ids)))
        {
            var access = FormAccess(post);
            // The form as an administrator fills it: well formed, so a refusal is the role's, not the input's.
            var fields = (await admin.GetPageAsync(post.Url)).FormFor(post.Url, post.Handler) ?? new FormFields();
            // Only the posts are on trial: a GET may write (the authenticator page stores the key it shows).
            database.Accept();
            foreach (var who in Identities.Where(w => !MayUse(access, w)))
            {
                var key = who ?? "";
                var page = await clients[key].PostRawAsync(post.HandlerUrl, fields.Set(Browser.TokenName, tokens[key]));
                cells++;
                if (!(who is null ? Probing.IsSentToSignIn(page) : Probing.IsDenied(page)))
                    wrong.Add($"{post.Name} as {who ?? "anonymous"}: {Probing.Describe(page)}, expected a refusal");
                if (database.Changed(out var tables))
                {
                    wrong.Add($"{post.Name} as {who ?? "anonymous"} changed {tables}");
                    database.Accept();
                }
            }
        }

        output.WriteLine($"POST access matrix: {cells} refused posts (form × identity that may not use it) in {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(cells >= 150, $"Only {cells} refused posts were sent: is the discovery broken?");
    }

    /// <summary>A client for each identity: "" is someone not signed in.</summary>
    private async Task<Dictionary<string, HttpClient>> ClientsAsync()
    {
        var clients = new Dictionary<string, HttpClient> { [""] = factory.NewClient() };
        foreach (var user in DemoUsers) clients[user] = await factory.SignedInClientAsync(user);
        return clients;
    }
}
