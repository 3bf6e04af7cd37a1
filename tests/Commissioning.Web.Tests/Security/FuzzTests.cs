using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Commissioning.Web.Tests.Support;
using Xunit.Abstractions;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Security;

/// <summary>
/// Malformed posts to every form, with a valid antiforgery token and as someone allowed to use the form:
/// each must be answered without a server error (below 500), and an answer that is not a save (the form
/// shown again with its errors, a 400 or a 404) must leave the database as it was. The inputs come from
/// a fixed seed, so a failure is repeatable; the number sent is counted, not assumed.
/// </summary>
[Collection(SharedApp.Security)]
public sealed partial class FuzzTests(CommissioningFactory factory, ITestOutputHelper output)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    private const int Seed = 13;
    private const int PostsPerForm = 60;

    private static readonly string[] Nasty =
    [
        "", " ", "\t\r\n", new string('x', 300), new string('é', 5_000), new string('9', 70_000),
        "\u0000", "a\u0000b", "\u0001\u0002\u001b[31m\u007f", "\u202Egnp.exe", "\uFEFF1", "👩🏽‍⚕️🏥", "Ω≈ç√∫˜µ≤≥÷", "ﷺ", "𝕿𝖊𝖘𝖙",
        "0", "-1", "-0", "1e309", "NaN", "Infinity", "99999999999999999999999999", "-9223372036854775809", "2147483648", "0x1F", "abc", "1,2", "１２",
        "1.005", "£1,234.567", "-£5.00", "£", "1.2.3", "12,34,5.6", "£ 1 000", "1e3", "00000000000001.00",
        "31", "32", "0", "13", "2021-02-30", "29/02/2023", "2021-13-01", "0001-01-01", "9999-12-31", "10000",
        "true", "false", "on", "maybe", "null", "undefined", "[]", "{}", "not-a-guid", Guid.NewGuid().ToString(), "00000000-0000-0000-0000-000000000000",
        "' OR '1'='1", "1; DROP TABLE Contracts;--", "../../../../etc/passwd", "%00", "%2e%2e%2f", "${7*7}", "{{7*7}}", "@Html.Raw(1)",
        "<script>alert(1)</script>", "=HYPERLINK(\"http://x\")", "Block", "Consortium", "Cabinet", "Approve", "up", "down", "sideways",
    ];

    [SqliteOnlyFact("watches for writes with SQLite's PRAGMA data_version and rowid")]
    public async Task Malformed_posts_to_every_form_get_an_answer_below_500_and_change_nothing_unless_saved()
    {
        var watch = Stopwatch.StartNew();
        var pages = await AppRoutes.DiscoverAsync(factory);
        var ids = await AppRoutes.DemoIdsAsync(factory);
        var admin = await factory.SignedInClientAsync(Administrator);
        var adminToken = await admin.TokenAsync("/Account/SignOut");
        var random = new Random(Seed);
        using var database = DatabaseWatch.Start(factory);
        var wrong = new List<string>();
        int sent = 0, saved = 0;

        foreach (var post in pages.SelectMany(p => AppRoutes.Posts(p, ids)))
        {
            // Signing in and out are for anyone: fuzzed from a stranger's browser, so the administrator stays signed in
            // (signing out everywhere too: its first post would end the administrator's session for every form after it).
            var (client, token) = AccessMatrixTests.FormAccess(post) == AccessMatrixTests.Access.Public || post.Page.Page == "/Account/SignOutEverywhere"
                ? await StrangerAsync()
                : (admin, adminToken);
            var form = (await client.GetPageAsync(post.Url)).FormFor(post.Url, post.Handler) ?? new FormFields();
            // Only the posts are on trial: a GET may write (the authenticator page stores the key it shows).
            database.Accept();
            for (var n = 0; n < PostsPerForm; n++)
            {
                var (url, fields, what) = Mutate(post, form, random, ids);
                fields.Set(Browser.TokenName, token);
                HttpStatusCode status;
                try
                {
                    // Only the status matters here: not parsing thousands of answers keeps the class inside its minute.
                    using var content = new FormUrlEncodedContent(fields);
                    using var response = await client.PostAsync(url, content);
                    status = response.StatusCode;
                }
                catch (Exception e)
                {
                    wrong.Add($"{post.Name} [{what}]: threw {e.GetType().Name}: {e.Message}");
                    continue;
                }
                sent++;
                if ((int)status >= 500) wrong.Add($"{post.Name} [{what}] → {(int)status}");
                var isSave = status is HttpStatusCode.Redirect or HttpStatusCode.SeeOther;
                if (isSave)
                {
                    saved++;
                    database.Accept();
                }
                else if (database.Changed(out var tables))
                {
                    wrong.Add($"{post.Name} [{what}] answered {(int)status} but changed {tables}");
                    database.Accept();
                }
            }
        }

        output.WriteLine($"Fuzzed posts: {sent} sent ({saved} saved or redirected), seed {Seed}, {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {sent}:\n" + string.Join("\n", wrong.Take(60)));
        Assert.True(sent >= 2_500, $"Only {sent} fuzzed posts were sent: is the discovery broken?");
    }

    /// <summary>
    /// Found by the fuzzing above: a page whose forms all name their handler (a review's Agree and Return,
    /// a meeting's agenda buttons) ran no handler for a post naming none of them, rendered itself without
    /// its data and failed with a 500. A post to a handler the page does not have is now a 404. (A page with
    /// a main handler still gives it any post whose handler it does not know: that is ASP.NET's choice.)
    /// </summary>
    [SqliteOnlyFact("watches for writes with SQLite's PRAGMA data_version and rowid")]
    public async Task A_post_to_a_handler_the_page_does_not_have_is_not_found_and_changes_nothing()
    {
        var pages = await AppRoutes.DiscoverAsync(factory);
        var ids = await AppRoutes.DemoIdsAsync(factory);
        var admin = await factory.SignedInClientAsync(Administrator);
        var token = await admin.TokenAsync("/Account/SignOut");
        using var database = DatabaseWatch.Start(factory);
        var wrong = new List<string>();
        var sent = 0;

        foreach (var page in pages.Where(p => !p.PostHandlers.Contains(null)))
        {
            var url = AppRoutes.Fill(page, ids);
            foreach (var address in new[] { url, url + (url.Contains('?') ? "&" : "?") + "handler=Nope" })
            {
                var answer = await admin.PostRawAsync(address, new FormFields { { Browser.TokenName, token } });
                sent++;
                if (answer.Status != HttpStatusCode.NotFound) wrong.Add($"POST {address}: {Probing.Describe(answer)}, expected 404");
                if (database.Changed(out var tables)) wrong.Add($"POST {address} changed {tables}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(sent >= 40, $"Only {sent} posts: is the discovery broken?");
    }

    private async Task<(HttpClient, string)> StrangerAsync()
    {
        var client = factory.NewClient();
        return (client, await client.TokenAsync("/Account/SignIn"));
    }

    /// <summary>One malformed post: what was done to the well-formed form, and where it goes.</summary>
    private static (string Url, FormFields Fields, string What) Mutate(Probe post, FormFields form, Random random, AppRoutes.DemoIds ids)
    {
        var fields = new FormFields();
        foreach (var (key, value) in form) if (key != Browser.TokenName) fields.Add(key, value);
        var names = fields.Select(f => f.Key).Distinct().ToList();
        var url = post.HandlerUrl;
        string Pick() => Nasty[random.Next(Nasty.Length)];
        string? Name() => names.Count == 0 ? null : names[random.Next(names.Count)];

        switch (random.Next(10))
        {
            case 0 or 1 or 2:
                if (Name() is { } one)
                {
                    var value = Pick();
                    fields.Set(one, value);
                    return (url, fields, $"{one}={Shorten(value)}");
                }
                goto case 5;
            case 3:
                var changed = new List<string>();
                for (var i = 0; i < 3; i++)
                    if (Name() is { } name)
                    {
                        fields.Set(name, Pick());
                        changed.Add(name);
                    }
                return (url, fields, "three fields: " + string.Join(", ", changed));
            case 4:
                if (Name() is { } missing)
                {
                    fields.Remove(missing);
                    return (url, fields, $"{missing} missing");
                }
                goto case 5;
            case 5:
                var repeated = Name() ?? "Input.Title";
                fields.Add(repeated, Pick());
                fields.Add(repeated, Pick());
                return (url, fields, $"{repeated} repeated");
            case 6:
                var handler = new[] { "Nope", "Delete", "<script>", "Post", "get", "AddRow", "Issue", "", "Agree" }[random.Next(9)];
                return (Regex.Replace(post.Url, "&?handler=[^&]*", "") + (post.Url.Contains('?') ? "&" : "?") + "handler=" + Uri.EscapeDataString(handler),
                    fields, $"handler={handler}");
            case 7:
                // Another record's id, or none's, in the address or in an id field.
                var other = new[] { "999999", "0", "-1", S(ids.Provider), S(ids.Meeting), S(ids.Decision), "2147483647" }[random.Next(7)];
                var idField = names.Where(n => n.EndsWith("Id", StringComparison.Ordinal) || n.EndsWith("Position", StringComparison.Ordinal)).ToList();
                if (idField.Count > 0 && random.Next(2) == 0)
                {
                    var name = idField[random.Next(idField.Count)];
                    fields.Set(name, other);
                    return (url, fields, $"{name}={other}");
                }
                var moved = IdInPath().Replace(url, "/" + other, 1);
                return (moved, fields, $"address {moved}");
            case 8:
                return (url, new FormFields(), "no fields at all");
            default:
                // Fields the form does not have: a version from nowhere, ids and properties bound by name.
                fields.Set("Input.Version", Guid.NewGuid().ToString());
                fields.Set("Version", Guid.NewGuid().ToString());
                fields.Add("Input.Id", "1");
                fields.Add("Id", S(ids.Contract));
                fields.Add("Input.CreatedBy", "attacker");
                return (url, fields, "unexpected fields");
        }
    }

    private static string Shorten(string value)
    {
        var shown = new StringBuilder();
        foreach (var c in value.Take(24)) shown.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        return value.Length > 24 ? $"{shown}…({value.Length})" : shown.ToString();
    }

    private static string S(int n) => ContractInput.S(n);

    [GeneratedRegex(@"/\d+(?=[/?]|$)")]
    private static partial Regex IdInPath();
}
