using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace Commissioning.Infrastructure.Identity;

/// <summary>
/// The tokens of password reset links: Identity's own data-protected token (the time it was made, the user's id,
/// the purpose and the security stamp), read against the app's <see cref="TimeProvider"/> rather than the machine's
/// clock, so that expiry can be tested and is the same clock every other rule uses. A reset renews the stamp, which
/// voids every link given before it: a link works once. Tokens are base64url, ready for a link's query.
/// </summary>
public sealed class ResetLinkTokenProvider(
    IDataProtectionProvider protection, TimeProvider time, ILogger<DataProtectorTokenProvider<ApplicationUser>> logger)
    : DataProtectorTokenProvider<ApplicationUser>(protection, Microsoft.Extensions.Options.Options.Create(new DataProtectionTokenProviderOptions
    {
        Name = ProviderName,
        TokenLifespan = Lifespan,
    }), logger)
{
    public const string ProviderName = "ResetLink";
    /// <summary>Long enough for a link sent at the end of one working day to be used at the start of the next.</summary>
    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(24);

    public override async Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        using var stream = new MemoryStream();
        await using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(time.GetUtcNow().UtcTicks);
            writer.Write(await manager.GetUserIdAsync(user));
            writer.Write(purpose ?? "");
            writer.Write(await manager.GetSecurityStampAsync(user) ?? "");
        }
        return WebEncoders.Base64UrlEncode(Protector.Protect(stream.ToArray()));
    }

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        byte[] data;
        try
        {
            data = Protector.Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return false; // altered, cut short, or made with a key this app does not hold
        }
        using var reader = new BinaryReader(new MemoryStream(data), System.Text.Encoding.UTF8);
        try
        {
            var made = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            if (made + Lifespan < time.GetUtcNow()) return false;
            var userId = reader.ReadString();
            var tokenPurpose = reader.ReadString();
            var stamp = reader.ReadString();
            if (reader.BaseStream.Position != reader.BaseStream.Length) return false;
            return userId == await manager.GetUserIdAsync(user)
                && tokenPurpose == purpose
                && stamp == (await manager.GetSecurityStampAsync(user) ?? "");
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException)
        {
            return false; // cannot happen to a token this app made: the data is authenticated
        }
    }
}
