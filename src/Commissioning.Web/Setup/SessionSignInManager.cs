using System.Globalization;
using System.Security.Claims;
using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Commissioning.Web.Setup;

/// <summary>
/// Every sign-in starts a server-side session (<see cref="UserSessions"/>) and puts its id and the sign-in time in
/// the cookie. Password, two-step, recovery-code and external (single sign-on) sign-in all end in
/// <see cref="SignInWithClaimsAsync"/>, so none of them can make a cookie without a session. Re-issuing the cookie of
/// a session (a refresh, an administrator renaming themselves) keeps its session; sign-out ends it.
/// </summary>
public sealed class SessionSignInManager(
    UserManager<ApplicationUser> users, IHttpContextAccessor accessor, IUserClaimsPrincipalFactory<ApplicationUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<ApplicationUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation, UserSessions sessions, TimeProvider time)
    : SignInManager<ApplicationUser>(users, accessor, claims, options, logger, schemes, confirmation)
{
    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var all = additionalClaims.ToList();
        if (!all.Any(c => c.Type == SessionClaims.SessionId))
        {
            all.RemoveAll(c => c.Type == SessionClaims.SignedInAt);
            var id = await sessions.StartAsync(user.Id, ClientDescription.Of(Context.Request.Headers.UserAgent.ToString()));
            all.Add(new Claim(SessionClaims.SessionId, id));
            all.Add(new Claim(SessionClaims.SignedInAt, time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
        }
        await base.SignInWithClaimsAsync(user, authenticationProperties, all);
    }

    /// <summary>A new cookie for the same session (after the person changes their own details), not a new session.</summary>
    public override async Task RefreshSignInAsync(ApplicationUser user)
    {
        var auth = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (auth.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) != user.Id)
        {
            await base.RefreshSignInAsync(user);
            return;
        }
        await SignInWithClaimsAsync(user, auth.Properties, SessionClaims.Of(auth.Principal));
    }

    public override async Task SignOutAsync()
    {
        if (Context.User.FindFirstValue(SessionClaims.SessionId) is { } id) await sessions.EndAsync(id);
        await base.SignOutAsync();
    }

    /// <summary>
    /// Identity's lockout is off: the sign-in throttle (<see cref="SignInThrottle"/>) slows guessing without letting a
    /// stranger shut the owner out (issue 13, defect 5). Identity still counts wrong two-step codes and may set a
    /// lockout end; it is ignored, here and on the users pages.
    /// </summary>
    protected override Task<bool> IsLockedOut(ApplicationUser user) => Task.FromResult(false);
}

/// <summary>The claims that belong to a session rather than to the user, carried over whenever the cookie is re-issued.</summary>
public static class SessionClaims
{
    public const string SessionId = "session_id";
    public const string SignedInAt = "signed_in_at";
    /// <summary>Identity's "how they signed in": "pwd", "mfa".</summary>
    public const string Amr = "amr";

    private static readonly string[] Carried = [SessionId, SignedInAt, ClaimTypes.AuthenticationMethod, Amr];

    public static List<Claim> Of(ClaimsPrincipal? principal) =>
        principal is null ? [] : [.. principal.Claims.Where(c => Carried.Contains(c.Type)).Select(c => new Claim(c.Type, c.Value))];

    /// <summary>Copies the session's claims onto a principal built afresh from the user (the 5-minute stamp check).</summary>
    public static void CarryOver(ClaimsPrincipal? from, ClaimsPrincipal? to)
    {
        if (to?.Identity is not ClaimsIdentity identity) return;
        foreach (var claim in Of(from).Where(c => !identity.HasClaim(h => h.Type == c.Type)))
            identity.AddClaim(claim);
    }
}

/// <summary>"Firefox on Windows": enough for a person to tell their sessions apart, no more.</summary>
public static class ClientDescription
{
    public static string Of(string userAgent)
    {
        var browser = userAgent switch
        {
            _ when userAgent.Contains("Edg/", StringComparison.Ordinal) => "Edge",
            _ when userAgent.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
            _ when userAgent.Contains("Chrome/", StringComparison.Ordinal) || userAgent.Contains("Chromium/", StringComparison.Ordinal) => "Chrome",
            _ when userAgent.Contains("Safari/", StringComparison.Ordinal) => "Safari",
            _ => "A browser",
        };
        var system = userAgent switch
        {
            _ when userAgent.Contains("Windows", StringComparison.Ordinal) => "Windows",
            _ when userAgent.Contains("iPhone", StringComparison.Ordinal) || userAgent.Contains("iPad", StringComparison.Ordinal) => "iOS",
            _ when userAgent.Contains("Mac OS X", StringComparison.Ordinal) => "macOS",
            _ when userAgent.Contains("Android", StringComparison.Ordinal) => "Android",
            _ when userAgent.Contains("Linux", StringComparison.Ordinal) => "Linux",
            _ => null,
        };
        return system is null ? browser : $"{browser} on {system}";
    }
}
