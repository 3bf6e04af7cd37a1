using Commissioning.Infrastructure.KeyDates;
using Microsoft.Extensions.DependencyInjection;
using static Commissioning.Web.Tests.Pages.KeyDates.KeyDatesFixture;

namespace Commissioning.Web.Tests.Pages.KeyDates;

/// <summary>The daily digest, received by the local SMTP sink; and the once-a-day decision on a fake clock.</summary>
[Collection(KeyDatesCollection.Name)]
public sealed class DigestTests(KeyDatesFixture fixture)
{
    private async Task<int> SendAsync(DateOnly day)
    {
        await using var scope = fixture.Scope();
        return await scope.ServiceProvider.GetRequiredService<DigestSender>().SendAsync(day);
    }

    [Fact]
    public async Task Each_commissioner_gets_their_own_contracts_and_users_with_nothing_get_no_mail()
    {
        fixture.Sink.Clear();

        var sent = await SendAsync(Today);

        var received = fixture.Sink.Received;
        Assert.Equal(sent, received.Count);
        // Priya, and the demo commissioner (the generated contracts); not the secretary, finance officer,
        // viewer or administrator, whom no contract names, and not "Revoke Me".
        Assert.Equal([Support.CommissioningFactory.Commissioner, Email], received.Select(m => Assert.Single(m.Recipients)).Order(StringComparer.Ordinal));
        var mail = Assert.Single(received, m => m.Recipients.Contains(Email));
        Assert.Equal("register@council.test", mail.From);
        Assert.Equal("Key dates for 31 March 2027: 4 overdue", mail.Subject);
        Assert.Contains(DisplayName, mail.Header("To"));
        // Plain text and HTML of the same words, both UTF-8.
        Assert.StartsWith("multipart/alternative", mail.Header("Content-Type"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("charset=utf-8", mail.PartHeaders("text/plain"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("charset=utf-8", mail.PartHeaders("text/html"), StringComparison.OrdinalIgnoreCase);

        var text = mail.Text;
        Assert.StartsWith($"Dear {DisplayName},", text);
        Assert.Contains("Decisions to make (11)", text);
        Assert.Contains("- OVERDUE: KD-01 Key dates test KD-01: decide whether to serve notice or re-procure by 1 September 2026", text);
        Assert.Contains($"  {BaseUrl}/Contracts/Details/{fixture.Id("KD-01")}\r\n", text);
        Assert.Contains("Ending in the next 3 months (5)", text);
        Assert.Contains("KD-12 Key dates test KD-12: ends 30 April 2027 (terminated)", text);
        Assert.Contains("Ended with no renewal or termination recorded (1)", text);
        Assert.Contains("Decisions waiting for a governance step (1)", text);
        Assert.Contains("KD-02 Extend KD-02 by its option: next Test Board on 15 April 2027 (approve)", text);
        Assert.DoesNotContain("KD-16", text);
        // Matched by user, not by name: KD-20 spells Priya's name as text only.
        Assert.DoesNotContain("KD-20", text);
        Assert.Contains($"{BaseUrl}/\r\n", text);

        var html = mail.Html;
        Assert.Contains($"<a href=\"{BaseUrl}/Contracts/Details/{fixture.Id("KD-01")}\">", html);
        // Text is HTML-encoded: the awkward title's characters survive, nothing is injected.
        Assert.Contains("Home care, nights; weekends \\ holidays", html);
        Assert.Contains("<strong style=\"color: #d4351c;\">Overdue:</strong>", html);
        Assert.Contains($"<a href=\"{BaseUrl}/Governance/Decisions/", html);
    }

    [Fact]
    public async Task A_recipient_the_relay_refuses_does_not_stop_the_others()
    {
        fixture.Sink.Clear();
        fixture.Sink.Refuse(Email);
        try
        {
            var sent = await SendAsync(Today);

            Assert.Equal(1, sent);
            var mail = Assert.Single(fixture.Sink.Received);
            Assert.Equal([Support.CommissioningFactory.Commissioner], mail.Recipients);
        }
        finally
        {
            fixture.Sink.Accept(Email);
        }
    }

    [Fact]
    public async Task Nothing_is_sent_when_SMTP_is_not_configured()
    {
        await using var factory = Support.CommissioningFactory.With(("Smtp:Host", ""), ("App:BaseUrl", BaseUrl));
        await using var scope = factory.Services.CreateAsyncScope();
        fixture.Sink.Clear();

        var sent = await scope.ServiceProvider.GetRequiredService<DigestSender>().SendAsync(Today);

        Assert.Equal(0, sent);
        Assert.Empty(fixture.Sink.Received);
    }

    [Theory]
    // Winter: UK time is UTC. Summer: BST, an hour ahead, so 06:30 UTC is 07:30 in the UK.
    [InlineData("2027-01-15T06:59:00Z", "2027-01-14", null)]
    [InlineData("2027-01-15T07:00:00Z", "2027-01-14", "2027-01-15")]
    [InlineData("2027-01-15T23:59:00Z", "2027-01-14", "2027-01-15")]
    [InlineData("2027-01-15T08:00:00Z", "2027-01-15", null)]
    [InlineData("2027-07-15T05:59:00Z", "2027-07-14", null)]
    [InlineData("2027-07-15T06:30:00Z", "2027-07-14", "2027-07-15")]
    // 23:30 UTC on 15 July is 00:30 on 16 July in the UK: before the hour of the new day.
    [InlineData("2027-07-15T23:30:00Z", "2027-07-15", null)]
    // A day missed while the server was down is not sent late; only today's goes.
    [InlineData("2027-01-15T09:00:00Z", "2027-01-10", "2027-01-15")]
    public void The_digest_is_due_once_a_uk_day_from_the_hour(string utcNow, string lastSent, string? due) =>
        Assert.Equal(due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            DigestSchedule.Due(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture),
                DateOnly.Parse(lastSent, System.Globalization.CultureInfo.InvariantCulture), 7));

    [Fact]
    public void Minute_by_minute_over_three_days_the_digest_goes_once_a_day_and_not_again_after_a_late_start()
    {
        // Started at 10:00 on 1 March: that day counts as sent, so a restart never mails twice.
        var now = new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var lastSent = DigestSchedule.InitialLastSent(now, 7);
        var sends = new List<DateTimeOffset>();
        for (; now < new DateTimeOffset(2027, 3, 4, 0, 0, 0, TimeSpan.Zero); now += DigestService.Interval)
        {
            if (DigestSchedule.Due(now, lastSent, 7) is not { } day) continue;
            lastSent = day;
            sends.Add(now);
        }

        Assert.Equal([new DateTimeOffset(2027, 3, 2, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 3, 7, 0, 0, TimeSpan.Zero)], sends);
        // Started before the hour, the same day's digest still goes.
        Assert.Equal(new DateOnly(2027, 3, 1), DigestSchedule.InitialLastSent(new DateTimeOffset(2027, 3, 2, 6, 0, 0, TimeSpan.Zero), 7));
    }
}
