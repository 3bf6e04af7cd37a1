using System.Net;
using Commissioning.Infrastructure.Identity;
using Commissioning.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Web.Tests.Pages.Account;

/// <summary>What the reset link tests do again and again: add a person, issue them a link, use it.</summary>
public static class ResetLinks
{
    public const string OldPassword = "harbour lantern pebble";
    public const string NewPassword = "Plum tractor; velvet 1887 ocean";
    public const string Expired = "This link has expired or has been used";

    /// <summary>A viewer of the test's own, added through "Add a user" by <paramref name="admin"/>; returns their id and address.</summary>
    public static async Task<(string Id, string Email)> NewUserAsync(HttpClient admin, IServiceProvider services, string name = "Rowan Ashby")
    {
        var email = $"reset-{Guid.NewGuid():N}@council.test";
        var added = await admin.PostFormAsync("/Admin/Users/Create", new FormFields
        {
            { "Input.Email", email }, { "Input.DisplayName", name }, { "Input.Password", OldPassword }, { "Input.Roles", Roles.Viewer },
        });
        Assert.True(added.Status == HttpStatusCode.Redirect, $"Adding the user answered {(int)added.Status}: {string.Join(" | ", added.ErrorSummary)}");
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        return (user!.Id, email);
    }

    /// <summary>Presses "Send a password reset link" on the person's page.</summary>
    public static Task<HtmlPage> IssueAsync(HttpClient admin, string userId) =>
        admin.PostFormAsync($"/Admin/Users/Edit/{userId}?handler=ResetLink", new FormFields(), tokenFrom: $"/Admin/Users/Edit/{userId}");

    /// <summary>The link shown to the administrator, whole.</summary>
    public static string ShownLink(HtmlPage page) =>
        page.Find("#reset-link")?.GetAttribute("value") ?? throw new InvalidOperationException($"No link shown ({(int)page.Status}): {page.Text}");

    /// <summary>The link's path and query, for a test client.</summary>
    public static string PathOf(string link) => new Uri(link).PathAndQuery;

    public static Task<HtmlPage> SetPasswordAsync(HttpClient client, string path, string password, string? confirm = null) =>
        client.PostFormAsync(path, new FormFields { { "Input.Password", password }, { "Input.ConfirmPassword", confirm ?? password } });

    public static async Task<bool> SignsInAsync(HttpClient client, string email, string password) =>
        (await client.SignInAsync(email, password)).Status == HttpStatusCode.Redirect;
}
