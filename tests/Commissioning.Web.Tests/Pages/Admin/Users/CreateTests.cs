using System.Net;
using Commissioning.Infrastructure.Identity;
using Commissioning.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Admin.Users;

[Collection(SharedApp.People)]
public sealed class CreateTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    private static FormFields User(string email, string password, params string[] roles)
    {
        var fields = new FormFields { { "Input.Email", email }, { "Input.DisplayName", "Test person" }, { "Input.Password", password } };
        foreach (var role in roles) fields.Add("Input.Roles", role);
        return fields;
    }

    private async Task<bool> UserExistsAsync(string email)
    {
        await using var scope = factory.OpenDb();
        return await scope.Db.Users.AnyAsync(u => u.Email == email);
    }

    [Fact]
    public async Task Admin_creates_a_viewer_who_can_then_sign_in_and_read_but_not_edit()
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var email = $"auditor-{Guid.NewGuid():N}@council.test";
        const string password = "harbour lantern pebble";

        var page = await admin.PostFormAsync("/Admin/Users/Create", User(email, password, Roles.Viewer));

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/Admin/Users", page.Location);
        await using (var scope = factory.OpenDb())
        {
            var users = scope.Services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            Assert.Equal([Roles.Viewer], await users.GetRolesAsync(user));
        }
        var list = await admin.GetPageAsync("/Admin/Users");
        Assert.Contains(email, list.Text);
        var newcomer = await factory.SignedInClientAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetPageAsync("/Contracts")).Status);
        Assert.StartsWith("/Account/AccessDenied", (await newcomer.GetPageAsync("/Contracts/Create")).Location);
    }

    [Fact]
    public async Task Admin_creates_a_user_with_two_roles()
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var email = $"dual-{Guid.NewGuid():N}@council.test";

        var page = await admin.PostFormAsync("/Admin/Users/Create", User(email, "quiet meadow river stone", Roles.FinanceOfficer, Roles.BoardSecretary));

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        await using var scope = factory.OpenDb();
        var users = scope.Services.GetRequiredService<UserManager<ApplicationUser>>();
        var roles = await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
        Assert.Equal(new[] { Roles.BoardSecretary, Roles.FinanceOfficer }, roles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Short_password_is_refused_with_a_message_and_no_user_is_created()
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var email = $"short-{Guid.NewGuid():N}@council.test";

        var page = await admin.PostFormAsync("/Admin/Users/Create", User(email, "short", Roles.Viewer));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("12 characters", page.FieldError("Input-Password"));
        Assert.Contains(page.ErrorSummary, m => m.Contains("12 characters", StringComparison.Ordinal));
        Assert.Equal("", page.Value("Input.Password") ?? "");
        Assert.False(await UserExistsAsync(email));
    }

    [Theory]
    [InlineData("password1234", "one of the most common passwords")]
    [InlineData("PASSWORD1234", "one of the most common passwords")]
    [InlineData("qwerty123456", "a row of keys on the keyboard")]
    public async Task Common_breached_password_is_refused_with_a_message_and_no_user_is_created(string password, string reason)
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var email = $"common-{Guid.NewGuid():N}@council.test";

        var page = await admin.PostFormAsync("/Admin/Users/Create", User(email, password, Roles.Viewer));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(reason, page.FieldError("Input-Password"));
        Assert.False(await UserExistsAsync(email));
    }

    [Fact]
    public async Task Password_equal_to_the_email_address_is_refused()
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var email = $"same-{Guid.NewGuid():N}@council.test";

        var page = await admin.PostFormAsync("/Admin/Users/Create", User(email, email, Roles.Viewer));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("your email address", page.FieldError("Input-Password"));
        Assert.False(await UserExistsAsync(email));
    }

    [Fact]
    public async Task Email_already_in_use_is_refused()
    {
        var admin = await factory.SignedInClientAsync(Administrator);

        var page = await admin.PostFormAsync("/Admin/Users/Create", User(Viewer, "another long passphrase", Roles.Viewer));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.FieldError("Input-Email"));
    }

    [Fact]
    public async Task Unknown_role_is_refused()
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var email = $"role-{Guid.NewGuid():N}@council.test";

        var page = await admin.PostFormAsync("/Admin/Users/Create", User(email, "harbour lantern pebble", "Superuser"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.ErrorSummary, m => m.Contains("Choose roles from the list", StringComparison.Ordinal));
        Assert.False(await UserExistsAsync(email));
    }
}
