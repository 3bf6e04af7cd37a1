using System.Security.Claims;
using Commissioning.Infrastructure.Identity;
using Commissioning.Infrastructure.KeyDates;
using Microsoft.AspNetCore.Identity;

namespace Commissioning.Web.Pages.Admin.Users;

/// <summary>
/// Change a user's display name and roles, unlock them, or send them a password reset link. Email is the sign-in
/// name and stays fixed.
/// </summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class EditModel(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, SignInThrottle throttle, ResetLinkMail mail,
    IConfiguration configuration, TimeProvider time, ILogger<EditModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public UserForm Input { get; set; } = new();
    /// <summary>Failed sign-ins have slowed sign-in to the account (the throttle's delays; there is no lockout).</summary>
    public bool LockedOut { get; private set; }
    public int Failures { get; private set; }
    /// <summary>Signs in with the council account: roles here last until their next sign-in, which sets them from their groups.</summary>
    public bool CouncilAccount { get; private set; }
    /// <summary>The display name as saved, for the heading (the field may hold a mistyped one).</summary>
    public string Name { get; private set; } = "";
    /// <summary>A reset link made by this request, shown once on the page that answers it (never in an address or a log).</summary>
    public string? ResetLink { get; private set; }
    /// <summary>When <see cref="ResetLink"/> stops working, for people.</summary>
    public string ResetLinkExpires { get; private set; } = "";
    public bool MailsResetLinks => mail.CanSend;
    public static int ResetLinkHours => (int)ResetLinkTokenProvider.Lifespan.TotalHours;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null) return NotFound();
        Input = new UserForm { Email = user.Email, DisplayName = user.DisplayName, Roles = [.. await users.GetRolesAsync(user)] };
        Name = user.DisplayName;
        ReadThrottle(user);
        CouncilAccount = (await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == SingleSignOn.Scheme);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null) return NotFound();
        Input.Email = user.Email;
        Name = user.DisplayName;
        ReadThrottle(user);
        CouncilAccount = (await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == SingleSignOn.Scheme);
        new UserForm.Validator(creating: false).Validate(Input).AddTo(this);
        var current = await users.GetRolesAsync(user);
        var self = user.Id == User.FindFirstValue(ClaimTypes.NameIdentifier);
        // An administrator cannot remove their own administrator role: the register must keep one.
        if (self && current.Contains(Roles.Administrator) && !Input.Roles.Contains(Roles.Administrator))
            ModelState.AddModelError("Input.Roles", "You cannot remove your own Administrator role; ask another administrator");
        if (!ModelState.IsValid) return Page();

        user.DisplayName = Input.DisplayName!.Trim();
        await users.UpdateAsync(user);
        var removed = current.Except(Input.Roles).ToList();
        var added = Input.Roles.Distinct().Except(current).ToList();
        await users.RemoveFromRolesAsync(user, removed);
        await users.AddToRolesAsync(user, added);
        // Changed roles get a new security stamp, which ends the person's sessions and calendar addresses. A new name alone
        // does not: their sessions pick it up at the next stamp check (IdentitySetup.StampInterval), their calendar keeps working.
        if (removed.Count > 0 || added.Count > 0) await users.UpdateSecurityStampAsync(user);
        // Administrators changing their own name see it at once: their own cookie is issued again, with its sign-in time.
        if (self) await signIn.RefreshSignInAsync(user);
        logger.LogInformation("{Admin} set user {UserId} to roles {Roles}", User.FindFirstValue(ClaimTypes.NameIdentifier), user.Id, string.Join(", ", Input.Roles));
        TempData["Success"] = $"{user.DisplayName} saved";
        return RedirectToPage("Index");
    }

    /// <summary>
    /// "Unlock account" forgets the failed sign-ins counted against the account, from every client, so its owner
    /// signs in at once; a client that kept guessing still waits out its own delay (decision 0016).
    /// </summary>
    public async Task<IActionResult> OnPostUnlockAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null) return NotFound();
        throttle.Clear(user.NormalizedEmail ?? "");
        // Identity's own count and any lockout end from before the throttle: tidied, though nothing reads them now.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        logger.LogInformation("{Admin} unlocked {User}", User.Identity?.Name, user.Email);
        TempData["Success"] = $"{user.DisplayName} unlocked";
        return RedirectToPage("Index");
    }

    private void ReadThrottle(ApplicationUser user)
    {
        Failures = throttle.AccountFailures(user.NormalizedEmail ?? "");
        LockedOut = IndexModel.Slowed(throttle, user);
    }

    /// <summary>
    /// Makes a single-use link that lasts <see cref="ResetLinkTokenProvider.Lifespan"/>: e-mailed to the person when
    /// SMTP is set up, otherwise shown to the administrator once, on this answer (decision 0017).
    /// </summary>
    public async Task<IActionResult> OnPostResetLinkAsync(CancellationToken ct)
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null) return NotFound();
        Input = new UserForm { Email = user.Email, DisplayName = user.DisplayName, Roles = [.. await users.GetRolesAsync(user)] };
        Name = user.DisplayName;
        ReadThrottle(user);

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{BaseUrl()}/Account/ResetPassword?user={Uri.EscapeDataString(user.Id)}&token={token}";
        var expires = Dates.At((time.GetUtcNow() + ResetLinkTokenProvider.Lifespan).UtcDateTime);
        var admin = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!mail.CanSend)
        {
            logger.LogInformation("Administrator {AdminId} made a password reset link for user {UserId}, shown to them once", admin, user.Id);
            ResetLink = link;
            ResetLinkExpires = expires;
            return Page();
        }
        try
        {
            await mail.SendAsync(user, link, expires, ct);
        }
        catch (MailNotSentException e)
        {
            logger.LogError(e, "Administrator {AdminId} asked for a password reset link for user {UserId}: the email could not be sent", admin, user.Id);
            ModelState.AddModelError("", "The email with the reset link could not be sent. Try again in a few minutes.");
            return Page();
        }
        logger.LogInformation("Administrator {AdminId} sent a password reset link to user {UserId} by email", admin, user.Id);
        TempData["Success"] = $"A password reset link has been emailed to {user.DisplayName}. It works once, until {expires}.";
        return RedirectToPage(new { Id });
    }

    /// <summary>App:BaseUrl (behind a proxy it is the address people use); in Development with none set, this request's own.</summary>
    private string BaseUrl() => PublicAddress.Root(Request, configuration);
}
