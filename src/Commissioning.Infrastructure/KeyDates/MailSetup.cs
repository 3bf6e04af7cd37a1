using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Commissioning.Infrastructure.KeyDates;

public static class MailSetup
{
    /// <summary>The "Smtp" settings, checked at start, and the MailKit transport with its OAuth token cache.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SmtpOAuthTokens.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<SmtpOAuthTokens>();
        services.AddSingleton<IMailTransport, SmtpMailTransport>();
        return services;
    }
}
