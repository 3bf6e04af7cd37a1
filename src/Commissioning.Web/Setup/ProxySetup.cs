using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Commissioning.Web.Setup;

/// <summary>
/// Which proxies the app believes about the client's address, the scheme and the host (decision 0020). TLS ends at
/// the council's proxy, which speaks http to the app and says in X-Forwarded-For / -Proto / -Host who asked and how.
/// Only the proxies named in <c>Proxy:KnownProxies</c> (addresses) and <c>Proxy:KnownNetworks</c> (CIDR ranges) are
/// believed; with neither set, only the app's own machine (loopback) is, as ASP.NET Core does by default. From
/// anyone else the headers are ignored, so nobody can pick the address the sign-in rate limit and throttle count.
/// </summary>
public static class ProxySetup
{
    public const string KnownProxiesSetting = "Proxy:KnownProxies";
    public const string KnownNetworksSetting = "Proxy:KnownNetworks";

    public static IServiceCollection AddProxyTrust(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = List(configuration, KnownProxiesSetting).Select(Address).ToList();
        var networks = List(configuration, KnownNetworksSetting).Select(Network).ToList();
        var publicHost = PublicAddress.Configured(configuration)?.Host;
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // A chain of known proxies (firewall, then load balancer) is walked back to the first address that is not
            // one of them: that is the client. An unknown address ends the walk, so a client's own made-up
            // X-Forwarded-For entries, which sit further left, are never reached.
            o.ForwardLimit = null;
            // The host a proxy passes on is taken only when it is the register's public name (App:BaseUrl), so a
            // proxy that forwards whatever it was sent cannot give the app another name.
            if (publicHost is not null) o.AllowedHosts = [publicHost];
            if (proxies.Count == 0 && networks.Count == 0) return;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        return services;
    }

    /// <summary>
    /// Forwarded headers applied first, before anything reads the address or the scheme. A request that carries
    /// them from an address that is not a known proxy is logged once: when the proxy itself is missing from the
    /// settings, every request looks like plain http from the proxy, and this says why.
    /// </summary>
    public static IApplicationBuilder UseProxyHeaders(this IApplicationBuilder app)
    {
        app.UseForwardedHeaders();
        var warned = 0;
        var log = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProxySetup));
        return app.Use((context, next) =>
        {
            var headers = context.Request.Headers;
            // The middleware keeps what it replaced under X-Original-*: their absence means nothing was believed.
            if (warned == 0 && (headers.ContainsKey("X-Forwarded-For") || headers.ContainsKey("X-Forwarded-Proto"))
                && !headers.ContainsKey("X-Original-For") && !headers.ContainsKey("X-Original-Proto")
                && Interlocked.Exchange(ref warned, 1) == 0)
                log.LogWarning("Forwarded headers from {Address} were ignored: it is not in {Proxies} or {Networks}. If it is the council's proxy, add it there (logged once)",
                    context.Connection.RemoteIpAddress, KnownProxiesSetting, KnownNetworksSetting);
            return next(context);
        });
    }

    /// <summary>A list in configuration: an array (<c>Proxy:KnownProxies:0</c>, JSON) or one value with commas
    /// (<c>Proxy__KnownProxies=10.0.0.5,10.0.0.6</c>, an environment variable).</summary>
    private static IEnumerable<(string Setting, string Value)> List(IConfiguration configuration, string setting)
    {
        var section = configuration.GetSection(setting);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => (setting, v));
    }

    private static IPAddress Address((string Setting, string Value) entry) =>
        IPAddress.TryParse(entry.Value, out var address)
            ? address
            : throw new InvalidOperationException($"{entry.Setting}: \"{entry.Value}\" is not an IP address (for example 10.0.0.5). Put ranges in {KnownNetworksSetting}.");

    private static System.Net.IPNetwork Network((string Setting, string Value) entry) =>
        System.Net.IPNetwork.TryParse(entry.Value, out var network)
            ? network
            : throw new InvalidOperationException($"{entry.Setting}: \"{entry.Value}\" is not a network in CIDR form (for example 10.0.0.0/24).");
}
