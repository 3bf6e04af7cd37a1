using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commissioning.Infrastructure.Pdf;

public static class PdfServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPdfRenderer"/> as one Chromium per process. Register a <see cref="PdfAssetFetcher"/>
    /// singleton as well to let printed pages load the app's style sheets and images.
    /// </summary>
    public static IServiceCollection AddPdf(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PdfOptions>()
            .Bind(configuration.GetSection(PdfOptions.Section))
            .Validate(o => o.TimeoutSeconds > 0, "Pdf:TimeoutSeconds must be more than zero.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new ChromiumPdfRenderer(
            sp.GetRequiredService<IOptions<PdfOptions>>().Value,
            sp.GetRequiredService<ILogger<ChromiumPdfRenderer>>(),
            sp.GetService<PdfAssetFetcher>()));
        services.TryAddSingleton<IPdfRenderer>(sp => sp.GetRequiredService<ChromiumPdfRenderer>());
        return services;
    }
}
