using System.Security.Claims;
using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Commissioning.Web.Setup;

/// <summary>
/// Council single sign-on (docs/decisions/0018-council-single-sign-on.md): OpenID Connect, Microsoft Entra ID in
/// production, configured under <c>Authentication:Oidc</c>. With no <c>Authority</c> nothing is registered and the
/// sign-in page shows no button.
/// </summary>
public sealed class SingleSignOn
{
    public const string Section = "Authentication:Oidc";
    public const string Scheme = "oidc";
    public const string DisplayName = "your council account";
    /// <summary>Entra ID puts the object ids of a person's groups in this claim of the ID token.</summary>
    public const string GroupsClaim = "groups";

    public string? Authority { get; init; }
    public string? ClientId { get; init; }
    public string? ClientSecret { get; init; }
    public bool RequireHttpsMetadata { get; init; } = true;
    /// <summary>Group id → the role its members get. Built from <c>RoleGroups:&lt;Role&gt;</c>.</summary>
    public IReadOnlyDictionary<string, string> RoleByGroup { get; init; } = new Dictionary<string, string>();

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>The roles a person in these groups has; none when no group is mapped.</summary>
    public IReadOnlySet<string> RolesFor(IEnumerable<string> groups) =>
        groups.Where(RoleByGroup.ContainsKey).Select(g => RoleByGroup[g]).ToHashSet();

    /// <summary>
    /// Reads and checks the settings. A mistake stops the app at start-up with a message naming the key, rather than
    /// letting people in with the wrong roles or refusing everyone.
    /// </summary>
    public static SingleSignOn From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var sso = new SingleSignOn
        {
            Authority = section["Authority"]?.Trim(),
            ClientId = section["ClientId"]?.Trim(),
            ClientSecret = section["ClientSecret"],
            RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", true),
            RoleByGroup = RoleGroups(section.GetSection("RoleGroups")),
        };
        if (!sso.Enabled) return sso;
        if (string.IsNullOrWhiteSpace(sso.ClientId) || string.IsNullOrWhiteSpace(sso.ClientSecret))
            throw new InvalidOperationException($"{Section}:Authority is set, so {Section}:ClientId and {Section}:ClientSecret must be set too.");
        if (sso.RoleByGroup.Count == 0)
            throw new InvalidOperationException($"{Section}:Authority is set but no {Section}:RoleGroups:<Role> is: nobody could sign in with their council account.");
        return sso;
    }

    /// <summary>
    /// <c>RoleGroups:Commissioner</c>, <c>RoleGroups:BoardSecretary</c> (or "Board secretary"), <c>FinanceOfficer</c>,
    /// <c>Viewer</c>: each a group id, or several separated by commas. Administrator is refused: administrators keep
    /// local accounts, so whoever runs the council's directory cannot make themselves an administrator of the register.
    /// </summary>
    private static Dictionary<string, string> RoleGroups(IConfigurationSection section)
    {
        var byGroup = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in section.GetChildren())
        {
            var role = Roles.All.FirstOrDefault(r => Squash(r) == Squash(entry.Key))
                ?? throw new InvalidOperationException($"{Section}:RoleGroups:{entry.Key} is not a role. Use one of: Commissioner, BoardSecretary, FinanceOfficer, Viewer.");
            if (role == Roles.Administrator)
                throw new InvalidOperationException($"{Section}:RoleGroups:{entry.Key}: the Administrator role is never given through single sign-on; administrators keep local accounts.");
            foreach (var group in (entry.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (!byGroup.TryAdd(group, role) && byGroup[group] != role)
                    throw new InvalidOperationException($"{Section}:RoleGroups: group {group} is mapped to both {byGroup[group]} and {role}. Give each role its own group.");
        }
        return byGroup;
    }

    private static string Squash(string name) => name.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
}

public static class SingleSignOnSetup
{
    /// <summary>Registers the OpenID Connect scheme when <c>Authentication:Oidc:Authority</c> is set; otherwise nothing.</summary>
    public static IServiceCollection AddSingleSignOn(this IServiceCollection services, IConfiguration configuration, bool secureCookies)
    {
        var sso = SingleSignOn.From(configuration);
        services.AddSingleton(sso);
        if (!sso.Enabled) return services;

        var cookiePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        // The short-lived cookie holding the provider's answer until the callback page has read it.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o =>
        {
            o.Cookie.SecurePolicy = cookiePolicy;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });

        services.AddAuthentication().AddOpenIdConnect(SingleSignOn.Scheme, SingleSignOn.DisplayName, o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = sso.Authority;
            o.ClientId = sso.ClientId;
            o.ClientSecret = sso.ClientSecret;
            o.RequireHttpsMetadata = sso.RequireHttpsMetadata;
            // Authorization code flow with PKCE; the answer comes back as a top-level GET (query), which our
            // SameSite=Lax cookies accompany, unlike a cross-site form post.
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.Scope.Add("email");
            // Claims keep the provider's names (sub, email, name, groups): no guessing at Microsoft's long URIs.
            o.MapInboundClaims = false;
            // Entra ID's groups are in the ID token; its userinfo endpoint does not have them.
            o.GetClaimsFromUserInfoEndpoint = false;
            o.SaveTokens = false;
            o.BackchannelTimeout = TimeSpan.FromSeconds(20);
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = cookiePolicy;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = cookiePolicy;
            o.Events.OnTokenValidated = context =>
            {
                // Identity keys a login by NameIdentifier; the provider's subject is that key.
                if (context.Principal?.Identity is ClaimsIdentity identity && identity.FindFirst(ClaimTypes.NameIdentifier) is null
                    && identity.FindFirst("sub") is { } subject)
                    identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, subject.Value, ClaimValueTypes.String, subject.Issuer));
                return Task.CompletedTask;
            };
            // Cancelled at the provider, or an answer that does not check out: a page saying so, not an error page.
            o.Events.OnRemoteFailure = context =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("SingleSignOn")
                    .LogWarning(context.Failure, "Council sign-in did not complete");
                context.Response.Redirect("/Account/ExternalSignIn?handler=Failed");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>
    /// The provider's origin, for the Content-Security-Policy's form-action: the sign-in button's form is answered
    /// with a redirect there, and browsers hold redirects after a form to the same list.
    /// </summary>
    public static string? ProviderOrigin(SingleSignOn sso) =>
        sso.Enabled && Uri.TryCreate(sso.Authority, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;

    /// <summary>How the person signed in: the scheme, for council sign-in (two-step sign-in leaves those to the council).</summary>
    public static bool SignedInWithCouncilAccount(ClaimsPrincipal user) =>
        user.FindFirst(ClaimTypes.AuthenticationMethod)?.Value == SingleSignOn.Scheme;
}
