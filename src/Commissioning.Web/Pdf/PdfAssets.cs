using Commissioning.Infrastructure.Pdf;
using Microsoft.AspNetCore.StaticFiles;

namespace Commissioning.Web.Pdf;

/// <summary>
/// Serves the printed page's own style sheets and images straight from wwwroot, so Chromium never
/// opens a socket back to the app (which may sit behind a proxy, or be a test server with none).
/// </summary>
public static class PdfAssets
{
    public static IServiceCollection AddPdfAssets(this IServiceCollection services) =>
        services.AddSingleton<PdfAssetFetcher>(sp =>
        {
            var files = sp.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
            var types = new FileExtensionContentTypeProvider();
            return async (url, ct) =>
            {
                // Only the path counts: "?v=" version stamps are for browser caches.
                var path = Uri.UnescapeDataString(url.AbsolutePath);
                if (path.Contains("..", StringComparison.Ordinal)) return null;
                var file = files.GetFileInfo(path);
                if (!file.Exists || file.IsDirectory) return null;
                if (!types.TryGetContentType(file.Name, out var type)) type = "application/octet-stream";
                await using var stream = file.CreateReadStream();
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy, ct);
                return (copy.ToArray(), type);
            };
        });
}
