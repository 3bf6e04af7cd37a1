using System.Security.Claims;
using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Commissioning.Web.Setup;

/// <summary>
/// <c>Security:RequireTwoStep</c> (on outside demo mode): a person signed in with a local password and no two-step
/// sign-in is sent to set it up before anything else [ASVS 2.2.3 L2: multi-factor]. Account pages, the error page,
/// the health check and the calendar feed (opened by Outlook with its own token) stay reachable; static files are
/// served before this runs. People who came through their council's single sign-on are left alone: their
/// provider asks for the second factor.
/// </summary>
public static class TwoStepRequirement
{
    public const string SetUpPath = "/Account/Security/Authenticator";
    /// <summary>In the cookie when the user has two-step sign-in, so most requests need no lookup.</summary>
    public const string TwoStepClaim = "two_step";

    public static bool IsRequired(IConfiguration configuration) =>
        configuration.GetValue<bool?>("Security:RequireTwoStep") ?? !configuration.GetValue<bool>("Demo:Enabled");

    /// <summary>Identity names the scheme of an external sign-in ("oidc") in this claim; a password sign-in has none.</summary>
    public static bool SignedInExternally(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.AuthenticationMethod) is { Length: > 0 } method && method is not ("pwd" or "mfa");

    public static IApplicationBuilder UseTwoStepRequirement(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (!IsRequired(configuration)) return app;
        return app.Use(async (context, next) =>
        {
            if (context.User is { Identity.IsAuthenticated: true } user && !Exempt(context.Request.Path)
                && !user.HasClaim(TwoStepClaim, "on") && !SignedInExternally(user)
                && !await HasTwoStepAsync(context, user))
            {
                context.Response.Redirect(SetUpPath);
                return;
            }
            await next(context);
        });
    }

    private static bool Exempt(PathString path) =>
        path.StartsWithSegments("/Account") || path.StartsWithSegments("/Error") || path.StartsWithSegments("/health")
        || (path.StartsWithSegments("/Calendar") && path.Value!.EndsWith(".ics", StringComparison.OrdinalIgnoreCase));

    /// <summary>The cookie may predate setting it up (the claim comes at the next stamp check): ask the database.</summary>
    private static async Task<bool> HasTwoStepAsync(HttpContext context, ClaimsPrincipal principal)
    {
        var users = context.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetUserAsync(principal) is { TwoFactorEnabled: true };
    }
}
