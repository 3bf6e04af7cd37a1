using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Commissioning.Web.Setup;

/// <summary>Identity with the settings of shared/docs/security-baseline.md (ASVS level 2).</summary>
public static class IdentitySetup
{
    public const string SignInTimeClaim = "signed_in_at";
    public const string SignInRateLimit = "sign-in";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);
    /// <summary>How often a session's user is re-read: a changed stamp ends it, a changed name or role reaches it.</summary>
    public static readonly TimeSpan StampInterval = TimeSpan.FromMinutes(5);
    /// <summary>Claims made at sign-in, not from the user's record, that a rebuilt principal must keep.</summary>
    public static readonly IReadOnlyList<string> CarriedClaims = [SignInTimeClaim, ClaimTypes.AuthenticationMethod];

    public static IServiceCollection AddCommissioningIdentity(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(o =>
            {
                // At least 12 characters and no composition rules [ASVS 2.1.1, 2.1.9].
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<CommissioningDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<DisplayNameClaims>()
            .AddPasswordValidator<CommonPasswordValidator>();

        var secure = !environment.IsDevelopment() && !environment.IsEnvironment("Testing");
        services.ConfigureApplicationCookie(o =>
        {
            // The __Host- prefix needs a Secure cookie, so plain-http development uses a plain name.
            o.Cookie.Name = secure ? "__Host-Commissioning" : "Commissioning.Auth";
            o.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/SignIn";
            o.LogoutPath = "/Account/SignOut";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Events.OnValidatePrincipal = EnforceAbsoluteTimeout;
        });
        // The antiforgery and TempData cookies are Secure too (issue 13): by default the first never is
        // and the second only on an https request, so a proxy speaking http to the app would drop the flag.
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        services.Configure<CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = StampInterval;
            // The re-validated principal is built afresh from the user; carry the sign-in time over,
            // or the absolute timeout would find no claim and sign the person out 5 minutes in.
            // So is how they signed in (ClaimTypes.AuthenticationMethod: "oidc" for council sign-in), which Identity's
            // rebuilt principal drops: without it a council user would look like a password user 5 minutes in.
            o.OnRefreshingPrincipal = refresh =>
            {
                if (refresh.CurrentPrincipal is not { } current || refresh.NewPrincipal?.Identity is not ClaimsIdentity identity)
                    return Task.CompletedTask;
                foreach (var type in CarriedClaims)
                    if (current.FindFirst(type) is { } claim && !identity.HasClaim(c => c.Type == type))
                        identity.AddClaim(new Claim(type, claim.Value));
                return Task.CompletedTask;
            };
        });

        services.AddDataProtection().SetApplicationName("Commissioning").PersistKeysToDbContext<CommissioningDbContext>();

        var perMinute = configuration.GetValue("Security:SignInAttemptsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Say when to try again [ASVS 11.1.4 / RFC 6585]: the limiter knows when its window opens; else a whole window.
            o.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(SignInRateLimit, context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) })
                    : RateLimitPartition.GetNoLimiter("get"));
        });
        services.AddSingleSignOn(configuration, secure);
        return services;
    }

    /// <summary>Sliding expiry keeps an active session alive; this ends any session 12 hours after sign-in.</summary>
    private static async Task EnforceAbsoluteTimeout(CookieValidatePrincipalContext context)
    {
        var claim = context.Principal?.FindFirst(SignInTimeClaim)?.Value;
        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (claim is null || !DateTimeOffset.TryParse(claim, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedIn)
            || time.GetUtcNow() - signedIn > AbsoluteTimeout)
        {
            context.RejectPrincipal();
            await context.HttpContext.RequestServices.GetRequiredService<SignInManager<ApplicationUser>>().SignOutAsync();
            return;
        }
        await DisplayNameClaims.AddIfMissingAsync(context);
        if (context.Principal is null) return;
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    public static Claim SignInTime(TimeProvider time) =>
        new(SignInTimeClaim, time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
}

/// <summary>Refuses the passwords most often found in breaches [ASVS 2.1.7].</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    // Passwords of 12 or more characters that top the public breach lists.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "123456123456", "111111111111", "000000000000",
        "qwertyuiop12", "qwertyuiop123", "qwertyuiopasdf", "1q2w3e4r5t6y", "1qaz2wsx3edc", "q1w2e3r4t5y6",
        "password1234", "password12345", "passwordpassword", "password123456", "iloveyou1234", "abcdefghijkl",
        "abc123abc123", "welcome12345", "letmein12345", "administrator", "administrator1", "changeme1234",
        "qwerty123456", "asdfghjkl123", "zxcvbnm12345", "football1234", "baseball1234", "superman1234",
        "trustno1trustno1", "monkey123456", "dragon123456", "sunshine1234", "princess1234", "starwars1234",
        "aaaaaaaaaaaa", "987654321098", "passw0rd1234", "p@ssw0rd1234", "commissioning", "commissioner1",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (password is not null && (Common.Contains(password) || string.Equals(password, user.Email, StringComparison.OrdinalIgnoreCase)))
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "This password is too easy to guess: it appears in lists of breached passwords. Choose another.",
            }));
        return Task.FromResult(IdentityResult.Success);
    }
}
