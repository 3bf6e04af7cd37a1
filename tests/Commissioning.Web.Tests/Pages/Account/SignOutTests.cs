using System.Net;
using Commissioning.Web.Tests.Support;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Account;

[Collection(SharedApp.People)]
public sealed class SignOutTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Fact]
    public async Task Sign_out_page_ends_the_session()
    {
        var client = await factory.SignedInClientAsync(Viewer);
        var form = (await client.GetPageAsync("/Account/SignOut")).Form();

        var page = await client.PostFormAsync("/Account/SignOut", form);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        var register = await client.GetPageAsync("/Contracts");
        Assert.Equal(HttpStatusCode.Redirect, register.Status);
        Assert.StartsWith("/Account/SignIn", register.Location);
    }

    [Fact]
    public async Task Sign_out_button_in_the_header_of_every_page_ends_the_session()
    {
        var client = await factory.SignedInClientAsync(Viewer);
        var register = await client.GetPageAsync("/Contracts");
        // Exactly what the browser submits from the header's form: its own fields and nothing else.
        var form = register.Form("header form[method='post']");
        Assert.Equal("/Account/SignOut", register.Find("header form[method='post']")!.GetAttribute("action"));

        var page = await client.PostFormAsync("/Account/SignOut", form.Set(Browser.TokenName, form[Browser.TokenName] ?? ""));

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetPageAsync("/Contracts")).Status);
    }
}
