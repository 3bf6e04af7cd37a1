using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance.Decisions;

/// <summary>A decision's details, shared by Create and Edit, kept as typed.</summary>
public sealed class DecisionForm : IVersionedForm
{
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? DecisionReference { get; set; }
    public string? ForwardPlanReference { get; set; }
    public bool IsKeyDecision { get; set; }
    public bool HasExemptAppendix { get; set; }
    public Guid? Version { get; set; }

    public static DecisionForm From(ContractDecision d) => new()
    {
        Kind = d.Kind.ToString(), Title = d.Title, DecisionReference = d.DecisionReference, ForwardPlanReference = d.ForwardPlanReference,
        IsKeyDecision = d.IsKeyDecision, HasExemptAppendix = d.HasExemptAppendix, Version = d.Version,
    };

    public DecisionDetails ToDetails() =>
        new(Enum.Parse<DecisionKind>(Kind!), Title!, DecisionReference, ForwardPlanReference, IsKeyDecision, HasExemptAppendix);

    public sealed class Validator : AbstractValidator<DecisionForm>
    {
        private const string ReferencePattern = @"^[A-Za-z0-9 /.\-]*$";

        public Validator()
        {
            RuleFor(x => x.Kind).Must(GovernanceDisplay.IsName<DecisionKind>).WithMessage("Choose what the decision is: award, renewal, extension, variation, continuation or termination");
            RuleFor(x => x.Title).NotEmpty().WithMessage("Enter the decision's title, as the papers give it")
                .MaximumLength(ContractDecision.TitleMaxLength).WithMessage($"The title must be {ContractDecision.TitleMaxLength} characters or fewer");
            RuleFor(x => x.DecisionReference).Matches(ReferencePattern).WithMessage("The decision reference can only contain letters, numbers, spaces and / . -, like 17/00030b")
                .MaximumLength(ContractDecision.ReferenceMaxLength).WithMessage($"The decision reference must be {ContractDecision.ReferenceMaxLength} characters or fewer");
            RuleFor(x => x.ForwardPlanReference).Matches(ReferencePattern).WithMessage("The forward plan reference can only contain letters, numbers, spaces and / . -, like E 3270")
                .MaximumLength(ContractDecision.ReferenceMaxLength).WithMessage($"The forward plan reference must be {ContractDecision.ReferenceMaxLength} characters or fewer");
        }
    }
}
