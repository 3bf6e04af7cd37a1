using Commissioning.Domain.Contracts;

namespace Commissioning.Web.Pages.Contracts;

/// <summary>
/// Checks what was typed, field by field, for one commissioning form. Rules about the contract
/// as a whole (a consortium's lead, options in order) belong to the domain and are shown from there.
/// </summary>
/// <summary>What the contract form's lists offer: the directorate and user ids it may name, and a historic name it may keep.</summary>
public sealed record ContractChoices(IReadOnlySet<int> Directorates, IReadOnlySet<string> Commissioners, string? HistoricCommissioner);

public sealed class ContractFormValidator : AbstractValidator<ContractForm>
{
    public ContractFormValidator(CommissioningForm form, IReadOnlySet<int> providerIds, bool referenceRequired, ContractChoices choices)
    {
        RuleFor(x => x.Reference).Custom((r, ctx) =>
        {
            if (string.IsNullOrWhiteSpace(r)) { if (referenceRequired) ctx.AddFailure("Enter the contract reference"); return; }
            if (r.Trim().Length > Contract.ReferenceMaxLength) ctx.AddFailure($"The reference must be {Contract.ReferenceMaxLength} characters or fewer");
            else if (!r.Trim().All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '/')) ctx.AddFailure("The reference can only contain letters, numbers, hyphens and slashes, like SC-2021-0001");
        });
        RuleFor(x => x.Title).NotEmpty().WithMessage("Enter the contract title")
            .MaximumLength(Contract.TitleMaxLength).WithMessage($"The title must be {Contract.TitleMaxLength} characters or fewer");
        RuleFor(x => x.Description).MaximumLength(Contract.DescriptionMaxLength).WithMessage($"The description must be {Contract.DescriptionMaxLength} characters or fewer");
        // Rules run in the order of the fields on the page, so the error summary reads top to bottom.
        RuleFor(x => x.ServiceCategory).Must(v => Enum.TryParse<ServiceCategory>(v, out _)).WithMessage("Choose the service category");
        RuleFor(x => x.ProcurementRoute).Must(v => Enum.TryParse<ProcurementRoute>(v, out _)).WithMessage("Choose the procurement route");
        RuleFor(x => x.DirectorateId).Must(v => ValidationRules.ParseInt(v) is { } id && choices.Directorates.Contains(id))
            .WithMessage("Choose the directorate from the list");
        RuleFor(x => x.ResponsibleCommissionerId).Must(v => v is not null && (choices.Commissioners.Contains(v)
                || v == ContractForm.KeepHistoricCommissioner && choices.HistoricCommissioner is not null))
            .WithMessage("Choose the responsible commissioner from the list");
        RuleFor(x => x.Confidentiality).Must(v => Enum.TryParse<Confidentiality>(v, out _)).WithMessage("Choose the confidentiality");
        RuleFor(x => x.StartDate).Date("start date", required: true);
        RuleFor(x => x.InitialEndDate).Date("initial end date", required: true)
            .Custom((end, ctx) =>
            {
                var start = ctx.InstanceToValidate.StartDate.ToDate();
                if (start is { } s && end?.ToDate() is { } e && e < s)
                    ctx.AddFailure($"The initial end date must be on or after the start date ({Dates.Long(s)})");
            });
        RuleFor(x => x).Custom((f, ctx) =>
        {
            for (var i = 0; i < f.ExtensionOptions.Count; i++)
            {
                var months = ValidationRules.ParseInt(f.ExtensionOptions[i].Months);
                if (months is null or < 1 or > 120)
                    ctx.AddFailure($"ExtensionOptions[{i}].Months", $"Extension option {i + 1}: enter its length as a whole number of months from 1 to 120");
            }
        });
        RuleFor(x => x.NoticePeriodMonths).WholeNumber("notice period", 0, Contract.MaxNoticeMonths);
        RuleFor(x => x.AwardedOn).Date("award date", required: false);
        RuleFor(x => x.BreakClause).MaximumLength(Contract.BreakClauseMaxLength).WithMessage($"The break clause must be {Contract.BreakClauseMaxLength} characters or fewer");

        var providerMessage = form == CommissioningForm.LeadProvider
            ? "Choose the lead provider: a lead provider contract must name its lead among the parties"
            : "Choose the provider";
        var valueLabel = form switch { CommissioningForm.Block => "annual sum", CommissioningForm.Spot => "estimated annual value", _ => "annual value" };
        switch (form)
        {
            case CommissioningForm.Block:
                Provider(providerMessage, providerIds); Value(valueLabel, required: true); RateCard(); break;
            case CommissioningForm.Spot:
                Provider(providerMessage, providerIds); RateCard(); Value(valueLabel, required: false); break;
            case CommissioningForm.LeadProvider:
                Provider(providerMessage, providerIds); Value(valueLabel, required: true); SubContracts(providerIds); RateCard(); break;
            default:
                Members(providerIds); Value(valueLabel, required: true); RateCard(); break;
        }
        Publishing();
    }

    /// <summary>The fields the published contracts file needs (issue 17), last on the page.</summary>
    private void Publishing()
    {
        RuleFor(x => x.CpvCode).Must(v => string.IsNullOrWhiteSpace(v) || Contract.IsCpvCode(v.Trim()))
            .WithMessage("Enter the CPV code as eight digits with an optional check digit, like 85311200-4");
        RuleFor(x => x.ReviewDate).Date("review date", required: false)
            .Custom((review, ctx) =>
            {
                var start = ctx.InstanceToValidate.StartDate.ToDate();
                if (start is { } s && review?.ToDate() is { } r && r < s)
                    ctx.AddFailure($"The review date must be on or after the start date ({Dates.Long(s)})");
            });
        RuleFor(x => x.IrrecoverableVat).Money("irrecoverable VAT", required: false);
        WebAddress(x => x.ContactPointUrl, "contact page");
        WebAddress(x => x.TenderDocumentsUrl, "tender documents");
        WebAddress(x => x.ContractDocumentUrl, "contract document");
    }

    private void WebAddress(System.Linq.Expressions.Expression<Func<ContractForm, string?>> field, string what) =>
        RuleFor(field).Must(v => string.IsNullOrWhiteSpace(v) || Contract.IsWebAddress(v.Trim()))
            .WithMessage($"Enter the {what}'s address as a full web address starting https://, like https://www.example.gov.uk/contracts, of {Contract.UrlMaxLength} characters or fewer");

    private void Provider(string message, IReadOnlySet<int> providerIds) =>
        RuleFor(x => x.ProviderId).Custom((id, ctx) =>
        {
            if (string.IsNullOrWhiteSpace(id)) ctx.AddFailure(message);
            else if (ValidationRules.ParseInt(id) is not { } n || !providerIds.Contains(n)) ctx.AddFailure("Choose a provider from the list: the one given is not in the register");
        });

    private void Value(string label, bool required) => RuleFor(x => x.AnnualValue).Money(label, required);

    private void RateCard() =>
        RuleFor(x => x).Custom((f, ctx) =>
        {
            for (var i = 0; i < f.RateCard.Count; i++)
            {
                var row = f.RateCard[i];
                var n = i + 1;
                if (string.IsNullOrWhiteSpace(row.Service)) ctx.AddFailure($"RateCard[{i}].Service", $"Rate card line {n}: enter the service");
                else if (row.Service.Length > RateCardLine.ServiceMaxLength) ctx.AddFailure($"RateCard[{i}].Service", $"Rate card line {n}: the service must be {RateCardLine.ServiceMaxLength} characters or fewer");
                if (!Enum.TryParse<RateUnit>(row.Unit, out _)) ctx.AddFailure($"RateCard[{i}].Unit", $"Rate card line {n}: choose the unit");
                MoneyFailure(ctx, $"RateCard[{i}].UnitRate", row.UnitRate, $"Rate card line {n}: ", "unit rate");
            }
        });

    private void SubContracts(IReadOnlySet<int> providerIds) =>
        RuleFor(x => x).Custom((f, ctx) =>
        {
            for (var i = 0; i < f.SubContracts.Count; i++)
            {
                var row = f.SubContracts[i];
                var n = i + 1;
                ProviderFailure(ctx, $"SubContracts[{i}].ProviderId", row.ProviderId, $"Sub-contract {n}: ", providerIds);
                if (string.IsNullOrWhiteSpace(row.Service)) ctx.AddFailure($"SubContracts[{i}].Service", $"Sub-contract {n}: enter the service it covers");
                else if (row.Service.Trim().Length > SubContract.ServiceMaxLength)
                    ctx.AddFailure($"SubContracts[{i}].Service", $"Sub-contract {n}: the service must be {SubContract.ServiceMaxLength} characters or fewer");
                MoneyFailure(ctx, $"SubContracts[{i}].AnnualValue", row.AnnualValue, $"Sub-contract {n}: ", "annual value");
            }
        });

    private void Members(IReadOnlySet<int> providerIds) =>
        RuleFor(x => x).Custom((f, ctx) =>
        {
            for (var i = 0; i < f.Members.Count; i++)
            {
                var row = f.Members[i];
                ProviderFailure(ctx, $"Members[{i}].ProviderId", row.ProviderId, $"Member {i + 1}: ", providerIds);
                if (string.IsNullOrWhiteSpace(row.Role)) ctx.AddFailure($"Members[{i}].Role", $"Member {i + 1}: enter the member's role");
                else if (row.Role.Trim().Length > ConsortiumMember.RoleMaxLength)
                    ctx.AddFailure($"Members[{i}].Role", $"Member {i + 1}: the role must be {ConsortiumMember.RoleMaxLength} characters or fewer");
            }
        });

    private static void ProviderFailure(ValidationContext<ContractForm> ctx, string field, string? id, string prefix, IReadOnlySet<int> known)
    {
        if (string.IsNullOrWhiteSpace(id)) ctx.AddFailure(field, prefix + "choose the provider");
        else if (ValidationRules.ParseInt(id) is not { } n || !known.Contains(n)) ctx.AddFailure(field, prefix + "choose a provider from the list: the one given is not in the register");
    }

    private static void MoneyFailure(ValidationContext<ContractForm> ctx, string field, string? text, string prefix, string label)
    {
        if (ValidationRules.MoneyMessage(text, label, required: true) is { } message)
            ctx.AddFailure(field, prefix + char.ToLowerInvariant(message[0]) + message[1..]);
    }
}
