using System.Net;
using System.Net.Mail;

namespace Commissioning.Infrastructure.KeyDates;

/// <summary>The "Smtp" settings. Nothing is sent unless <see cref="Host"/> is set.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? From { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>STARTTLS; on by default, off only for a relay on the same machine or a test sink.</summary>
    public bool EnableSsl { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
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
    Task SendAsync(MailMessage message, CancellationToken ct);
}

/// <summary>
/// System.Net.Mail's client: enough for plain SMTP with STARTTLS and a user name. (MailKit restores from
/// the mirror too, but needs a central package version; see docs/notes/dash.md.)
/// </summary>
public sealed class SmtpMailTransport(Microsoft.Extensions.Options.IOptions<SmtpOptions> options) : IMailTransport
{
    public async Task SendAsync(MailMessage message, CancellationToken ct)
    {
        var o = options.Value;
        using var client = new SmtpClient(o.Host, o.Port)
        {
            EnableSsl = o.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = 30_000,
        };
        if (!string.IsNullOrEmpty(o.UserName))
            client.Credentials = new NetworkCredential(o.UserName, o.Password);
        await client.SendMailAsync(message, ct);
    }
}
