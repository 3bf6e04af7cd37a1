using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Commissioning.Web.Tests.Mail;

/// <summary>
/// Microsoft's token endpoint as far as the client-credentials grant goes, on 127.0.0.1: POST
/// /{tenant}/oauth2/v2.0/token answers a new access token for the expected client, and invalid_client
/// (as Entra ID does) for anything else.
/// </summary>
public sealed class FakeTokenEndpoint : IAsyncDisposable
{
    public const string Tenant = "council-tenant-id";
    public const string ClientId = "register-app-id";
    public const string ClientSecret = "register-app-secret";

    private readonly WebApplication _app;

    private FakeTokenEndpoint(WebApplication app) => _app = app;

    /// <summary>Every token request as it came: the tenant in the path, and the form.</summary>
    public ConcurrentQueue<(string Tenant, Dictionary<string, string> Form)> Requests { get; } = new();

    /// <summary>The tokens given out, in order.</summary>
    public ConcurrentQueue<string> Issued { get; } = new();

    public string Authority => _app.Urls.Single();

    public int ExpiresInSeconds { get; set; } = 3599;

    public static async Task<FakeTokenEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoint = new FakeTokenEndpoint(app);
        app.MapPost("/{tenant}/oauth2/v2.0/token", endpoint.Answer);
        await app.StartAsync();
        return endpoint;
    }

    private async Task<IResult> Answer(string tenant, HttpRequest request)
    {
        var form = (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
        Requests.Enqueue((tenant, form));
        if (tenant != Tenant || form.GetValueOrDefault("client_id") != ClientId || form.GetValueOrDefault("client_secret") != ClientSecret
            || form.GetValueOrDefault("grant_type") != "client_credentials")
        {
            return Results.Json(new Dictionary<string, string>
            {
                ["error"] = "invalid_client",
                ["error_description"] = "AADSTS7000215: Invalid client secret provided. Trace ID: 0000",
            }, statusCode: 401);
        }
        var token = $"token-{Issued.Count + 1}-{Guid.NewGuid():N}";
        Issued.Enqueue(token);
        return Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = ExpiresInSeconds,
            ["ext_expires_in"] = ExpiresInSeconds,
            ["access_token"] = token,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
