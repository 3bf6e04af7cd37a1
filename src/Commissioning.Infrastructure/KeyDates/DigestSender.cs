using Commissioning.Infrastructure.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Commissioning.Infrastructure.KeyDates;

/// <summary>
/// Sends each user the key dates of their own contracts (those naming them as responsible commissioner).
/// Users with nothing to report get no mail. Callable directly, so tests need not wait for the timer.
/// </summary>
public sealed class DigestSender(
    CommissioningDbContext db,
    IMailTransport transport,
    IOptions<SmtpOptions> smtp,
    IOptions<KeyDatesOptions> keyDates,
    IOptions<Publishing.Notices.ProcurementActOptions> procurementAct,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<DigestSender> log)
{
    public const string BaseUrlSetting = "App:BaseUrl";

    /// <summary>Sends the digest for <paramref name="today"/> and returns how many e-mails went out.</summary>
    public async Task<int> SendAsync(DateOnly today, CancellationToken ct = default)
    {
        var o = smtp.Value;
        if (!o.IsConfigured)
        {
            log.LogInformation("Key dates digest for {Day}: not sent, Smtp:Host is not configured", today);
            return 0;
        }
        var baseUrl = configuration[BaseUrlSetting];
        if (string.IsNullOrWhiteSpace(baseUrl) || !Uri.TryCreate(baseUrl, UriKind.Absolute, out _))
        {
            log.LogWarning("Key dates digest for {Day}: not sent, {Setting} must be the register's absolute address for the links", today, BaseUrlSetting);
            return 0;
        }
        if (string.IsNullOrWhiteSpace(o.From))
        {
            log.LogWarning("Key dates digest for {Day}: not sent, Smtp:From is not configured", today);
            return 0;
        }

        var now = time.GetUtcNow();
        var users = await db.Users.AsNoTracking()
            .Where(u => u.Email != null && u.Email != "" && u.DisplayName != "")
            .OrderBy(u => u.Email)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var user in users.Where(u => !(u.LockoutEnd > now)))
        {
            var scope = await KeyDatesScope.ForCommissionerAsync(db, user.Id, ct);
            if (!scope.HasContracts) continue;
            var report = await KeyDatesQuery.LoadAsync(db, today, scope, keyDates.Value.LeadTimeMonths, ct, notices: procurementAct.Value.ToSettings());
            if (report.IsEmpty) continue;

            var digest = DigestComposer.Compose(report, user.DisplayName, baseUrl);
            try
            {
                using var message = PlainAndHtmlMail.Create(o.From, new MailboxAddress(user.DisplayName, user.Email!), digest.Subject, digest.Text, digest.Html);
                await transport.SendAsync(message, ct);
                sent++;
            }
            catch (Exception e) when (e is MailNotSentException or ParseException)
            {
                // One refused recipient (or an address MimeKit cannot write) must not stop the others.
                log.LogError(e, "Key dates digest for {Day}: sending to user {UserId} failed", today, user.Id);
            }
        }
        log.LogInformation("Key dates digest for {Day}: {Count} e-mail(s) sent", today, sent);
        return sent;
    }
}
