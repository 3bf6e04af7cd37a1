using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Infrastructure.Documents;

/// <summary><c>Documents:MaxMegabytes</c>: the largest file that may be attached (default 25).</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";
    /// <summary>A database row per 256 KB is fine for files of this size; far larger files belong in a document system.</summary>
    public const int Ceiling = 1024;

    public int MaxMegabytes { get; set; } = 25;

    public long MaxBytes => MaxMegabytes * 1024L * 1024L;

    /// <summary>
    /// How large an upload request may be: room for a file up to twice the limit (plus the form around it), so a file
    /// somewhat over the limit reaches the page and gets its own message instead of the server's refusal (413).
    /// </summary>
    public long MaxRequestBytes => 2 * MaxBytes + 1024L * 1024L;
}

public static class DocumentsSetup
{
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentOptions>().Bind(configuration.GetSection(DocumentOptions.Section))
            .Validate(o => o.MaxMegabytes is >= 1 and <= DocumentOptions.Ceiling,
                $"Documents:MaxMegabytes must be a whole number of megabytes from 1 to {DocumentOptions.Ceiling}.")
            .ValidateOnStart();
        services.AddScoped<DocumentStore>();
        services.AddScoped<IDocumentStore>(s => s.GetRequiredService<DocumentStore>());
        return services;
    }
}
