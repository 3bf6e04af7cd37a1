using Commissioning.Domain.Contracts;

namespace Commissioning.Web.Pages.Admin.Directorates;

/// <summary>The directorate's name, as Add and Rename take it, and its checks.</summary>
public sealed class DirectorateForm : IVersionedForm
{
    public string? Name { get; set; }
    public Guid? Version { get; set; }

    /// <summary>Names are unique whatever their case: "Adult social care" and "Adult Social Care" would be one directorate to a reader.</summary>
    public async Task<bool> CheckNameIsFreeAsync(CommissioningDbContext db, PageModel page, int? exceptId, CancellationToken ct)
    {
        var name = Name!.Trim();
        var lower = name.ToLower();
        var taken = await db.Directorates.AnyAsync(d => d.Name.ToLower() == lower && d.Id != (exceptId ?? 0), ct);
        if (taken) AddNameTaken(page, name);
        return !taken;
    }

    public static void AddNameTaken(PageModel page, string name) =>
        page.ModelState.AddModelError("Input.Name", $"There is already a directorate called {name}: use a different name");

    public sealed class Validator : AbstractValidator<DirectorateForm>
    {
        public Validator()
        {
            RuleFor(x => x.Name).Custom((name, ctx) =>
            {
                if (string.IsNullOrWhiteSpace(name)) ctx.AddFailure("Enter the name of the directorate");
                else if (name.Trim().Length > Directorate.NameMaxLength) ctx.AddFailure($"The name must be {Directorate.NameMaxLength} characters or fewer");
            });
        }
    }
}
