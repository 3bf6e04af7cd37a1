using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commissioning.Infrastructure.KeyDates;

/// <summary>
/// Access tokens for SMTP AUTH XOAUTH2 from Microsoft Entra ID, by the client-credentials grant (the app's own
/// identity; no person signs in). A token is kept until five minutes before it expires (half its life, if shorter),
/// so a digest run and the reset links of the hour share one. In memory: each instance fetches its own.
/// </summary>
public sealed class SmtpOAuthTokens(IHttpClientFactory http, IOptions<SmtpOptions> options, TimeProvider time, ILogger<SmtpOAuthTokens> log)
{
    public const string HttpClientName = "Smtp:OAuth";
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    /// <exception cref="MailNotSentException">The endpoint could not be reached or gave no token.</exception>
    public async Task<string> GetAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_token is not null && time.GetUtcNow() < _renewAt) return _token;
            var (token, lifetime) = await FetchAsync(ct);
            _token = token;
            _renewAt = time.GetUtcNow() + lifetime - (lifetime / 2 < Margin ? lifetime / 2 : Margin);
            log.LogInformation("SMTP OAuth token fetched for client {ClientId}, valid for {Minutes} minutes", options.Value.OAuth.ClientId, (int)lifetime.TotalMinutes);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(string Token, TimeSpan Lifetime)> FetchAsync(CancellationToken ct)
    {
        var o = options.Value.OAuth;
        var endpoint = o.TokenEndpoint;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = o.ClientId ?? "",
            ["client_secret"] = o.ClientSecret ?? "",
            ["scope"] = SmtpOAuthOptions.Scope,
        });
        string body;
        System.Net.HttpStatusCode status;
        try
        {
            using var response = await http.CreateClient(HttpClientName).PostAsync(endpoint, form, ct);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync(ct);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw new MailNotSentException($"No token for Smtp:OAuth: {endpoint} could not be reached ({e.Message}).", e);
        }
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if ((int)status is >= 200 and < 300
                && root.TryGetProperty("access_token", out var token) && token.GetString() is { Length: > 0 } value)
                return (value, TimeSpan.FromSeconds(Seconds(root)));
            // Entra ID's answer: error (invalid_client, unauthorized_client...) and a description with an AADSTS code.
            var error = root.TryGetProperty("error", out var e) ? e.GetString() : null;
            var description = root.TryGetProperty("error_description", out var d) ? d.GetString()?.Split('\n')[0].Trim() : null;
            throw new MailNotSentException($"No token for Smtp:OAuth: {endpoint} answered {(int)status} {error ?? "without a token"}{(description is null ? "" : ": " + description)}. Check Smtp:OAuth:TenantId, Smtp:OAuth:ClientId and Smtp:OAuth:ClientSecret.");
        }
        catch (JsonException e)
        {
            throw new MailNotSentException($"No token for Smtp:OAuth: {endpoint} answered {(int)status} with something other than JSON.", e);
        }
    }

    /// <summary>expires_in is a number of seconds (a string in some older answers); an hour when missing.</summary>
    private static double Seconds(JsonElement root) =>
        !root.TryGetProperty("expires_in", out var v) ? 3600
        : v.ValueKind == JsonValueKind.Number ? v.GetDouble()
        : double.TryParse(v.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 3600;
}
