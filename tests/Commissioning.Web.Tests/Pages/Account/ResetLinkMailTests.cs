using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Commissioning.Web.Tests.Pages.KeyDates;
using Commissioning.Web.Tests.Support;
using static Commissioning.Web.Tests.Pages.Account.ResetLinks;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Account;

/// <summary>With SMTP set up, the link goes to the person's address (through a local sink) and the administrator never sees it.</summary>
public sealed partial class ResetLinkMailTests : IAsyncLifetime
{
    private const string BaseUrl = "https://register.council.test";
    private readonly SmtpSink _sink = new();
    private readonly CommissioningFactory _app;

    public ResetLinkMailTests() => _app = With(
        ("Smtp:Host", "127.0.0.1"), ("Smtp:Port", _sink.Port.ToString(CultureInfo.InvariantCulture)),
        ("Smtp:EnableSsl", "false"), ("Smtp:From", "register@council.test"), ("App:BaseUrl", BaseUrl));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _sink.Dispose();
    }

    [Fact]
    public async Task The_link_is_emailed_to_the_person_and_not_shown_to_the_administrator()
    {
        var admin = await _app.SignedInClientAsync(Administrator);
        var (id, email) = await NewUserAsync(admin, _app.Services);
        Assert.Contains($"It is emailed to {email}.", (await admin.GetPageAsync($"/Admin/Users/Edit/{id}")).Text);
        _sink.Clear();

        var answer = await IssueAsync(admin, id);

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal($"/Admin/Users/Edit/{id}", answer.Location);
        Assert.DoesNotContain("token", answer.Location, StringComparison.OrdinalIgnoreCase);
        var page = await admin.GetPageAsync(answer.Location!);
        Assert.Contains("A password reset link has been emailed to Rowan Ashby", page.Find(".govuk-notification-banner")!.TextContent);
        Assert.Null(page.Find("#reset-link"));
        Assert.DoesNotContain("ResetPassword?", page.Html);

        var mail = Assert.Single(_sink.Received);
        Assert.Equal([email], mail.Recipients);
        Assert.Equal("Set a new password for the commissioning register", mail.Subject);
        var link = Link().Match(mail.Text).Value;
        Assert.StartsWith($"{BaseUrl}/Account/ResetPassword?user={id}&token=", link);
        Assert.Contains("works once, until", mail.Text);
        Assert.Contains($"href=\"{WebUtility.HtmlEncode(link)}\"", mail.Html);

        // The link in the mail is the one that works.
        var person = _app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(person, PathOf(link), NewPassword)).Status);
        Assert.True(await SignsInAsync(_app.NewClient(), email, NewPassword));
    }

    [Fact]
    public async Task A_mail_the_relay_refuses_is_an_error_on_the_page_and_the_link_is_not_shown()
    {
        var admin = await _app.SignedInClientAsync(Administrator);
        var (id, email) = await NewUserAsync(admin, _app.Services);
        _sink.Clear();
        _sink.Refuse(email);

        var answer = await IssueAsync(admin, id);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(["The email with the reset link could not be sent. Try again in a few minutes."], answer.ErrorSummary);
        Assert.Null(answer.Find("#reset-link"));
        Assert.DoesNotContain("ResetPassword?", answer.Html);
        Assert.Empty(_sink.Received);
    }

    [GeneratedRegex(@"https://\S+")]
    private static partial Regex Link();
}
