using Commissioning.Domain.Lifecycle;
using Commissioning.Infrastructure.Publishing.Notices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Infrastructure.KeyDates;

public static class KeyDatesSetup
{
    /// <summary>The key dates settings, the calendar feed tokens and the daily digest (sent only when Smtp:Host is set).</summary>
    public static IServiceCollection AddKeyDates(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KeyDatesOptions>().Bind(configuration.GetSection(KeyDatesOptions.Section))
            .Validate(o => o.Validate() is null, new LeadTimeMustBeInRangeRule(-1).Message.Replace("An internal", "KeyDates:LeadTimeMonths: an internal", StringComparison.Ordinal))
            .ValidateOnStart();
        services.AddMail(configuration);
        // The digest and the key dates page list overdue Procurement Act notices, by these settings.
        services.AddProcurementActNotices(configuration);
        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.Section))
            .Validate(o => o.SendAtHour is >= 0 and <= 23, "Digest:SendAtHour must be an hour from 0 to 23.")
            .ValidateOnStart();
        services.AddScoped<CalendarTokens>();
        services.AddScoped<DigestSender>();
        services.AddHostedService<DigestService>();
        return services;
    }
}
