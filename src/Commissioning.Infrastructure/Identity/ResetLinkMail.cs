using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Commissioning.Infrastructure.KeyDates;
using Microsoft.Extensions.Options;

namespace Commissioning.Infrastructure.Identity;

/// <summary>
/// E-mails a password reset link to the person it is for, through the same SMTP settings and transport as the
/// key dates digest. Sent only when <c>Smtp:Host</c> and <c>Smtp:From</c> are both set.
/// </summary>
public sealed class ResetLinkMail(IMailTransport transport, IOptions<SmtpOptions> smtp)
{
    public const string Subject = "Set a new password for the commissioning register";

    public bool CanSend => smtp.Value.IsConfigured && !string.IsNullOrWhiteSpace(smtp.Value.From);

    /// <summary>Sends the link; <paramref name="expires"/> is when it stops working, written for people.</summary>
    /// <exception cref="SmtpException">The relay refused the message or could not be reached.</exception>
    public async Task SendAsync(ApplicationUser user, string link, string expires, CancellationToken ct)
    {
        var text = $"""
            Dear {user.DisplayName},

            An administrator of the commissioning register has sent you a link to set a new password:

            {link}

            The link works once, until {expires}. If it has expired or been used, ask an administrator for a new one.

            If you did not expect this email, tell an administrator. Nobody will ever ask you for your password.
            """;
        var e = (string s) => WebUtility.HtmlEncode(s);
        var html = $"""
            <p>Dear {e(user.DisplayName)},</p>
            <p>An administrator of the commissioning register has sent you a link to set a new password:</p>
            <p><a href="{e(link)}">Set a new password</a></p>
            <p>The link works once, until {e(expires)}. If it has expired or been used, ask an administrator for a new one.</p>
            <p>If you did not expect this email, tell an administrator. Nobody will ever ask you for your password.</p>
            """;
        using var message = new MailMessage
        {
            From = new MailAddress(smtp.Value.From!),
            Subject = Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        message.To.Add(new MailAddress(user.Email!, user.DisplayName));
        // Plain text first, HTML last: mail programs show the last part they can.
        foreach (var (body, type) in new[] { (text, MediaTypeNames.Text.Plain), (html, MediaTypeNames.Text.Html) })
        {
            var view = AlternateView.CreateAlternateViewFromString(body, Encoding.UTF8, type);
            view.TransferEncoding = TransferEncoding.Base64;
            message.AlternateViews.Add(view);
        }
        await transport.SendAsync(message, ct);
    }
}
