using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Infrastructure.Import;

public static class ImportSetup
{
    /// <summary>The spreadsheet import's services, one per request (each works through the request's database context).</summary>
    public static IServiceCollection AddSpreadsheetImport(this IServiceCollection services)
    {
        services.AddScoped<ImportPlanner>();
        services.AddScoped<ImportCommitter>();
        services.AddScoped<ImportUploads>();
        services.AddScoped<SavedMappings>();
        return services;
    }
}
