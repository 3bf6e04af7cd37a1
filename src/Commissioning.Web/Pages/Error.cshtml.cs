using Microsoft.AspNetCore.Diagnostics;

namespace Commissioning.Web.Pages;

/// <summary>A plain page with a reference id; details go only to the log [ASVS 7.4.1].</summary>
[AllowAnonymous]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public string Heading { get; private set; } = "Sorry, there is a problem with the service";
    public string Explanation { get; private set; } = "Your change has not been saved. Try again later.";
    public string? Reference { get; private set; }
    /// <summary>The failed request was for the public contracts page or the OCDS feed: its reader may not be a user of the register.</summary>
    public bool IsPublic => HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } original && PublicSetup.IsPublicPath(original.OriginalPath);

    public void OnGet(int? status) => Describe(status);

    private void Describe(int? status)
    {
        // The id in this request's log line (RequestLogging), so a reference a user quotes finds it.
        Reference = RequestLogging.RequestId(HttpContext);
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (failure is not null)
            logger.LogError(failure.Error, "Unhandled error on {Path}; reference {Reference}", failure.Path, Reference);
        switch (status)
        {
            case 404:
                Heading = "Page not found";
                Explanation = "If you typed the web address, check it is correct. If you pasted it, check you copied all of it.";
                Reference = null;
                break;
            case 429:
                // The public contracts page and feed have a limit of their own; their readers never tried to sign in.
                Heading = IsPublic ? "Too many requests" : "Too many attempts";
                Explanation = IsPublic
                    ? "You have asked for too many pages in a short while. Wait a minute, then try again."
                    : "You have tried to sign in too many times in a short while. Wait a minute, then try again.";
                Reference = null;
                break;
            case 400:
                Heading = "Your request could not be handled";
                Explanation = "The form may have expired. Go back, refresh the page and try again.";
                break;
        }
        if (status is >= 400 and < 600) Response.StatusCode = status.Value;
    }
}
