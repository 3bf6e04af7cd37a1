using System.Threading.RateLimiting;
using Commissioning.Infrastructure.Finance;
using Commissioning.Infrastructure.Publishing.Ocds;
using Microsoft.AspNetCore.RateLimiting;

namespace Commissioning.Web.Setup;

/// <summary>
/// What anyone may read without signing in: /Public/Contracts and the OCDS feed (docs/publishing.md, decision 0034).
/// Off with Public:Enabled=false (every public address then answers 404); limited to Public:RequestsPerMinute from one
/// client address; cacheable for five minutes by browsers and proxies, unlike every other page (no-store).
/// </summary>
public static class PublicSetup
{
    public const string RateLimit = "public";
    public const string CacheControl = "public, max-age=300";
    private const string CacheableKey = "Commissioning.PublicCacheable";

    public static IServiceCollection AddPublicRegister(this IServiceCollection services, IConfiguration configuration)
    {
        var ocds = configuration.GetSection(OcdsOptions.Section).Get<OcdsOptions>() ?? new OcdsOptions();
        services.AddSingleton(ocds);
        services.AddScoped(sp => new OcdsFeed(sp.GetRequiredService<CommissioningDbContext>(), sp.GetRequiredService<ScheduleCache>(), ocds,
            CouncilName(configuration), Threshold(configuration)));

        var perMinute = configuration.GetValue("Public:RequestsPerMinute", 120);
        services.AddRateLimiter(o => o.AddPolicy(RateLimit, context =>
            RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) })));
        return services;
    }

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue("Public:Enabled", true);

    public static string CouncilName(IConfiguration configuration) => configuration["Council:Name"] ?? "Council";

    /// <summary>The Transparency Code's threshold: the contracts file's setting (Publishing:Threshold, £5,000.00 unless set), the same rule.</summary>
    public static Money Threshold(IConfiguration configuration) => Pages.Publish.PublishingSettings.From(configuration).Threshold;

    /// <summary>Marks a successful public answer as cacheable; SecurityHeaders then sends <see cref="CacheControl"/> instead of no-store.</summary>
    public static void MarkCacheable(HttpContext context) => context.Items[CacheableKey] = true;

    public static bool IsCacheable(HttpContext context) =>
        context.Items.ContainsKey(CacheableKey) && context.Response.StatusCode == StatusCodes.Status200OK;

    /// <summary>Why a 429 happened, for the error page: a public page's visitor never tried to sign in.</summary>
    public static bool IsPublicPath(PathString path) =>
        path.StartsWithSegments("/Public", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/ocds", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Razor pages and handlers that anyone may read: rate limited, and not found at all while Public:Enabled is false.</summary>
[AllowAnonymous]
[EnableRateLimiting(PublicSetup.RateLimit)]
public abstract class PublicPage(IConfiguration configuration) : PageModel
{
    protected IConfiguration Configuration { get; } = configuration;

    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        if (!PublicSetup.IsEnabled(Configuration)) context.Result = NotFound();
    }

    public string Council => PublicSetup.CouncilName(Configuration);
}
