using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Xunit.Abstractions;

namespace Commissioning.BrowserTests;

/// <summary>
/// axe-core on every page of <see cref="AppPages"/>, with all of its rules (WCAG 2.x A and AA and
/// best practice). A failure names each rule, its impact, the elements and what axe says to fix.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(AppServer app, ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(AppPages.Names), MemberType = typeof(AppPages))]
    public async Task Page_has_no_axe_violations(string name)
    {
        var target = AppPages.Named(name);
        await using var context = await app.NewContextAsync(target.User);
        var page = await Browse.OpenAsync(app, context, target);

        var screenshot = await Browse.ScreenshotAsync(app, page, name);
        output.WriteLine($"Screenshot: {screenshot}");

        var result = await page.RunAxe();

        Assert.True(result.Violations.Length == 0, Describe(name, page.Url, result.Violations));
        output.WriteLine($"{name}: {result.Passes.Length} rules passed, {result.Incomplete.Length} need a person to check");
    }

    private static string Describe(string name, string url, AxeResultItem[] violations)
    {
        var text = new StringBuilder($"{name} ({url}) has {violations.Length} accessibility violation(s):");
        foreach (var v in violations)
        {
            text.AppendLine().Append($"- {v.Id} [{v.Impact}] {v.Help} ({string.Join(", ", v.Tags ?? [])}) {v.HelpUrl}");
            foreach (var node in v.Nodes ?? [])
            {
                text.AppendLine().Append($"    at {node.Target}: {node.Html}");
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m));
                foreach (var message in checks.Distinct())
                    text.AppendLine().Append("      ").Append(message.ReplaceLineEndings(" / "));
            }
        }
        return text.ToString();
    }
}
