using System.Security.Cryptography;
using System.Text;
using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Commissioning.Infrastructure.KeyDates;

/// <summary>
/// The secret in a user's calendar feed address: the user id and security stamp, encrypted and signed
/// with ASP.NET Core Data Protection. A calendar program cannot sign in, so the address is the
/// credential; when the stamp changes (new password, roles changed, "new address") old addresses stop working.
/// </summary>
public sealed class CalendarTokens(IDataProtectionProvider provider, UserManager<ApplicationUser> users, TimeProvider time)
{
    private const string Purpose = "Commissioning.KeyDates.CalendarFeed.v1";
    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    /// <summary>A fresh token for the user (URL-safe: Data Protection's base64url).</summary>
    public async Task<string> CreateAsync(ApplicationUser user) =>
        _protector.Protect(user.Id + "\n" + await users.GetSecurityStampAsync(user));

    /// <summary>The user the token was made for, while their stamp is unchanged and they are not locked out; otherwise null.</summary>
    public async Task<ApplicationUser?> ResolveAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000) return null;
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
        var parts = payload.Split('\n');
        if (parts.Length != 2) return null;
        var user = await users.FindByIdAsync(parts[0]);
        if (user is null || user.LockoutEnd > time.GetUtcNow()) return null;
        var stamp = await users.GetSecurityStampAsync(user);
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stamp), Encoding.UTF8.GetBytes(parts[1])) ? user : null;
    }
}
