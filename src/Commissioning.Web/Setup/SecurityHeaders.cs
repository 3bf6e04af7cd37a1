namespace Commissioning.Web.Setup;

/// <summary>The response headers of docs/security.md, on every response.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The policy, with the council sign-in provider's origin in form-action when single sign-on is on: the
    /// "Sign in with your council account" form is answered with a redirect there, which form-action also governs.
    /// </summary>
    public static string Csp(string? providerOrigin) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        $"form-action 'self'{(providerOrigin is null ? "" : " " + providerOrigin)}; frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

    /// <summary>A register of contracts needs none of the browser's devices or payment features: none may be used, by us or anything framed.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), bluetooth=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), " +
        "magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=(), xr-spatial-tracking=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var csp = Csp(SingleSignOnSetup.ProviderOrigin(app.ApplicationServices.GetRequiredService<SingleSignOn>()));
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var h = context.Response.Headers;
                h.ContentSecurityPolicy = csp;
                h.XContentTypeOptions = "nosniff";
                h["Referrer-Policy"] = "same-origin";
                h["Permissions-Policy"] = PermissionsPolicy;
                h.XFrameOptions = "DENY";
                // Register pages hold financially sensitive records: never cache them. The public page and the OCDS
                // feed publish only what anyone may read, and say so themselves (PublicSetup.MarkCacheable).
                if (PublicSetup.IsCacheable(context))
                    h.CacheControl = PublicSetup.CacheControl;
                else if (!context.Request.Path.StartsWithSegments("/lib") && !context.Request.Path.StartsWithSegments("/css")
                    && !context.Request.Path.StartsWithSegments("/js"))
                    h.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
