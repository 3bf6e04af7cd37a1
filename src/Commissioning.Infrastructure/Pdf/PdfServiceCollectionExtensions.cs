using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commissioning.Infrastructure.Pdf;

public static class PdfServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPdfRenderer"/> as one Chromium per process, with a small pool of warm pages. Register a <see cref="PdfAssetFetcher"/>
    /// singleton as well to let printed pages load the app's style sheets and images.
    /// </summary>
    public static IServiceCollection AddPdf(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PdfOptions>()
            .Bind(configuration.GetSection(PdfOptions.Section))
            .Validate(o => o.TimeoutSeconds > 0, "Pdf:TimeoutSeconds must be more than zero.")
            .Validate(o => o.Pages >= 1, "Pdf:Pages must be at least 1.")
            .Validate(o => o.IdleMinutes >= 0, "Pdf:IdleMinutes must be 0 (never shut Chromium down) or more.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new ChromiumPdfRenderer(
            sp.GetRequiredService<IOptions<PdfOptions>>().Value,
            sp.GetRequiredService<ILogger<ChromiumPdfRenderer>>(),
            sp.GetService<PdfAssetFetcher>(),
            sp.GetService<TimeProvider>()));
        services.TryAddSingleton<IPdfRenderer>(sp => sp.GetRequiredService<ChromiumPdfRenderer>());
        return services;
    }

    /// <summary>
    /// Starts Chromium without waiting for it (<see cref="PdfOptions.StartWithApp"/>), so that it starts while the
    /// database does rather than after (issue 15: start-up under 3 s). A failure is logged and left to the readiness
    /// check and the first PDF, which try again and say what is wrong.
    /// </summary>
    public static void StartPdfInBackground(this IServiceProvider services, IConfiguration configuration)
    {
        if (!configuration.GetValue($"{PdfOptions.Section}:{nameof(PdfOptions.StartWithApp)}", true)) return;
        var logger = services.GetRequiredService<ILogger<ChromiumPdfRenderer>>();
        _ = Task.Run(async () =>
        {
            try
            {
                await services.GetRequiredService<ChromiumPdfRenderer>().CheckAsync();
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Chromium did not start with the app; the readiness check and the first PDF will try again.");
            }
        });
    }
}
