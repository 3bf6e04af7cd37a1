using System.Net;
using Commissioning.Web.Setup;
using Commissioning.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Commissioning.Web.Tests.Pages.Account.ResetLinks;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Account;

/// <summary>
/// Issue 13: an administrator's "Send a password reset link" makes a single-use link; without SMTP it is shown once
/// to the administrator, and the person sets a new password through it (decision 0017).
/// </summary>
[Collection(SharedApp.People)]
public sealed class ResetPasswordTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Fact]
    public async Task Without_smtp_the_administrator_sees_the_link_once_and_the_person_sets_a_password_and_signs_in_with_it()
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var (id, email) = await NewUserAsync(admin, factory.Services);

        var issued = await IssueAsync(admin, id);

        // Shown on the answer to the post itself, never through a redirect's address.
        Assert.Equal(HttpStatusCode.OK, issued.Status);
        var link = ShownLink(issued);
        Assert.StartsWith($"http://localhost/Account/ResetPassword?user={id}&token=", link);
        Assert.Contains("It works once, until", issued.Find("#reset-link-hint")!.TextContent);
        Assert.Contains("Rowan Ashby", issued.Find("h1")!.TextContent);
        // Once: the person's page does not show it again.
        var again = await admin.GetPageAsync($"/Admin/Users/Edit/{id}");
        Assert.Null(again.Find("#reset-link"));
        Assert.DoesNotContain("ResetPassword?", again.Html);

        var person = factory.NewClient();
        var form = await person.GetPageAsync(PathOf(link));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal("Set a new password", form.Find("h1")!.TextContent);
        Assert.NotNull(form.Find("input[name='Input.Password'][type='password'][autocomplete='new-password']"));
        var set = await SetPasswordAsync(person, PathOf(link), NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, set.Status);
        Assert.Equal("/Account/SignIn", set.Location);
        Assert.Contains("Your password has been set. Sign in with it.", (await person.GetPageAsync("/Account/SignIn")).Find(".govuk-notification-banner")!.TextContent);
        Assert.True(await SignsInAsync(person, email, NewPassword));
        Assert.False(await SignsInAsync(factory.NewClient(), email, OldPassword));
    }

    [Fact]
    public async Task A_used_link_is_refused_the_second_time()
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var (id, email) = await NewUserAsync(admin, factory.Services);
        var link = PathOf(ShownLink(await IssueAsync(admin, id)));
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(factory.NewClient(), link, NewPassword)).Status);

        var reopened = await factory.NewClient().GetPageAsync(link);
        var reused = await SetPasswordAsync(factory.NewClient(), link, "Another strong phrase: copper moth 42");

        Assert.Equal(Expired, reopened.Find("h1")!.TextContent);
        Assert.Contains("Ask an administrator", reopened.Text);
        Assert.Null(reopened.Find("input[type='password']"));
        Assert.Equal(HttpStatusCode.OK, reused.Status);
        Assert.Equal(Expired, reused.Find("h1")!.TextContent);
        Assert.True(await SignsInAsync(factory.NewClient(), email, NewPassword));
    }

    [Fact]
    public async Task A_link_given_before_a_reset_stops_working_too()
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var (id, _) = await NewUserAsync(admin, factory.Services);
        var first = PathOf(ShownLink(await IssueAsync(admin, id)));
        var second = PathOf(ShownLink(await IssueAsync(admin, id)));

        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(factory.NewClient(), second, NewPassword)).Status);

        Assert.Equal(Expired, (await factory.NewClient().GetPageAsync(first)).Find("h1")!.TextContent);
    }

    [Theory]
    [InlineData("changed")]
    [InlineData("cut")]
    [InlineData("another person")]
    [InlineData("no token")]
    public async Task A_tampered_link_is_refused_and_changes_nothing(string how)
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var (id, email) = await NewUserAsync(admin, factory.Services);
        var (otherId, _) = await NewUserAsync(admin, factory.Services, "Other Person");
        var link = PathOf(ShownLink(await IssueAsync(admin, id)));
        var token = link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var middle = token.Length / 2;
        var tampered = how switch
        {
            "changed" => link.Replace(token, token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..], StringComparison.Ordinal),
            "cut" => link[..^4],
            "another person" => link.Replace(id, otherId, StringComparison.Ordinal),
            _ => $"/Account/ResetPassword?user={id}",
        };

        var page = await factory.NewClient().GetPageAsync(tampered);
        var post = await SetPasswordAsync(factory.NewClient(), tampered, NewPassword);

        Assert.Equal(Expired, page.Find("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, post.Status);
        Assert.Equal(Expired, post.Find("h1")!.TextContent);
        Assert.True(await SignsInAsync(factory.NewClient(), email, OldPassword));
        // The real link still works.
        Assert.Equal("Set a new password", (await factory.NewClient().GetPageAsync(link)).Find("h1")!.TextContent);
    }

    [Fact]
    public async Task A_weak_password_gets_its_reason_at_the_field_and_nothing_is_saved()
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var (id, email) = await NewUserAsync(admin, factory.Services);
        var link = PathOf(ShownLink(await IssueAsync(admin, id)));
        var person = factory.NewClient();

        var page = await SetPasswordAsync(person, link, "qwertyuiop1234");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("uses a row of keys on the keyboard", page.FieldError("Input-Password"));
        Assert.Contains(page.ErrorSummary, m => m.Contains("row of keys", StringComparison.Ordinal));
        Assert.Equal(["Input-Password"], page.ErrorSummaryTargets);
        Assert.Equal("", page.Value("Input.Password") ?? "");
        Assert.True(await SignsInAsync(factory.NewClient(), email, OldPassword));
        Assert.False(await SignsInAsync(factory.NewClient(), email, "qwertyuiop1234"));
        // The link was not used up: the person tries again with a better password.
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(person, link, NewPassword)).Status);
        Assert.True(await SignsInAsync(factory.NewClient(), email, NewPassword));
    }

    [Theory]
    [InlineData("", "", "Input-Password", "Enter a new password of at least 12 characters")]
    [InlineData(NewPassword, "", "Input-ConfirmPassword", "Enter the new password again")]
    [InlineData(NewPassword, NewPassword + "!", "Input-ConfirmPassword", "The passwords do not match: enter the same new password twice")]
    [InlineData("short", "short", "Input-Password", "Passwords must be at least 12 characters.")]
    public async Task Missing_or_mismatched_passwords_are_shown_at_their_field(string password, string confirm, string field, string message)
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var (id, email) = await NewUserAsync(admin, factory.Services);
        var link = PathOf(ShownLink(await IssueAsync(admin, id)));

        var page = await SetPasswordAsync(factory.NewClient(), link, password, confirm);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(message, page.FieldError(field));
        Assert.True(await SignsInAsync(factory.NewClient(), email, OldPassword));
    }

    [Fact]
    public async Task Resetting_clears_the_delays_failed_sign_ins_put_on_the_account()
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var (id, email) = await NewUserAsync(admin, factory.Services);
        // Someone else's wrong guesses, from an address of their own, slow the account for everyone (decision 0016).
        for (var i = 0; i < 5; i++) await factory.NewClient("192.0.2.77").SignInAsync(email, $"wrong-password-{i}");
        var throttle = factory.Services.GetRequiredService<SignInThrottle>();
        var account = email.ToUpperInvariant();
        Assert.Equal(5, throttle.AccountFailures(account));
        var link = PathOf(ShownLink(await IssueAsync(admin, id)));

        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(factory.NewClient(), link, NewPassword)).Status);

        Assert.Equal(0, throttle.AccountFailures(account));
        Assert.True(await SignsInAsync(factory.NewClient(), email, NewPassword));
    }

    [Theory]
    [InlineData(Commissioner)]
    [InlineData(Viewer)]
    [InlineData(Secretary)]
    [InlineData(CommissioningFactory.Finance)]
    public async Task Only_administrators_can_issue_links(string who)
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var (id, _) = await NewUserAsync(admin, factory.Services);
        var someone = await factory.SignedInClientAsync(who);

        var page = await someone.PostFormAsync($"/Admin/Users/Edit/{id}?handler=ResetLink", new FormFields(), tokenFrom: "/Account/SignOut");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/Account/AccessDenied", page.Location);
        Assert.DoesNotContain("ResetPassword", page.Html);
        Assert.Equal(HttpStatusCode.Forbidden, (await someone.GetPageAsync(page.Location!)).Status);
    }

    [Fact]
    public async Task The_edit_page_offers_the_button_in_a_form_of_its_own()
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var (id, _) = await NewUserAsync(admin, factory.Services);

        var page = await admin.GetPageAsync($"/Admin/Users/Edit/{id}");

        var form = page.FindAll("main form").Single(f => f.TextContent.Contains("Send a password reset link", StringComparison.Ordinal));
        Assert.Equal($"/Admin/Users/Edit/{id}?handler=ResetLink", form.GetAttribute("action"));
        Assert.Single(form.QuerySelectorAll("button"));
        Assert.Contains("the link is shown here for you to pass on", page.Text);
    }
}
