using Commissioning.Domain.Common;
using Commissioning.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commissioning.Infrastructure.KeyDates;

/// <summary>
/// When the day's digest is due: once a UK day, from <c>Digest:SendAtHour</c>. Each instance keeps the last day
/// it handled in memory, only to save a database visit a minute; which instance sends is settled in the database
/// (<see cref="DigestClaim"/>). An application started after the hour treats that day as handled, so a restart or
/// redeploy in the afternoon never mails everyone twice (the cost: a day starting late gets no digest).
/// </summary>
public static class DigestSchedule
{
    public static DateTime UkTime(DateTimeOffset utcNow) => TimeZoneInfo.ConvertTime(utcNow, Dates.UkZone).DateTime;

    /// <summary>The last day counted as sent when the application starts at <paramref name="utcNow"/>.</summary>
    public static DateOnly InitialLastSent(DateTimeOffset utcNow, int sendAtHour)
    {
        var local = UkTime(utcNow);
        var today = DateOnly.FromDateTime(local);
        return local.Hour >= sendAtHour ? today : today.AddDays(-1);
    }

    /// <summary>The day to send for now, or null when today's has gone or its hour has not come.</summary>
    public static DateOnly? Due(DateTimeOffset utcNow, DateOnly lastSent, int sendAtHour)
    {
        var local = UkTime(utcNow);
        var today = DateOnly.FromDateTime(local);
        return today > lastSent && local.Hour >= sendAtHour ? today : null;
    }
}

/// <summary>Checks every minute (on the injected TimeProvider) whether the day's digest is due, and sends it.</summary>
public sealed class DigestService(IServiceScopeFactory scopes, TimeProvider time, IOptions<SmtpOptions> smtp, IOptions<DigestOptions> options,
    ILogger<DigestService> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!smtp.Value.IsConfigured)
        {
            log.LogInformation("Key dates digest: no e-mail will be sent, Smtp:Host is not configured");
            return;
        }
        var hour = Math.Clamp(options.Value.SendAtHour, 0, 23);
        var lastSent = DigestSchedule.InitialLastSent(time.GetUtcNow(), hour);
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            if (DigestSchedule.Due(time.GetUtcNow(), lastSent, hour) is not { } day) continue;
            // Marked sent before sending: a failure is logged, not retried every minute into duplicate mail.
            lastSent = day;
            try
            {
                await SendDayAsync(day, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Key dates digest for {Day} failed", day);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// What the timer does when the day is due (tests call it directly): claims the day in the database, then sends.
    /// Returns how many e-mails went out, or null when another instance had already claimed the day.
    /// </summary>
    public async Task<int?> SendDayAsync(DateOnly day, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissioningDbContext>();
        if (!await DigestClaim.TryClaimAsync(db, day, time.GetUtcNow().UtcDateTime, ct))
        {
            log.LogInformation("Key dates digest for {Day}: another instance has sent it", day);
            return null;
        }
        return await scope.ServiceProvider.GetRequiredService<DigestSender>().SendAsync(day, ct);
    }
}
