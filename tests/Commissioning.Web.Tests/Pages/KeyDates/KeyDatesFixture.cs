using System.Net;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Governance;
using Commissioning.Infrastructure.Identity;
using Commissioning.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Web.Tests.Pages.KeyDates;

[CollectionDefinition(Name)]
public sealed class KeyDatesCollection : ICollectionFixture<KeyDatesFixture>
{
    public const string Name = "Key dates";
}

/// <summary>
/// The application on a fixed day, 31 March 2027 (a year end), with a seeded set of contracts for a
/// commissioner of its own, Priya Shah, whose contracts end on and around the bucket boundaries.
/// SMTP points at a local sink; the digest's hour has passed on the fixed day when the app starts,
/// so the background service never sends by itself and the tests call the sender directly.
/// </summary>
public sealed class KeyDatesFixture : IAsyncLifetime
{
    public const string Email = "priya.shah@council.test";
    public const string DisplayName = "Priya Shah";
    public const string Password = "key-dates-test-password";
    /// <summary>A historic name (no user of the register) on another contract.</summary>
    public const string OtherCommissioner = "Someone Else";
    public const string BaseUrl = "https://register.council.test";
    /// <summary>Has a comma, a semicolon and a backslash, which the calendar feed must escape.</summary>
    public const string AwkwardTitle = "Home care, nights; weekends \\ holidays";

    public static readonly DateOnly Today = new(2027, 3, 31);
    public static readonly DateTimeOffset Now = new(2027, 3, 31, 10, 0, 0, TimeSpan.Zero);

    private readonly CommissioningFactory _root;

    public KeyDatesFixture()
    {
        Sink = new SmtpSink();
        _root = CommissioningFactory.With(
            ("Smtp:Host", "127.0.0.1"), ("Smtp:Port", Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Smtp:EnableSsl", "false"), ("Smtp:From", "register@council.test"), ("App:BaseUrl", BaseUrl),
            ("Digest:SendAtHour", "7"), ("KeyDates:LeadTimeMonths", "6"));
        App = _root.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(new FixedTime(Now))));
    }

    public SmtpSink Sink { get; }
    public WebApplicationFactory<Program> App { get; }
    public Dictionary<string, int> Ids { get; } = [];
    public string PriyaId { get; private set; } = "";

    public int Id(string reference) => Ids[reference];

    public HttpClient NewClient() =>
        App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<HttpClient> SignedInAsync(string email = Email, string password = Support.CommissioningFactory.DemoPassword)
    {
        var client = NewClient();
        var response = await client.SignInAsync(email, email == Email ? Password : password);
        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        return client;
    }

    public AsyncServiceScope Scope() => App.Services.CreateAsyncScope();

    public async Task<ApplicationUser> CreateUserAsync(string email, string displayName, string role = Roles.Commissioner)
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    public async Task InitializeAsync()
    {
        var priya = await CreateUserAsync(Email, DisplayName);
        PriyaId = priya.Id;
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<Infrastructure.Data.CommissioningDbContext>();
        var provider = await db.Providers.Where(p => p.Name == "Persona Care and Support Limited").Select(p => p.Id).SingleAsync();
        var directorate = await db.DirectorateIdAsync("Adult Social Care");
        var start = new DateOnly(2025, 4, 1);

        // Priya's unless a historic name (no user) is given.
        BlockContract Add(string reference, DateOnly end, int notice, string? historic = null, bool awarded = true,
            bool option = false, string? title = null, DateOnly? startDate = null)
        {
            var c = new BlockContract(provider, Money.Pounds(100_000m));
            c.Describe(new ContractDescription(reference, title ?? $"Key dates test {reference}", null, ServiceCategory.DomiciliaryCare,
                directorate, historic is null ? ResponsibleCommissioner.User(priya.Id) : ResponsibleCommissioner.Historic(historic),
                ProcurementRoute.OpenTender, false, Confidentiality.Open));
            c.SetTerm(new ContractTerm(startDate ?? start, end, option ? [new ExtensionOptionTerm(12, false)] : [], notice));
            if (awarded) c.RecordAward((startDate ?? start).AddDays(-30), lettingDecision: null);
            db.Contracts.Add(c);
            return c;
        }

        // The decision deadline is the end, plus a day, less notice and 6 months' lead time.
        Add("KD-01", new DateOnly(2027, 3, 31), 1);                                  // ends today; decide by 1 Sep 2026
        Add("KD-02", new DateOnly(2027, 6, 30), 3, title: AwkwardTitle, option: true); // exactly 3 months; 1 Oct 2026
        Add("KD-03", new DateOnly(2027, 7, 1), 0);                                   // 3-6; 2 Jan 2027
        Add("KD-04", new DateOnly(2027, 9, 30), 0);                                  // exactly 6 months; 1 Apr 2027
        Add("KD-05", new DateOnly(2027, 10, 1), 0);                                  // 6-12; 2 Apr 2027
        Add("KD-06", new DateOnly(2027, 10, 30), 1);                                 // 6-12; 31 Mar 2027, due today, not overdue
        Add("KD-07", new DateOnly(2028, 3, 31), 6);                                  // exactly 12 months; 1 Apr 2027
        Add("KD-08", new DateOnly(2028, 4, 1), 6);                                   // 12-18; 2 Apr 2027
        Add("KD-09", new DateOnly(2028, 9, 30), 6);                                  // exactly 18 months; 1 Oct 2027
        Add("KD-10", new DateOnly(2028, 10, 1), 6);                                  // past 18 months; 2 Oct 2027
        Add("KD-11", new DateOnly(2027, 3, 30), 3);                                  // ended yesterday, nothing recorded
        var terminating = Add("KD-12", new DateOnly(2027, 12, 31), 3);               // terminated from 30 April 2027
        var terminated = Add("KD-13", new DateOnly(2027, 12, 31), 3);                // terminated 1 January 2027: over
        Add("KD-14", new DateOnly(2027, 5, 31), 3, awarded: false);                  // not awarded
        var withdrawn = Add("KD-15", new DateOnly(2027, 5, 31), 3);                  // withdrawn: entered in error
        Add("KD-16", new DateOnly(2027, 5, 31), 3, historic: OtherCommissioner);     // someone else's; 1 Sep 2026
        Add("KD-17", new DateOnly(2027, 5, 2), 1);                                   // mine too; 3 Oct 2026
        // Names Priya as text only, as a contract migrated from before commissioners were users might: not hers.
        Add("KD-20", new DateOnly(2027, 6, 15), 1, historic: DisplayName);            // 16 Nov 2026
        var renewed = Add("KD-18", new DateOnly(2027, 5, 31), 3);                    // renewal recorded
        terminating.TerminateOn(new DateOnly(2027, 4, 30), "Provider exit agreed");
        terminated.TerminateOn(new DateOnly(2027, 1, 1), "Breach of contract");
        withdrawn.Withdraw("Entered in error", new Actor("test", "Test"), Now.UtcDateTime);
        await db.SaveChangesAsync();

        var successor = Add("KD-19", new DateOnly(2030, 5, 31), 3, startDate: new DateOnly(2027, 6, 1)); // decide by 1 Sep 2029
        successor.Renews(renewed);

        // Governance: a decision waiting for Test Board on 15 April 2027, and one already approved.
        var body = new DecisionBody("Test Board", DecisionBodyKind.ExecutiveBoard);
        db.DecisionBodies.Add(body);
        await db.SaveChangesAsync();
        foreach (var c in db.Contracts.Local.Where(c => c.Reference.StartsWith("KD-", StringComparison.Ordinal)))
            Ids[c.Reference] = c.Id;

        var waiting = new ContractDecision(Id("KD-02"), new DecisionDetails(DecisionKind.Extension, "Extend KD-02 by its option"));
        waiting.AddStep(body, new DateOnly(2027, 3, 1), GovernanceAction.Note);
        waiting.RecordOutcome(1, StepOutcome.Noted, null, Today);
        waiting.AddStep(body, new DateOnly(2027, 4, 15), GovernanceAction.Approve);
        var approved = new ContractDecision(Id("KD-03"), new DecisionDetails(DecisionKind.Termination, "Let KD-03 expire"));
        approved.AddStep(body, new DateOnly(2027, 3, 1), GovernanceAction.Approve);
        approved.RecordOutcome(1, StepOutcome.Approved, null, Today);
        var someoneElses = new ContractDecision(Id("KD-16"), new DecisionDetails(DecisionKind.Renewal, "Renew KD-16"));
        someoneElses.AddStep(body, new DateOnly(2027, 5, 1), GovernanceAction.Decide);
        db.ContractDecisions.AddRange(waiting, approved, someoneElses);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _root.DisposeAsync();
        Sink.Dispose();
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
