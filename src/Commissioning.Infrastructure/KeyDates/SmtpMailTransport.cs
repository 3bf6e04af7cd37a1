using System.Net;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Commissioning.Infrastructure.KeyDates;

/// <summary>
/// MailKit's SMTP client (decision 0024): TLS required when Smtp:EnableSsl is on, the relay's certificate checked
/// against the machine's trust store, and sign-in with a password or an OAuth2 token (Microsoft 365).
/// One connection per message: the digest is a few dozen mails a day, and one refusal cannot spoil the next.
/// </summary>
public sealed class SmtpMailTransport(
    IOptions<SmtpOptions> options,
    SmtpOAuthTokens tokens,
    ILogger<SmtpMailTransport> log,
    TrustedRelayCertificate? trusted = null) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        using var client = await ConnectAsync(ct);
        try
        {
            await client.SendAsync(message, ct);
        }
        catch (SmtpCommandException e)
        {
            var what = e.ErrorCode switch
            {
                SmtpErrorCode.RecipientNotAccepted => $"the recipient {e.Mailbox?.Address}",
                SmtpErrorCode.SenderNotAccepted => $"the sender {e.Mailbox?.Address} (check Smtp:From)",
                _ => "the message",
            };
            throw new MailNotSentException($"{Relay} refused {what}: {(int)e.StatusCode} {e.Message}", e);
        }
        catch (Exception e) when (e is SmtpProtocolException or IOException or ServiceNotConnectedException)
        {
            throw new MailNotSentException($"{Relay} dropped the connection while sending: {e.Message}", e);
        }
        try
        {
            await client.DisconnectAsync(true, ct);
        }
        catch (Exception e) when (e is SmtpProtocolException or IOException or SmtpCommandException)
        {
            // The relay took the message; a goodbye that goes wrong loses nothing.
            log.LogDebug(e, "{Relay}: QUIT failed after the message was accepted", Relay);
        }
    }

    private string Relay => $"The mail relay {options.Value.Host}:{options.Value.Port}";

    /// <summary>
    /// A client connected (with TLS as Smtp:EnableSsl says) and signed in (with Smtp:UserName/Password or
    /// Smtp:OAuth); the caller disposes it. Also what a reachability check would use.
    /// </summary>
    /// <exception cref="MailNotSentException">Why it could not connect, encrypt or sign in.</exception>
    public async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        var o = options.Value;
        // The token first: when Entra ID refuses, the relay is not bothered.
        var token = o.OAuth.IsSet ? await tokens.GetAsync(ct) : null;
        var client = new SmtpClient { Timeout = 30_000 };
        // Null keeps MailKit's own check (the machine's trust store and the host name).
        if (trusted is not null) client.ServerCertificateValidationCallback = trusted.Check;
        try
        {
            await ConnectAsync(client, o, ct);
            await SignInAsync(client, o, token, ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private async Task ConnectAsync(SmtpClient client, SmtpOptions o, CancellationToken ct)
    {
        try
        {
            await client.ConnectAsync(o.Host!, o.Port, o.Security, ct);
        }
        catch (NotSupportedException e) when (o.Security == SecureSocketOptions.StartTls)
        {
            throw new MailNotSentException($"{Relay} does not offer STARTTLS, and Smtp:EnableSsl is true: nothing was sent rather than send it in clear.", e);
        }
        catch (SslHandshakeException e)
        {
            throw new MailNotSentException($"{Relay}: the TLS handshake failed, so nothing was sent. {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or SmtpProtocolException or SmtpCommandException or TimeoutException)
        {
            throw new MailNotSentException($"{Relay} could not be reached: {e.Message}", e);
        }
    }

    private async Task SignInAsync(SmtpClient client, SmtpOptions o, string? token, CancellationToken ct)
    {
        var user = token is not null ? o.OAuthUser! : o.UserName;
        if (string.IsNullOrWhiteSpace(user)) return;
        try
        {
            if (token is not null)
                await client.AuthenticateAsync(new SaslMechanismOAuth2(user, token), ct);
            else
            {
                // A password never goes as a bearer token.
                client.AuthenticationMechanisms.Remove("XOAUTH2");
                client.AuthenticationMechanisms.Remove("OAUTHBEARER");
                await client.AuthenticateAsync(new NetworkCredential(user, o.Password), ct);
            }
        }
        catch (AuthenticationException e)
        {
            var how = token is not null ? "the Smtp:OAuth token (XOAUTH2)" : "Smtp:UserName and Smtp:Password";
            throw new MailNotSentException($"{Relay} refused to sign in {user} with {how}: {e.Message}", e);
        }
        catch (NotSupportedException e)
        {
            throw new MailNotSentException($"{Relay} offers no sign-in (AUTH) that fits, but Smtp:UserName or Smtp:OAuth is set: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException)
        {
            throw new MailNotSentException($"{Relay} failed while signing in {user}: {e.Message}", e);
        }
    }
}
