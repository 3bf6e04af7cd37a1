using Commissioning.Web.Forms;
using Commissioning.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Forms;

/// <summary>
/// Where forms and their buttons post. The browser journeys (FormButtonTests) press the buttons;
/// these pin the addresses the pages write, and keep the old ways of naming a handler out.
/// </summary>
[Collection(SharedApp.Register)]
public sealed class FormHandlersTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Theory]
    [InlineData("/Contracts/Create", "?form=Block", null, "/Contracts/Create?form=Block")]
    [InlineData("/Contracts/Create", "?form=Block&handler=AddRow", null, "/Contracts/Create?form=Block")]
    [InlineData("/Contracts/Create", "?handler=AddRow&form=Block", "AddRow", "/Contracts/Create?form=Block&handler=AddRow")]
    [InlineData("/Contracts/Edit/7", "?HANDLER=Check", null, "/Contracts/Edit/7")]
    [InlineData("/Contracts/Edit/7", "", "Check", "/Contracts/Edit/7?handler=Check")]
    [InlineData("/Finance/Estimate/3", "?example=bnes", "AddLine", "/Finance/Estimate/3?example=bnes&handler=AddLine")]
    [InlineData("/Governance/Decisions/Create", "?contractId=5&note=a%26b", null, "/Governance/Decisions/Create?contractId=5&note=a%26b")]
    public void Address_keeps_the_query_and_names_only_the_handler_asked_for(string path, string query, string? handler, string expected)
    {
        var request = new DefaultHttpContext().Request;
        request.Path = path;
        request.QueryString = new QueryString(query.Length == 0 ? null : query);

        Assert.Equal(expected, FormHandlers.Address(request, handler));
    }

    [Fact]
    public void Address_adds_the_fragment_after_the_query()
    {
        var request = new DefaultHttpContext().Request;
        request.Path = "/Finance/Estimate/3";

        Assert.Equal("/Finance/Estimate/3?handler=AddLine#Input-Lines-3-Kind", FormHandlers.Address(request, "AddLine", "Input-Lines-3-Kind"));
    }

    [Fact]
    public async Task Add_a_contract_posts_to_its_own_form_and_keeps_it_after_Add_another()
    {
        var client = await factory.SignedInClientAsync(Commissioner);

        var first = await client.GetPageAsync("/Contracts/Create?form=Block");
        Assert.Equal("/Contracts/Create?form=Block", first.Find("main form[method='post']")?.GetAttribute("action"));
        Assert.Equal("/Contracts/Create?form=Block&handler=AddRow",
            first.FindAll("main button").Single(b => b.TextContent.Trim() == "Add another extension option").GetAttribute("formaction"));

        var again = await client.PostFormAsync("/Contracts/Create?form=Block&handler=AddRow",
            new FormFields { { "section", "ExtensionOptions" }, { "Input.Title", "Kept after Add another" } }, tokenFrom: "/Contracts/Create?form=Block");

        // The page came back at ?handler=AddRow; its form still posts to the main handler of a block contract.
        Assert.Equal("/Contracts/Create?form=Block", again.Find("main form[method='post']")?.GetAttribute("action"));
        Assert.Equal("Kept after Add another", again.Find("#Input-Title")?.GetAttribute("value"));
        Assert.Equal("Add a block contract", Browser.Normalise(again.Find("h1")?.TextContent));
    }

    /// <summary>
    /// A bare formaction or a button's asp-page-handler writes an address that forgets the rest of the
    /// query, and a form without app-handler helpers would post back to wherever the page was rendered from.
    /// </summary>
    [Fact]
    public void No_page_names_a_handler_the_old_way()
    {
        var pages = Path.Combine(RepositoryRoot(), "src", "Commissioning.Web", "Pages");
        var offenders = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, n) => (file, line, n)))
            .Where(x => x.line.Contains("formaction=", StringComparison.OrdinalIgnoreCase)
                || (x.line.Contains("<button", StringComparison.OrdinalIgnoreCase) && x.line.Contains("asp-page-handler", StringComparison.OrdinalIgnoreCase)))
            .Select(x => $"{Path.GetRelativePath(pages, x.file)}:{x.n + 1}")
            .ToList();
        Assert.True(offenders.Count == 0, "Use app-handler on the button instead: " + string.Join(", ", offenders));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Commissioning.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Commissioning.sln not found above " + AppContext.BaseDirectory);
    }
}
