using Microsoft.AspNetCore.Mvc.Filters;

namespace Commissioning.Web.Forms;

/// <summary>
/// A post that matches none of the page's handlers (a page whose forms all name theirs, posted with no
/// name or a name it does not have; a read-only page posted at all) would run no handler and render the
/// page without its data: a 500 on a review, a meeting or a decision (found by the fuzzing in
/// tests/Commissioning.Web.Tests/Security). There is no such form, so it is a 404.
/// </summary>
public sealed class UnknownHandlerIsNotFound : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.Result = new NotFoundResult();
            return Task.CompletedTask;
        }
        return next();
    }
}
