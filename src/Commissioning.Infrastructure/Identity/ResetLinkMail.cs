using System.Net;
using Commissioning.Infrastructure.KeyDates;
using Microsoft.Extensions.Options;
using MimeKit;

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
    /// <exception cref="MailNotSentException">The relay refused the message or could not be reached.</exception>
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
        MimeMessage message;
        try
        {
            message = PlainAndHtmlMail.Create(smtp.Value.From!, new MailboxAddress(user.DisplayName, user.Email!), Subject, text, html);
        }
        catch (ParseException error)
        {
            throw new MailNotSentException($"The e-mail address of user {user.Id} cannot be written in a message: {error.Message}", error);
        }
        using (message) await transport.SendAsync(message, ct);
    }
}
