using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Commissioning.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class CreateModel(UserManager<ApplicationUser> users, ILogger<CreateModel> logger) : PageModel
{
    [BindProperty] public UserForm Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        new UserForm.Validator(creating: true).Validate(Input).AddTo(this);
        if (!ModelState.IsValid) return Page();
        var email = Input.Email!.Trim();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = Input.DisplayName!.Trim() };
        var created = await users.CreateAsync(user, Input.Password!);
        if (!created.Succeeded)
        {
            UserForm.AddErrors(created, ModelState);
            Input.Password = null;
            return Page();
        }
        await users.AddToRolesAsync(user, Input.Roles.Distinct());
        logger.LogInformation("{Admin} created user {User} with roles {Roles}", User.Identity?.Name, email, string.Join(", ", Input.Roles));
        TempData["Success"] = $"{user.DisplayName} added";
        return RedirectToPage("Index");
    }
}
