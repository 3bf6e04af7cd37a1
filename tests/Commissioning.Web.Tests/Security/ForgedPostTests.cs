using System.Diagnostics;
using System.Net;
using Commissioning.Web.Tests.Support;
using Xunit.Abstractions;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Security;

/// <summary>
/// Cross-site request forgery: every form of every page, posted by a signed-in administrator (who may
/// use them all) as another site would make their browser post it: without the antiforgery token, or
/// with a token that is not this session's. Each must be refused with 400 and change nothing.
/// </summary>
[Collection(SharedApp.Security)]
public sealed class ForgedPostTests(CommissioningFactory factory, ITestOutputHelper output)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [SqliteOnlyFact("watches for writes with SQLite's PRAGMA data_version and rowid")]
    public async Task Every_form_posted_without_this_sessions_token_is_refused_and_changes_nothing()
    {
        var watch = Stopwatch.StartNew();
        var pages = await AppRoutes.DiscoverAsync(factory);
        var ids = await AppRoutes.DemoIdsAsync(factory);
        var admin = await factory.SignedInClientAsync(Administrator);
        var own = await admin.TokenAsync("/Account/SignOut");
        // Tokens a forger could hold: their own session's as the same user, and a stranger's who is not signed in.
        var otherSession = await (await factory.SignedInClientAsync(Administrator)).TokenAsync("/Account/SignOut");
        var anonymous = await factory.NewClient().TokenAsync("/Account/SignIn");
        var tampered = own[..^4] + (own[^4] == 'A' ? 'B' : 'A') + own[^3..];
        (string Name, string? Token)[] forgeries =
            [("no token", null), ("another session's token", otherSession), ("a stranger's token", anonymous), ("a token with one character changed", tampered)];
        using var database = DatabaseWatch.Start(factory);
        var wrong = new List<string>();
        int sent = 0, forms = 0, found = 0;

        foreach (var post in pages.SelectMany(p => AppRoutes.Posts(p, ids)))
        {
            // The form as the administrator would send it, so only the token is wrong.
            var form = (await admin.GetPageAsync(post.Url)).FormFor(post.Url, post.Handler);
            // Only the posts are on trial: a GET may write (the authenticator page stores the key it shows).
            database.Accept();
            forms++;
            if (form is not null) found++;
            var fields = form ?? new FormFields();
            foreach (var (name, token) in forgeries)
            {
                if (token is null) fields.Remove(Browser.TokenName);
                else fields.Set(Browser.TokenName, token);
                var page = await admin.PostRawAsync(post.HandlerUrl, fields);
                sent++;
                if (page.Status != HttpStatusCode.BadRequest) wrong.Add($"{post.Name} with {name}: {Probing.Describe(page)}, expected 400");
                if (database.Changed(out var tables))
                {
                    wrong.Add($"{post.Name} with {name} changed {tables}");
                    database.Accept();
                }
            }
        }

        // A handler whose button the page does not offer now (Agree on a review already agreed) is posted with no fields.
        output.WriteLine($"Forged posts: {sent} ({forms} forms × {forgeries.Length} forgeries; {found} forms as the page offers them) in {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(sent >= 150, $"Only {sent} forged posts were sent: is the discovery broken?");
    }

    /// <summary>The probe above is only worth something if the same form with the session's own token goes through.</summary>
    [Fact]
    public async Task The_same_form_with_the_sessions_own_token_is_accepted()
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var id = await factory.ProviderIdAsync("Bury GP Federation");
        var fields = (await admin.GetPageAsync($"/Providers/Edit/{id}")).FormFor($"/Providers/Edit/{id}", null)!;
        fields.Set("Input.Name", "Bury GP Federation (renamed)");

        var page = await admin.PostRawAsync($"/Providers/Edit/{id}", fields);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(id, await factory.ProviderIdAsync("Bury GP Federation (renamed)"));
    }
}
