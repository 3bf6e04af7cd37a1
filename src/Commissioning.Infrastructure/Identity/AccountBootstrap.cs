using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;

namespace Commissioning.Infrastructure.Identity;

/// <summary>
/// Creates the five roles, and the first administrator from <c>Bootstrap:AdminEmail</c> and
/// <c>Bootstrap:AdminPassword</c> when no administrator exists yet (there are no default accounts).
/// </summary>
public sealed class AccountBootstrap(RoleManager<IdentityRole> roles, UserManager<ApplicationUser> users, IConfiguration configuration)
{
    public async Task RunAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Ensure(await roles.CreateAsync(new IdentityRole(role)), role);

        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password)) return;
        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0) return;
        await CreateUserAsync(email, "Administrator", password, Roles.Administrator);
    }

    public async Task<ApplicationUser> CreateUserAsync(string email, string displayName, string password, params string[] roleNames)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is not null) return user;
        user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        Ensure(await users.CreateAsync(user, password), email);
        Ensure(await users.AddToRolesAsync(user, roleNames), email);
        return user;
    }

    private static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not set up {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
