using System.Text;
using MimeKit;

namespace Commissioning.Infrastructure.KeyDates;

/// <summary>One message with a plain text and an HTML version of the same words (multipart/alternative), UTF-8 throughout.</summary>
public static class PlainAndHtmlMail
{
    public static MimeMessage Create(string from, MailboxAddress to, string subject, string text, string html)
    {
        var message = new MimeMessage { Subject = subject };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(to);
        // Plain text first, HTML last: mail programs show the last part they can.
        message.Body = new MultipartAlternative { Part("plain", text), Part("html", html) };
        return message;
    }

    // Base64 as before the move to MailKit: long HTML lines and any character pass every relay unchanged.
    private static TextPart Part(string subtype, string body)
    {
        var part = new TextPart(subtype) { ContentTransferEncoding = ContentEncoding.Base64 };
        part.SetText(Encoding.UTF8, body);
        return part;
    }
}
