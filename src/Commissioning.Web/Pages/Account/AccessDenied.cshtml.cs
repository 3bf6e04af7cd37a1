namespace Commissioning.Web.Pages.Account;

[AllowAnonymous]
public sealed class AccessDeniedModel(ILogger<AccessDeniedModel> logger) : PageModel
{
    public void OnGet(string? returnUrl)
    {
        logger.LogWarning("Access refused to {User} for {Path}", User.Identity?.Name ?? "anonymous", returnUrl);
        Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}
