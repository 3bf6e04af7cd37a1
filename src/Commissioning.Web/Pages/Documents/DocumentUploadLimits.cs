using Commissioning.Infrastructure.Documents;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Commissioning.Web.Pages.Documents;

/// <summary>
/// The upload page's request limits, from <c>Documents:MaxMegabytes</c> (<see cref="DocumentOptions.MaxRequestBytes"/>)
/// rather than fixed in an attribute: a file somewhat over the limit reaches the page and is refused with a message
/// next to the field, not with the server's 413. It reads the form itself, before the antiforgery check would: a
/// request too large even for that is sent back to the page with the same message, never to an error page.
/// ASP.NET Core keeps an uploaded file over 64 KB in a temporary file, not in memory, while the page handles it.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DocumentUploadLimitsAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public const string TooLargeQuery = "tooLarge";

    /// <summary>Before the antiforgery check (an authorization filter too), which reads the form with the default limits.</summary>
    public int Order => -3000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType) return;
        var options = http.RequestServices.GetRequiredService<IOptions<DocumentOptions>>().Value;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = options.MaxRequestBytes;
        http.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = options.MaxRequestBytes }));
        try
        {
            await request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            context.Result = new RedirectResult($"{request.PathBase}{request.Path}?{TooLargeQuery}=true");
        }
    }
}
