using Microsoft.Extensions.Options;
using MimeKit;

namespace Commissioning.Infrastructure.KeyDates;

/// <summary>
/// Refuses, at start, settings that could only fail when the first mail is due (or send a password in clear),
/// naming the setting. Nothing is checked while Smtp:Host is empty: then nothing is sent.
/// </summary>
public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions o)
    {
        if (!o.IsConfigured) return ValidateOptionsResult.Success;
        var problems = Problems(o).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool Set(string? value) => !string.IsNullOrWhiteSpace(value);

    private static IEnumerable<string> Problems(SmtpOptions o)
    {
        if (o.Port is < 1 or > 65535)
            yield return $"Smtp:Port must be from 1 to 65535 (it is {o.Port}).";
        if (Set(o.From) && !(MailboxAddress.TryParse(o.From, out var from) && from.Address.Contains('@', StringComparison.Ordinal)))
            yield return $"Smtp:From is not an e-mail address: \"{o.From}\" (write register@council.gov.uk or \"Commissioning register <register@council.gov.uk>\").";
        if (Set(o.Password) && !Set(o.UserName))
            yield return "Smtp:Password is set but Smtp:UserName is not.";
        var oauth = o.OAuth;
        if (oauth.IsSet)
        {
            var missing = new[] { ("TenantId", oauth.TenantId), ("ClientId", oauth.ClientId), ("ClientSecret", oauth.ClientSecret) }
                .Where(s => !Set(s.Item2)).Select(s => "Smtp:OAuth:" + s.Item1).ToList();
            if (missing.Count > 0)
                yield return $"Smtp:OAuth needs Smtp:OAuth:TenantId, Smtp:OAuth:ClientId and Smtp:OAuth:ClientSecret: missing {string.Join(", ", missing)}.";
            if (o.OAuthUser is null)
                yield return "Smtp:OAuth needs Smtp:UserName (or Smtp:From): the mailbox the token signs in as.";
            if (Set(o.Password))
                yield return "Set Smtp:Password or Smtp:OAuth, not both: with OAuth the relay gets a token, never a password.";
            if (!IsSafeAuthority(oauth.Authority))
                yield return $"Smtp:OAuth:Authority must be an https address (it is \"{oauth.Authority}\"): the client secret is sent there.";
        }
        if (!o.EnableSsl && (Set(o.Password) || oauth.IsSet))
            yield return "Smtp:EnableSsl is false but Smtp:Password or Smtp:OAuth is set: the password or token would cross the network in clear. Turn Smtp:EnableSsl on.";
    }

    /// <summary>https, or http to this machine only (a test's fake endpoint).</summary>
    private static bool IsSafeAuthority(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
