using System.Net;
using Commissioning.Web.Tests.Pages.Governance;
using Commissioning.Web.Tests.Support;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Account;

/// <summary>A person changes their own password on "Change password".</summary>
[Collection(SharedApp.People)]
public sealed class ChangePasswordTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();
    private const string Route = "/Account/Security/ChangePassword";
    private const string NewPassword = "copper kettle orchard lantern";

    private static FormFields Form(string current, string next, string confirm) => new()
    {
        { "Input.CurrentPassword", current }, { "Input.NewPassword", next }, { "Input.ConfirmPassword", confirm },
    };

    [Fact]
    public async Task A_wrong_current_password_is_refused_at_that_field_and_nothing_changes()
    {
        var client = await factory.SignedInClientAsync(Viewer);

        var page = await client.PostFormAsync(Route, Form("not-my-password", NewPassword, NewPassword));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Your current password is wrong. Enter the password you sign in with now", page.FieldError("Input-CurrentPassword"));
        Assert.Null(page.FieldError("Input-NewPassword"));
        Assert.Equal(["Input-CurrentPassword"], page.ErrorSummaryTargets);
        // No password is sent back to the browser.
        Assert.All(new[] { "Input.CurrentPassword", "Input.NewPassword", "Input.ConfirmPassword" }, n => Assert.Equal("", page.Value(n)));
        Assert.Equal(HttpStatusCode.Redirect, (await factory.NewClient().SignInAsync(Viewer, DemoPassword)).Status);
    }

    [Fact]
    public async Task Passwords_that_do_not_match_are_refused_at_the_confirmation()
    {
        var client = await factory.SignedInClientAsync(Viewer);

        var page = await client.PostFormAsync(Route, Form(DemoPassword, NewPassword, NewPassword + "x"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("The passwords do not match: enter the new password again", page.FieldError("Input-ConfirmPassword"));
        Assert.Equal(HttpStatusCode.Redirect, (await factory.NewClient().SignInAsync(Viewer, DemoPassword)).Status);
    }

    [Fact]
    public async Task A_password_too_short_is_refused_at_the_new_password_with_the_validators_message()
    {
        var client = await factory.SignedInClientAsync(Viewer);

        var page = await client.PostFormAsync(Route, Form(DemoPassword, "short-one", "short-one"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("at least 12 characters", page.FieldError("Input-NewPassword"));
        Assert.Equal(HttpStatusCode.Redirect, (await factory.NewClient().SignInAsync(Viewer, DemoPassword)).Status);
    }

    [Fact]
    public async Task Every_problem_is_shown_at_once_in_the_order_of_the_fields()
    {
        var client = await factory.SignedInClientAsync(Viewer);

        var page = await client.PostFormAsync(Route, Form("wrong-password", "short", ""));

        Assert.Equal(["Input-CurrentPassword", "Input-NewPassword", "Input-ConfirmPassword"], page.ErrorSummaryTargets);
        Assert.Equal("Enter your new password again", page.FieldError("Input-ConfirmPassword"));
        Assert.StartsWith("Error: ", page.Find("title")!.TextContent);
    }

    [Fact]
    public async Task An_empty_form_asks_for_each_field()
    {
        var client = await factory.SignedInClientAsync(Viewer);

        var page = await client.PostFormAsync(Route, Form("", "", ""));

        Assert.Equal("Enter your current password", page.FieldError("Input-CurrentPassword"));
        Assert.Equal("Enter a new password", page.FieldError("Input-NewPassword"));
        Assert.Equal("Enter your new password again", page.FieldError("Input-ConfirmPassword"));
    }

    [Fact]
    public async Task After_a_change_this_device_stays_signed_in_the_old_password_is_refused_and_the_new_one_works()
    {
        var client = await factory.SignedInClientAsync(Secretary);

        var done = await client.PostFormAsync(Route, Form(DemoPassword, NewPassword, NewPassword));

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal("/Account/Security", done.Location);
        var account = await client.GetPageAsync(done.Location!);
        Assert.Equal(HttpStatusCode.OK, account.Status);
        Assert.Contains("Your password has been changed", account.Find(".govuk-notification-banner")!.TextContent);
        var old = await factory.NewClient().SignInAsync(Secretary, DemoPassword);
        Assert.Equal(HttpStatusCode.OK, old.Status);
        Assert.NotEmpty(old.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.NewClient().SignInAsync(Secretary, NewPassword)).Status);
    }
}

/// <summary>The new security stamp ends the person's other sessions at the next stamp check; this device carries on.</summary>
public sealed class ChangePasswordSessionTests : IDisposable
{
    private readonly MovableClock _time = new(DateTimeOffset.UtcNow);
    private readonly CommissioningFactory _factory;

    public ChangePasswordSessionTests() => _factory = new CommissioningFactory { Time = _time };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_new_password_signs_out_the_other_devices_at_the_next_stamp_check_but_not_this_one()
    {
        var laptop = await _factory.SignedInClientAsync(Commissioner);
        var phone = await _factory.SignedInClientAsync(Commissioner);
        const string password = "slate harbour meadow violin";

        var done = await laptop.PostFormAsync("/Account/Security/ChangePassword", new FormFields
        {
            { "Input.CurrentPassword", DemoPassword }, { "Input.NewPassword", password }, { "Input.ConfirmPassword", password },
        });
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        _time.Set(_time.GetUtcNow().AddMinutes(6));

        Assert.Equal(HttpStatusCode.OK, (await laptop.GetPageAsync("/Contracts")).Status);
        var other = await phone.GetPageAsync("/Contracts");
        Assert.Equal(HttpStatusCode.Redirect, other.Status);
        Assert.StartsWith("/Account/SignIn", other.Location);
    }
}
