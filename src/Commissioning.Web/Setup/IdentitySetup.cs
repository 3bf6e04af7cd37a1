using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Commissioning.Web.Setup;

/// <summary>Identity with the settings of shared/docs/security-baseline.md (ASVS level 2).</summary>
public static class IdentitySetup
{
    public const string SignInTimeClaim = SessionClaims.SignedInAt;
    public const string SignInRateLimit = "sign-in";
    public static readonly TimeSpan IdleTimeout = UserSessions.IdleTimeout;
    public static readonly TimeSpan AbsoluteTimeout = UserSessions.AbsoluteTimeout;
    /// <summary>How often a session's user is re-read: a changed stamp ends it, a changed name or role reaches it.</summary>
    public static readonly TimeSpan StampInterval = TimeSpan.FromMinutes(5);

    public static IServiceCollection AddCommissioningIdentity(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(o =>
            {
                // At least 12 characters and no composition rules [ASVS 2.1.1, 2.1.9]; no more than 128 and not guessable: PasswordStrengthValidator.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                // No lockout: anyone who knows an address could shut its owner out. SignInThrottle slows guessing
                // instead, and SessionSignInManager ignores any lockout end (issue 13, defect 5; decision 0016).
                o.Lockout.AllowedForNewUsers = false;
                // Identity counts wrong two-step codes itself and would set a lockout end at this many, which the
                // calendar feed and the digest read as a disabled account: never.
                o.Lockout.MaxFailedAccessAttempts = int.MaxValue;
                o.User.RequireUniqueEmail = true;
                // Reset links are read against the app's clock and last 24 hours (decision 0017).
                o.Tokens.PasswordResetTokenProvider = ResetLinkTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<CommissioningDbContext>()
            .AddDefaultTokenProviders()
            .AddSignInManager<SessionSignInManager>()
            .AddClaimsPrincipalFactory<DisplayNameClaims>()
            .AddTokenProvider<ResetLinkTokenProvider>(ResetLinkTokenProvider.ProviderName)
            // Refuses guessable passwords and says why [ASVS 2.1.7, 2.1.8]; decision 0017.
            .AddPasswordValidator<PasswordStrengthValidator>();

        services.AddScoped<ResetLinkMail>();

        services.AddScoped<UserSessions>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<Pages.Account.StandInPassword>();

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
            // The session's id and how the person signed in go over too: without the id the session check refuses it.
            o.OnRefreshingPrincipal = refresh =>
            {
                SessionClaims.CarryOver(refresh.CurrentPrincipal, refresh.NewPrincipal);
                return Task.CompletedTask;
            };
        });

        services.AddCommissioningDataProtection(configuration, environment);

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

    /// <summary>
    /// Every request: the cookie's session must be live on the server (sign-out and "Sign out everywhere" end it, for
    /// every copy of the cookie at once: issue 13, defect 1), and no older than 12 hours (sliding expiry keeps an
    /// active session alive; this ends it). Then the display name and the 5-minute security stamp check.
    /// </summary>
    private static async Task EnforceAbsoluteTimeout(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var claim = context.Principal?.FindFirst(SignInTimeClaim)?.Value;
        var sessionId = context.Principal?.FindFirst(SessionClaims.SessionId)?.Value;
        var userId = context.Principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var time = services.GetRequiredService<TimeProvider>();
        if (claim is null || !DateTimeOffset.TryParse(claim, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedIn)
            || time.GetUtcNow() - signedIn > AbsoluteTimeout
            || sessionId is null || userId is null || !await services.GetRequiredService<UserSessions>().IsLiveAsync(sessionId, userId))
        {
            if (sessionId is not null) await services.GetRequiredService<UserSessions>().EndAsync(sessionId);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await DisplayNameClaims.AddIfMissingAsync(context);
        if (context.Principal is null) return;
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    public static Claim SignInTime(TimeProvider time) =>
        new(SignInTimeClaim, time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
}
