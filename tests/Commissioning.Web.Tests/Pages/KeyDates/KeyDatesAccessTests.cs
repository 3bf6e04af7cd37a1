using System.Net;
using Commissioning.Web.Tests.Support;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.KeyDates;

/// <summary>Who sees the key dates: every signed-in role; anonymous visitors are sent to sign in, except for a calendar address.</summary>
[Collection(KeyDatesCollection.Name)]
public sealed class KeyDatesAccessTests(KeyDatesFixture fixture)
{
    public static TheoryData<string> Users() => new(DemoUsers);

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Every_signed_in_role_sees_the_dashboard_and_its_own_calendar_address(string email)
    {
        var client = await fixture.SignedInAsync(email);

        var page = await client.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Key dates", Browser.Normalise(page.Find("h1")!.TextContent));
        Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync("/?show=all")).Status);
        Assert.StartsWith(KeyDatesFixture.BaseUrl + "/Calendar/", page.Find("#feed-url")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?show=all")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        var page = await fixture.NewClient().GetPageAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/Account/SignIn", page.Location);
    }

    [Fact]
    public async Task The_calendar_address_needs_no_cookie_and_serves_no_page_markup()
    {
        var signedIn = await fixture.SignedInAsync(Commissioner);
        var url = (await signedIn.GetPageAsync("/")).Find("#feed-url")!.GetAttribute("value")!;

        var response = await fixture.NewClient().GetAsync(new Uri(url).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", body);
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }
}
