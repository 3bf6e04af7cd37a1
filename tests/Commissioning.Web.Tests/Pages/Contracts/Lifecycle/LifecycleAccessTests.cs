using System.Net;
using Commissioning.Web.Tests.Support;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Contracts.Lifecycle;

/// <summary>Who may open and post the lifecycle pages: commissioners and administrators (EditRegister) only.</summary>
[Collection(SharedApp.Lifecycle)]
public sealed class LifecycleAccessTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in DemoUsers)
            foreach (var page in new[] { "Extend", "Vary", "Continue", "Terminate", "Withdraw" })
                data.Add(user, page);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Only_register_editors_may_get_and_post(string user, string page)
    {
        var id = await factory.ContractIdAsync("SC-2021-0003");
        var client = await factory.SignedInClientAsync(user);

        var get = await client.GetPageAsync($"/Contracts/{id}/{page}");
        var post = await client.PostFormAsync($"/Contracts/{id}/{page}", new FormFields { { "Input.Reason", "x" } }, tokenFrom: "/Contracts");

        if (CanEditRegister(user))
        {
            Assert.Equal(HttpStatusCode.OK, get.Status);
            Assert.Equal(HttpStatusCode.OK, post.Status); // the form comes back with its errors; nothing saved
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, get.Status);
            Assert.Contains("AccessDenied", get.Location);
            Assert.Equal(HttpStatusCode.Redirect, post.Status);
        }
    }

    [Theory]
    [InlineData("Extend")]
    [InlineData("Vary")]
    [InlineData("Continue")]
    [InlineData("Terminate")]
    [InlineData("Withdraw")]
    public async Task Anonymous_is_sent_to_sign_in(string page)
    {
        var get = await factory.NewClient().GetPageAsync($"/Contracts/1/{page}");

        Assert.Equal(HttpStatusCode.Redirect, get.Status);
        Assert.Contains("/Account/SignIn", get.Location);
    }

    [Fact]
    public async Task Edit_keeps_the_dates_once_an_event_is_recorded_and_says_where_to_change_them()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await LifecycleArrange.BlockAsync(factory, new DateOnly(2025, 4, 1), new DateOnly(2028, 3, 31), [12]);
        var extend = (await client.GetPageAsync($"/Contracts/{id}/Extend")).Form().Set("Input.Reason", "r").Set("Input.Decision", "D");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Contracts/{id}/Extend", extend)).Status);

        var form = await client.GetPageAsync($"/Contracts/Edit/{id}");
        Assert.Contains("can no longer be changed here", form.Text);
        // Saving the unchanged form keeps the extension (SetTerm would have recomputed it)...
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Contracts/Edit/{id}", form.Form().Set("Input.NoticePeriodMonths", "6"))).Status);
        var saved = await LifecycleArrange.LoadAsync(factory, id);
        Assert.Equal(new DateOnly(2029, 3, 31), saved.CurrentEndDate);
        Assert.Equal(6, saved.NoticePeriodMonths);
        // ...and a changed initial end date is refused at its field.
        var changed = (await client.GetPageAsync($"/Contracts/Edit/{id}")).Form();
        ContractInput.Date(changed, "Input.InitialEndDate", new DateOnly(2027, 3, 31));
        var refused = await client.PostFormAsync($"/Contracts/Edit/{id}", changed);
        Assert.Contains("can no longer be edited here", refused.FieldError("Input-InitialEndDate"));
        Assert.Equal(new DateOnly(2029, 3, 31), (await LifecycleArrange.LoadAsync(factory, id)).CurrentEndDate);
    }
}
