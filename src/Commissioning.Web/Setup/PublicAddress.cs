using Commissioning.Infrastructure.KeyDates;

namespace Commissioning.Web.Setup;

/// <summary>
/// The register's public address, <c>App:BaseUrl</c> (decision 0020): what people type, in front of the proxy. Every
/// absolute address the app hands out is built on it (calendar feeds, reset links, the digest), and calendar UIDs
/// carry its host, so an event is the same event whichever name the request came in by. Required outside
/// Development: behind a proxy the request's own scheme and host are the proxy's view, not the public one.
/// </summary>
public static class PublicAddress
{
    public const string Setting = DigestSender.BaseUrlSetting;

    /// <summary>Stops start-up with a message naming the setting when it is missing (outside Development) or not an
    /// absolute http(s) address.</summary>
    public static IServiceCollection AddPublicAddress(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ProductionSettings.Check(configuration, environment);
        Configured(configuration);
        return services;
    }

    /// <summary>App:BaseUrl, checked; null when not set.</summary>
    public static Uri? Configured(IConfiguration configuration)
    {
        var value = configuration[Setting]?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            throw new InvalidOperationException(
                $"{Setting} is \"{value}\": it must be an absolute http(s) address with no query, for example https://register.council.gov.uk.");
        return uri;
    }

    /// <summary>The address links start with, without a final slash: App:BaseUrl, or in Development with none set,
    /// this request's own.</summary>
    public static string Root(HttpRequest request, IConfiguration configuration) =>
        Configured(configuration) is { } configured
            ? configured.AbsoluteUri.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
