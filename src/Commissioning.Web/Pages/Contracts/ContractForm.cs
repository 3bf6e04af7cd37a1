using Commissioning.Domain.Contracts;
using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Contracts;

/// <summary>
/// The contract form shared by Create, Edit and Record renewal: what the person typed, kept as
/// text so a mistake is shown back exactly as entered. Each form shows only its own sections.
/// </summary>
public sealed class ContractForm
{
    /// <summary>The choice that keeps a contract's historic commissioner name, typed before people were chosen from the users.</summary>
    public const string KeepHistoricCommissioner = "historic";

    public string? Reference { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? ServiceCategory { get; set; }
    /// <summary>The chosen directorate's id, from the list administrators keep.</summary>
    public string? DirectorateId { get; set; }
    /// <summary>The chosen user's id, or <see cref="KeepHistoricCommissioner"/> to keep a historic name (see the page).</summary>
    public string? ResponsibleCommissionerId { get; set; }
    public string? ProcurementRoute { get; set; }
    public bool IsKeyDecision { get; set; }
    public string? Confidentiality { get; set; } = nameof(Domain.Contracts.Confidentiality.Open);
    public DateParts StartDate { get; set; } = new();
    public DateParts InitialEndDate { get; set; } = new();
    public DateParts AwardedOn { get; set; } = new();
    public string? NoticePeriodMonths { get; set; }
    public string? BreakClause { get; set; }
    public List<OptionRow> ExtensionOptions { get; set; } = [];
    public string? ProviderId { get; set; }
    public string? AnnualValue { get; set; }
    public List<RateRow> RateCard { get; set; } = [];
    public List<SubContractRow> SubContracts { get; set; } = [];
    public List<MemberRow> Members { get; set; } = [];
    // What the Transparency Code's contracts file needs beyond the rest (issue 17); all optional.
    public string? CpvCode { get; set; }
    public DateParts ReviewDate { get; set; } = new();
    public string? IrrecoverableVat { get; set; }
    public string? ContactPointUrl { get; set; }
    public string? TenderDocumentsUrl { get; set; }
    public string? ContractDocumentUrl { get; set; }
    public Guid? Version { get; set; }

    public sealed class OptionRow
    {
        public string? Months { get; set; }
        public bool IsExercised { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Months) && !IsExercised;
    }

    public sealed class RateRow
    {
        public string? Service { get; set; }
        public string? Unit { get; set; }
        public string? UnitRate { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Service) && string.IsNullOrWhiteSpace(UnitRate);
    }

    public sealed class SubContractRow
    {
        public string? ProviderId { get; set; }
        public string? Service { get; set; }
        public string? AnnualValue { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(ProviderId) && string.IsNullOrWhiteSpace(Service) && string.IsNullOrWhiteSpace(AnnualValue);
    }

    public sealed class MemberRow
    {
        public string? ProviderId { get; set; }
        public string? Role { get; set; }
        public bool IsLead { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(ProviderId) && string.IsNullOrWhiteSpace(Role) && !IsLead;
    }

    /// <summary>Blank rows are spare lines on the page, not data.</summary>
    public void DropBlankRows()
    {
        ExtensionOptions.RemoveAll(r => r.IsBlank);
        RateCard.RemoveAll(r => r.IsBlank);
        SubContracts.RemoveAll(r => r.IsBlank);
        Members.RemoveAll(r => r.IsBlank);
    }

    /// <summary>One spare line in each list (two members for a new consortium), so there is always room to add.</summary>
    public void AddSpareRows(CommissioningForm form)
    {
        ExtensionOptions.Add(new OptionRow());
        RateCard.Add(new RateRow());
        if (form == CommissioningForm.LeadProvider) SubContracts.Add(new SubContractRow());
        if (form == CommissioningForm.Consortium)
            do Members.Add(new MemberRow()); while (Members.Count < 2);
    }

    public void AddRow(string? section)
    {
        switch (section)
        {
            case nameof(ExtensionOptions): ExtensionOptions.Add(new OptionRow()); break;
            case nameof(RateCard): RateCard.Add(new RateRow()); break;
            case nameof(SubContracts): SubContracts.Add(new SubContractRow()); break;
            case nameof(Members): Members.Add(new MemberRow()); break;
        }
    }

    /// <summary>The form filled from a saved contract, for editing or as the start of its renewal.</summary>
    public static ContractForm From(Contract c) => new()
    {
        Reference = c.Reference,
        Title = c.Title,
        Description = c.Description,
        ServiceCategory = c.ServiceCategory.ToString(),
        DirectorateId = c.DirectorateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ResponsibleCommissionerId = c.ResponsibleCommissionerId ?? (c.HistoricCommissionerName is null ? null : KeepHistoricCommissioner),
        ProcurementRoute = c.ProcurementRoute.ToString(),
        IsKeyDecision = c.IsKeyDecision,
        Confidentiality = c.Confidentiality.ToString(),
        StartDate = DateParts.From(c.StartDate),
        InitialEndDate = DateParts.From(c.InitialEndDate),
        AwardedOn = DateParts.From(c.AwardedOn),
        NoticePeriodMonths = c.NoticePeriodMonths.ToString(System.Globalization.CultureInfo.InvariantCulture),
        BreakClause = c.BreakClause,
        ExtensionOptions = c.ExtensionOptions.Select(o => new OptionRow { Months = o.Months.ToString(System.Globalization.CultureInfo.InvariantCulture), IsExercised = o.IsExercised }).ToList(),
        ProviderId = c is ConsortiumContract ? null : c.ProviderId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AnnualValue = c.AnnualValue?.ToInputString(),
        RateCard = c.RateCard.Select(l => new RateRow { Service = l.Service, Unit = l.Unit.ToString(), UnitRate = l.UnitRate.ToInputString() }).ToList(),
        SubContracts = c is LeadProviderContract lp
            ? lp.SubContracts.Select(s => new SubContractRow { ProviderId = s.ProviderId.ToString(System.Globalization.CultureInfo.InvariantCulture), Service = s.Service, AnnualValue = s.AnnualValue.ToInputString() }).ToList()
            : [],
        Members = c is ConsortiumContract k
            ? k.Members.Select(m => new MemberRow { ProviderId = m.ProviderId.ToString(System.Globalization.CultureInfo.InvariantCulture), Role = m.Role, IsLead = m.IsLead }).ToList()
            : [],
        CpvCode = c.CpvCode,
        ReviewDate = DateParts.From(c.ReviewDate),
        IrrecoverableVat = c.IrrecoverableVat?.ToInputString(),
        ContactPointUrl = c.ContactPointUrl,
        TenderDocumentsUrl = c.TenderDocumentsUrl,
        ContractDocumentUrl = c.ContractDocumentUrl,
        Version = c.Version,
    };

    // The methods below run only after the validator has passed, so parsing cannot fail.

    public Contract CreateContract(CommissioningForm form) => form switch
    {
        CommissioningForm.Block => new BlockContract(ProviderIdValue, AnnualValueMoney!.Value),
        CommissioningForm.Spot => new SpotContract(ProviderIdValue, RateLines(), AnnualValueMoney),
        CommissioningForm.LeadProvider => new LeadProviderContract(ProviderIdValue, AnnualValueMoney!.Value, SubContractParts()),
        _ => new ConsortiumContract(MemberParts(), AnnualValueMoney!.Value),
    };

    /// <summary>Applies the whole form to the contract; a broken business rule throws before anything is saved.</summary>
    /// <remarks>
    /// With <paramref name="keepDates"/> the dates and options are left as they are (only the notice period and break clause
    /// are taken): once lifecycle events have moved the end date, recomputing it from the options would undo them.
    /// </remarks>
    /// <param name="historicCommissioner">The historic name the page offered to keep, if it offered one.</param>
    /// <param name="lettingDecision">The contract's latest decision letting it, which a new award date needs approved; null for none.</param>
    public void ApplyTo(Contract contract, string reference, string? historicCommissioner, bool keepDates = false, ContractDecision? lettingDecision = null)
    {
        // The award first: its refusal is the one the form has always shown before any other rule.
        contract.RecordAward(AwardedOn.ToDate(), lettingDecision);
        var commissioner = ResponsibleCommissionerId == KeepHistoricCommissioner
            ? Domain.Contracts.ResponsibleCommissioner.Historic(historicCommissioner!)
            : Domain.Contracts.ResponsibleCommissioner.User(ResponsibleCommissionerId!);
        contract.Describe(new ContractDescription(reference, Title!, Description,
            Enum.Parse<ServiceCategory>(ServiceCategory!), ValidationRules.ParseInt(DirectorateId)!.Value, commissioner,
            Enum.Parse<ProcurementRoute>(ProcurementRoute!), IsKeyDecision, Enum.Parse<Confidentiality>(Confidentiality!)));
        if (keepDates)
        {
            contract.AmendNoticeAndBreakClause(int.Parse(NoticePeriodMonths!.Trim(), System.Globalization.CultureInfo.InvariantCulture), BreakClause);
        }
        else
        {
            contract.SetTerm(new ContractTerm(StartDate.ToDate()!.Value, InitialEndDate.ToDate()!.Value,
                ExtensionOptions.Select(o => new ExtensionOptionTerm(int.Parse(o.Months!.Trim(), System.Globalization.CultureInfo.InvariantCulture), o.IsExercised)).ToList(),
                int.Parse(NoticePeriodMonths!.Trim(), System.Globalization.CultureInfo.InvariantCulture), BreakClause));
        }
        switch (contract)
        {
            case BlockContract b: b.SetProviderAndSum(ProviderIdValue, AnnualValueMoney!.Value); break;
            case SpotContract s: s.SetProvider(ProviderIdValue, AnnualValueMoney); break;
            case LeadProviderContract l: l.SetLeadAndSubContracts(ProviderIdValue, AnnualValueMoney!.Value, SubContractParts()); break;
            case ConsortiumContract k: k.SetMembers(MemberParts(), AnnualValueMoney!.Value); break;
        }
        contract.SetRateCard(RateLines());
        contract.SetPublishingDetails(new PublishingDetails(CpvCode, ReviewDate.ToDate(), ValidationRules.ParseMoney(IrrecoverableVat),
            ContactPointUrl, TenderDocumentsUrl, ContractDocumentUrl));
    }

    private int ProviderIdValue => ValidationRules.ParseInt(ProviderId) ?? 0;
    private Money? AnnualValueMoney => ValidationRules.ParseMoney(AnnualValue);

    private List<RateCardLine> RateLines() =>
        RateCard.Select(r => new RateCardLine(r.Service!, Enum.Parse<RateUnit>(r.Unit!), ValidationRules.ParseMoney(r.UnitRate)!.Value)).ToList();

    private List<SubContract> SubContractParts() =>
        SubContracts.Select(s => new SubContract(ValidationRules.ParseInt(s.ProviderId)!.Value, s.Service!, ValidationRules.ParseMoney(s.AnnualValue)!.Value)).ToList();

    private List<ConsortiumMember> MemberParts() =>
        Members.Select(m => new ConsortiumMember(ValidationRules.ParseInt(m.ProviderId)!.Value, m.Role!, m.IsLead)).ToList();

    /// <summary>Whether the form's dates or extension options differ from the contract's (what lifecycle events own once recorded).</summary>
    public IReadOnlyList<string> DateFieldsChangedFrom(Contract c)
    {
        var changed = new List<string>();
        if (StartDate.ToDate() != c.StartDate) changed.Add("Input.StartDate");
        if (InitialEndDate.ToDate() != c.InitialEndDate) changed.Add("Input.InitialEndDate");
        var options = ExtensionOptions.Select(o => (Months: ValidationRules.ParseInt(o.Months), o.IsExercised)).ToList();
        if (options.Count != c.ExtensionOptions.Count
            || options.Zip(c.ExtensionOptions).Any(p => p.First.Months != p.Second.Months || p.First.IsExercised != p.Second.IsExercised))
            changed.Add("Input.ExtensionOptions");
        return changed;
    }

    /// <summary>
    /// Where the error summary's links land: a date's day box, and a section's first field,
    /// since a fieldset cannot take focus. Every section always shows at least one row.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ErrorAnchors = new Dictionary<string, string>
    {
        ["Input.StartDate"] = "Input-StartDate-Day",
        ["Input.InitialEndDate"] = "Input-InitialEndDate-Day",
        ["Input.AwardedOn"] = "Input-AwardedOn-Day",
        ["Input.ReviewDate"] = "Input-ReviewDate-Day",
        ["Input.ExtensionOptions"] = "Input-ExtensionOptions-0-Months",
        ["Input.RateCard"] = "Input-RateCard-0-Service",
        ["Input.SubContracts"] = "Input-SubContracts-0-ProviderId",
        ["Input.Members"] = "Input-Members-0-ProviderId",
    };

    /// <summary>Where on the page each business rule's message belongs.</summary>
    public static string FieldFor(IBusinessRule rule) => rule switch
    {
        ExtensionOptionsMustBeUsedInOrderRule => "Input.ExtensionOptions",
        SuccessorMustStartAfterPredecessorRule => "Input.StartDate",
        DecisionMustBeForTheContractRule or DecisionMustBeApprovedRule => "Input.AwardedOn",
        SpotContractNeedsARateCardRule => "Input.RateCard",
        LeadProviderMustBeAPartyRule => "Input.ProviderId",
        LeadProviderCannotSubContractToItselfRule or SubContractsCannotExceedContractValueRule => "Input.SubContracts",
        _ => "Input.Members",
    };
}
