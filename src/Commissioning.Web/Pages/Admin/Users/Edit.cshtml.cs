using Commissioning.Infrastructure.Identity;
using Commissioning.Web.Forms;
using Commissioning.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Pages.Admin.Users;

/// <summary>Change a user's name and roles, or unlock them. Email is the sign-in name and stays fixed.</summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class EditModel(UserManager<ApplicationUser> users, TimeProvider time, ILogger<EditModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public UserForm Input { get; set; } = new();
    public bool LockedOut { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null) return NotFound();
        Input = new UserForm { Email = user.Email, DisplayName = user.DisplayName, Roles = [.. await users.GetRolesAsync(user)] };
        LockedOut = user.LockoutEnd > time.GetUtcNow();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null) return NotFound();
        Input.Email = user.Email;
        LockedOut = user.LockoutEnd > time.GetUtcNow();
        new UserForm.Validator(creating: false).Validate(Input).AddTo(this);
        var current = await users.GetRolesAsync(user);
        // An administrator cannot remove their own administrator role: the register must keep one.
        if (user.UserName == User.Identity?.Name && current.Contains(Roles.Administrator) && !Input.Roles.Contains(Roles.Administrator))
            ModelState.AddModelError("Input.Roles", "You cannot remove your own Administrator role; ask another administrator");
        if (!ModelState.IsValid) return Page();

        user.DisplayName = Input.DisplayName!.Trim();
        await users.UpdateAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(Input.Roles));
        await users.AddToRolesAsync(user, Input.Roles.Distinct().Except(current));
        // A new security stamp makes the change take effect at the user's next request, not their next sign-in.
        await users.UpdateSecurityStampAsync(user);
        logger.LogInformation("{Admin} set roles of {User} to {Roles}", User.Identity?.Name, user.Email, string.Join(", ", Input.Roles));
        TempData["Success"] = $"{user.Email} saved";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostUnlockAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        logger.LogInformation("{Admin} unlocked {User}", User.Identity?.Name, user.Email);
        TempData["Success"] = $"{user.Email} unlocked";
        return RedirectToPage("Index");
    }
}
