namespace Commissioning.Web.Setup;

/// <summary>The response headers of docs/security.md, on every response.</summary>
public static class SecurityHeaders
{
    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

    /// <summary>A register of contracts needs none of the browser's devices or payment features: none may be used, by us or anything framed.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), bluetooth=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), " +
        "magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=(), xr-spatial-tracking=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var h = context.Response.Headers;
                h.ContentSecurityPolicy = Csp;
                h.XContentTypeOptions = "nosniff";
                h["Referrer-Policy"] = "same-origin";
                h["Permissions-Policy"] = PermissionsPolicy;
                h.XFrameOptions = "DENY";
                // Register pages hold financially sensitive records: never cache them.
                if (!context.Request.Path.StartsWithSegments("/lib") && !context.Request.Path.StartsWithSegments("/css")
                    && !context.Request.Path.StartsWithSegments("/js"))
                    h.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            await next();
        });
}
