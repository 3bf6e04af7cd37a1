using System.Security.Claims;
using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Commissioning.Web.Pages.Admin.Users;

/// <summary>Change a user's display name and roles, or unlock them. Email is the sign-in name and stays fixed.</summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class EditModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, TimeProvider time, ILogger<EditModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public UserForm Input { get; set; } = new();
    public bool LockedOut { get; private set; }
    /// <summary>Signs in with the council account: roles here last until their next sign-in, which sets them from their groups.</summary>
    public bool CouncilAccount { get; private set; }
    /// <summary>The display name as saved, for the heading (the field may hold a mistyped one).</summary>
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null) return NotFound();
        Input = new UserForm { Email = user.Email, DisplayName = user.DisplayName, Roles = [.. await users.GetRolesAsync(user)] };
        Name = user.DisplayName;
        LockedOut = user.LockoutEnd > time.GetUtcNow();
        CouncilAccount = (await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == SingleSignOn.Scheme);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null) return NotFound();
        Input.Email = user.Email;
        Name = user.DisplayName;
        LockedOut = user.LockoutEnd > time.GetUtcNow();
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
        if (self) await signIn.SignInWithClaimsAsync(user, isPersistent: false, User.FindAll(IdentitySetup.SignInTimeClaim).ToList());
        logger.LogInformation("{Admin} set user {UserId} to roles {Roles}", User.FindFirstValue(ClaimTypes.NameIdentifier), user.Id, string.Join(", ", Input.Roles));
        TempData["Success"] = $"{user.DisplayName} saved";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostUnlockAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        logger.LogInformation("{Admin} unlocked {User}", User.Identity?.Name, user.Email);
        TempData["Success"] = $"{user.DisplayName} unlocked";
        return RedirectToPage("Index");
    }
}
