using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance.Bodies;

/// <summary>The decision-making body form shared by Create and Edit, and its field checks.</summary>
public sealed class BodyForm : IVersionedForm
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public Guid? Version { get; set; }

    public static BodyForm From(DecisionBody b) => new() { Name = b.Name, Kind = b.Kind.ToString(), Version = b.Version };

    public DecisionBodyKind ParsedKind => GovernanceDisplay.Parse<DecisionBodyKind>(Kind)!.Value;

    /// <summary>Names are unique whatever their case ("Cabinet" and "cabinet" would be one body to a reader).</summary>
    public async Task<bool> CheckNameIsFreeAsync(CommissioningDbContext db, PageModel page, int? exceptId, CancellationToken ct)
    {
        var name = Name!.Trim();
        var lower = name.ToLower();
        var taken = await db.DecisionBodies.AnyAsync(b => b.Name.ToLower() == lower && b.Id != (exceptId ?? 0), ct);
        if (taken) AddNameTaken(page, name);
        return !taken;
    }

    public static void AddNameTaken(PageModel page, string name) =>
        page.ModelState.AddModelError("Input.Name", $"There is already a decision-making body called {name}: use a different name");

    public sealed class Validator : AbstractValidator<BodyForm>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the name of the decision-making body")
                .MaximumLength(DecisionBody.NameMaxLength).WithMessage($"The name must be {DecisionBody.NameMaxLength} characters or fewer");
            RuleFor(x => x.Kind).Must(GovernanceDisplay.IsName<DecisionBodyKind>).WithMessage("Choose what kind of body it is");
        }
    }
}
