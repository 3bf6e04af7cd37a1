using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Commissioning.Web.Pages.Admin.Users;

public sealed class UserForm
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string? Password { get; set; }
    public List<string> Roles { get; set; } = [];

    public sealed class Validator : AbstractValidator<UserForm>
    {
        public Validator(bool creating)
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage("Enter the email address")
                .Must(e => (e ?? "").Trim().Length <= ApplicationUser.EmailMaxLength)
                .WithMessage($"Email address must be {ApplicationUser.EmailMaxLength} characters or fewer")
                .EmailAddress().WithMessage("Enter an email address in the correct format, like name@council.gov.uk");
            RuleFor(x => x.DisplayName).Custom((name, ctx) =>
            {
                if (string.IsNullOrWhiteSpace(name)) ctx.AddFailure("Enter the display name");
                else if (name.Trim().Length > ApplicationUser.DisplayNameMaxLength)
                    ctx.AddFailure($"The display name must be {ApplicationUser.DisplayNameMaxLength} characters or fewer");
                // Pages show display names and never sign-in addresses: a name that is an address would undo that.
                else if (name.Contains('@')) ctx.AddFailure("Enter the person's name, like Jane Smith, not an email address");
            });
            if (creating)
                RuleFor(x => x.Password).NotEmpty().WithMessage("Enter a password of at least 12 characters");
            RuleForEach(x => x.Roles).Must(r => Infrastructure.Identity.Roles.All.Contains(r)).WithMessage("Choose roles from the list");
        }
    }

    /// <summary>Identity's own refusals (a guessable password, a taken email) shown at their fields.</summary>
    public static void AddErrors(IdentityResult result, ModelStateDictionary state)
    {
        foreach (var e in result.Errors)
            state.AddModelError(e.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", e.Description);
    }
}
