using MailKit.Security;
using MimeKit;

namespace Commissioning.Infrastructure.KeyDates;

/// <summary>The "Smtp" settings. Nothing is sent unless <see cref="Host"/> is set. Checked at start by <see cref="SmtpOptionsValidator"/>.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? From { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>TLS, required: STARTTLS, or TLS from the first byte on port 465. Off only for a relay on the same machine or a test sink.</summary>
    public bool EnableSsl { get; set; } = true;
    /// <summary>Microsoft 365: sign in with an OAuth2 token (client credentials) instead of a password.</summary>
    public SmtpOAuthOptions OAuth { get; set; } = new();

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>
    /// Port 465 speaks TLS from the first byte (RFC 8314); any other port starts in clear and must upgrade with
    /// STARTTLS, or nothing is sent. Never "STARTTLS when available": a relay that stops offering it must not
    /// silently get mail in clear.
    /// </summary>
    public SecureSocketOptions Security =>
        !EnableSsl ? SecureSocketOptions.None : Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;

    /// <summary>The mailbox that signs in with a token: <see cref="UserName"/>, else the address of <see cref="From"/>.</summary>
    public string? OAuthUser =>
        !string.IsNullOrWhiteSpace(UserName) ? UserName
        : MailboxAddress.TryParse(From ?? "", out var from) ? from.Address : null;
}

/// <summary>The "Smtp:OAuth" settings: an app registered in the council's Microsoft Entra ID, allowed to send as the mailbox.</summary>
public sealed class SmtpOAuthOptions
{
    public const string Scope = "https://outlook.office365.com/.default";

    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>Where tokens come from; another address only for a national cloud or a test's fake endpoint.</summary>
    public string Authority { get; set; } = "https://login.microsoftonline.com";

    /// <summary>Any of the three is set (the validator insists on all three).</summary>
    public bool IsSet => new[] { TenantId, ClientId, ClientSecret }.Any(v => !string.IsNullOrWhiteSpace(v));

    public Uri TokenEndpoint => new($"{Authority.TrimEnd('/')}/{Uri.EscapeDataString(TenantId ?? "")}/oauth2/v2.0/token");
}

/// <summary>The "Digest" settings.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    /// <summary>The hour of the day (UK time, 0–23) after which the day's digest goes out.</summary>
    public int SendAtHour { get; set; } = 7;
}

/// <summary>Sends one message. The SMTP one is the only real one; tests talk to a local sink through it.</summary>
public interface IMailTransport
{
    /// <exception cref="MailNotSentException">The message did not go; the exception says why.</exception>
    Task SendAsync(MimeMessage message, CancellationToken ct);
}
