using Microsoft.AspNetCore.Mvc.Filters;

namespace Commissioning.Web.Setup;

/// <summary>
/// Logs every refused form [ASVS 7.1.x]: the page and the fields at fault, never the values
/// typed (they may be passwords or commercially sensitive figures).
/// </summary>
public sealed class ValidationLogging(ILogger<ValidationLogging> logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        var state = executed.HandlerInstance is Microsoft.AspNetCore.Mvc.RazorPages.PageModel page ? page.ModelState : context.ModelState;
        if (HttpMethods.IsPost(context.HttpContext.Request.Method) && !state.IsValid)
            logger.LogWarning("Validation failed on {Page} for {User}: {Fields}",
                context.ActionDescriptor.ViewEnginePath, context.HttpContext.User.Identity?.Name ?? "anonymous",
                string.Join(", ", state.Where(kv => kv.Value?.Errors.Count > 0).Select(kv => kv.Key.Length == 0 ? "(form)" : kv.Key)));
    }
}
