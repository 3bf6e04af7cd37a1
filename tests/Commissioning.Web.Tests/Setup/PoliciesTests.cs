using System.Net;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Setup;

/// <summary>Who may open and post which page: the policies of Setup/Policies.cs as the five demo users meet them.</summary>
[Collection(SharedApp.Register)]
public sealed class PoliciesTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    public enum Who { Everyone, Editors, Administrators, FinanceDeciders, SavingsEditors }

    private static readonly (string Path, Who Allowed)[] Pages =
    [
        ("/Contracts", Who.Everyone),
        ("/Contracts/Details/{contract}", Who.Everyone),
        ("/Providers", Who.Everyone),
        ("/Providers/Edit/{provider}", Who.Everyone),
        ("/Contracts/Create", Who.Editors),
        ("/Import", Who.Editors),
        ("/Contracts/Create?form=Block", Who.Editors),
        ("/Contracts/Edit/{contract}", Who.Editors),
        ("/Contracts/Renew/{contract}", Who.Editors),
        ("/Providers/Create", Who.Editors),
        ("/Admin/Users", Who.Administrators),
        ("/Admin/Users/Create", Who.Administrators),
        ("/Admin/Users/Edit/{user}", Who.Administrators),
        ("/Admin/Directorates", Who.Administrators),
        ("/Admin/Directorates/Create", Who.Administrators),
        ("/Admin/Directorates/Edit/{directorate}", Who.Administrators),
        ("/Finance", Who.Everyone),
        ("/Finance/Reviews", Who.Everyone),
        ("/Finance/Reviews/Create/{contract}", Who.Editors),
        ("/Finance/Estimate/{contract}", Who.Editors),
        ("/Finance/Savings/Create/{contract}", Who.SavingsEditors),
        ("/Finance/Funding/{contract}/2021", Who.FinanceDeciders),
    ];

    public static TheoryData<string, string, Who> Matrix()
    {
        var data = new TheoryData<string, string, Who>();
        foreach (var user in DemoUsers)
            foreach (var (path, allowed) in Pages)
                data.Add(user, path, allowed);
        return data;
    }

    private static bool IsAllowed(string user, Who allowed) => allowed switch
    {
        Who.Everyone => true,
        Who.Editors => CanEditRegister(user),
        Who.FinanceDeciders => user is Finance or Administrator,
        Who.SavingsEditors => user is Finance or Administrator || CanEditRegister(user),
        _ => user == Administrator,
    };

    private async Task<string> ResolveAsync(string template)
    {
        var contract = await factory.ContractIdAsync("SC-2021-0001");
        var provider = await factory.ProviderIdAsync("Persona Care and Support Limited");
        await using var scope = factory.OpenDb();
        var directorate = await scope.Db.DirectorateIdAsync("Adult Social Care");
        var user = await scope.Db.Users.Where(u => u.Email == Viewer).Select(u => u.Id).SingleAsync();
        return template.Replace("{contract}", ContractInput.S(contract)).Replace("{provider}", ContractInput.S(provider))
            .Replace("{directorate}", ContractInput.S(directorate)).Replace("{user}", user);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Signed_in_user_sees_a_page_only_when_their_role_allows_it(string user, string template, Who allowed)
    {
        var client = await factory.SignedInClientAsync(user);
        var path = await ResolveAsync(template);

        var page = await client.GetPageAsync(path);

        if (IsAllowed(user, allowed))
            Assert.Equal(HttpStatusCode.OK, page.Status);
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.StartsWith("/Account/AccessDenied", page.Location);
        }
    }

    [Theory]
    [InlineData(Commissioner)]
    [InlineData(Secretary)]
    [InlineData(Finance)]
    [InlineData(Viewer)]
    [InlineData(Administrator)]
    public async Task Provider_page_offers_a_form_to_editors_and_is_read_only_for_everyone_else(string user)
    {
        var client = await factory.SignedInClientAsync(user);
        var id = await factory.ProviderIdAsync("Persona Care and Support Limited");

        var page = await client.GetPageAsync($"/Providers/Edit/{id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Persona Care and Support Limited", page.Text);
        var saveButtons = page.FindAll("main button").Where(b => Browser.Normalise(b.TextContent) == "Save changes").ToList();
        if (CanEditRegister(user))
        {
            Assert.Single(saveButtons);
            Assert.NotNull(page.Find("main input[name='Input.Name']"));
        }
        else
        {
            Assert.Empty(saveButtons);
            Assert.Null(page.Find("main input[name='Input.Name']"));
        }
    }

    [Theory]
    [InlineData(Commissioner)]
    [InlineData(Viewer)]
    public async Task Register_and_contract_pages_offer_editing_links_only_to_editors(string user)
    {
        var client = await factory.SignedInClientAsync(user);
        var id = await factory.ContractIdAsync("SC-2021-0001");

        var register = await client.GetPageAsync("/Contracts");
        var details = await client.GetPageAsync($"/Contracts/Details/{id}");

        var editor = CanEditRegister(user);
        Assert.Equal(editor, register.Find("a[href='/Contracts/Create']") is not null);
        Assert.Equal(editor, details.Find($"a[href='/Contracts/Edit/{id}']") is not null);
        Assert.Equal(editor, details.Find($"a[href='/Contracts/Renew/{id}']") is not null);
    }

    [Theory]
    [InlineData(Viewer)]
    [InlineData(Secretary)]
    [InlineData(Finance)]
    public async Task Provider_save_posted_by_a_non_editor_is_refused_and_changes_nothing(string user)
    {
        var client = await factory.SignedInClientAsync(user);
        var id = await factory.ProviderIdAsync("Bury GP Federation");
        var (name, version) = await ProviderStateAsync(id);

        // A valid antiforgery token for this session (from the sign-out form), and a well-formed save.
        var page = await client.PostFormAsync($"/Providers/Edit/{id}", new FormFields
        {
            { "Input.Name", "Renamed by " + user },
            { "Input.OrganisationType", "PrivateCompany" },
            { "Input.Version", version.ToString() },
        });

        Assert.True(page.Status == HttpStatusCode.Forbidden
            || (page.Status == HttpStatusCode.Redirect && page.Location!.StartsWith("/Account/AccessDenied", StringComparison.Ordinal)),
            $"Expected 403 or a redirect to AccessDenied, got {(int)page.Status} {page.Location}");
        Assert.Equal((name, version), await ProviderStateAsync(id));
    }

    [Fact]
    public async Task Contract_edit_posted_by_a_viewer_is_refused_and_changes_nothing()
    {
        var editor = await factory.SignedInClientAsync(Commissioner);
        var id = await factory.ContractIdAsync("SC-2021-0002");
        var fields = (await editor.GetPageAsync($"/Contracts/Edit/{id}")).Form().Remove(Browser.TokenName);
        fields.Set("Input.Title", "Changed by a viewer");
        var viewer = await factory.SignedInClientAsync(Viewer);
        var before = await ContractTitleAndVersionAsync(id);

        var page = await viewer.PostFormAsync($"/Contracts/Edit/{id}", fields, tokenFrom: "/Contracts");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/Account/AccessDenied", page.Location);
        Assert.Equal(before, await ContractTitleAndVersionAsync(id));
    }

    [Fact]
    public async Task Contract_create_posted_by_a_viewer_is_refused_and_saves_nothing()
    {
        var viewer = await factory.SignedInClientAsync(Viewer);
        var provider = await factory.ProviderIdAsync("Riverside Day Opportunities");
        var before = await factory.ContractCountAsync();

        var page = await viewer.PostFormAsync("/Contracts/Create?form=Block",
            ContractInput.Block("Viewer's contract", provider, "1,000.00", new DateOnly(2030, 4, 1), new DateOnly(2031, 3, 31)),
            tokenFrom: "/Contracts");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/Account/AccessDenied", page.Location);
        Assert.Equal(before, await factory.ContractCountAsync());
    }

    [Fact]
    public async Task Post_without_an_antiforgery_token_is_refused_even_for_an_editor()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await factory.ProviderIdAsync("Bury GP Federation");
        var (name, version) = await ProviderStateAsync(id);
        using var content = new FormUrlEncodedContent(new FormFields
        {
            { "Input.Name", "Renamed without a token" }, { "Input.OrganisationType", "PrivateCompany" }, { "Input.Version", version.ToString() },
        });

        var response = await client.PostAsync($"/Providers/Edit/{id}", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((name, version), await ProviderStateAsync(id));
    }

    private async Task<(string Name, Guid Version)> ProviderStateAsync(int id)
    {
        await using var scope = factory.OpenDb();
        var p = await scope.Db.Providers.AsNoTracking().SingleAsync(x => x.Id == id);
        return (p.Name, p.Version);
    }

    private async Task<(string Title, Guid Version)> ContractTitleAndVersionAsync(int id)
    {
        await using var scope = factory.OpenDb();
        var c = await scope.Db.Contracts.AsNoTracking().SingleAsync(x => x.Id == id);
        return (c.Title, c.Version);
    }
}
