using System.Globalization;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;

namespace Commissioning.Infrastructure.Import;

/// <summary>
/// A contract as a row would leave it: every field the import can set. The planner makes one from the register
/// (<see cref="FromContract"/>), lays the file's values over a copy, and builds a contract from it through the
/// domain's own constructors and methods, so an imported contract obeys the rules a typed one does. Provider ids may be
/// placeholders (<see cref="ProviderMatching.FirstPlaceholderId"/>) for providers the commit creates first.
/// </summary>
internal sealed record ContractShape
{
    public CommissioningForm Form { get; init; }
    public string Reference { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Description { get; init; }
    public ServiceCategory Category { get; init; }
    public int DirectorateId { get; init; }
    public ResponsibleCommissioner Commissioner { get; init; } = ResponsibleCommissioner.Historic("Not recorded");
    public ProcurementRoute Route { get; init; }
    public bool IsKeyDecision { get; init; }
    public Confidentiality Confidentiality { get; init; }
    public DateOnly Start { get; init; }
    /// <summary>The current end date; for an import's own contracts also the initial end (no option exercised).</summary>
    public DateOnly End { get; init; }
    /// <summary>The options not yet exercised, applied from <see cref="End"/>.</summary>
    public IReadOnlyList<int> OptionMonths { get; init; } = [];
    public int Notice { get; init; }
    public string? BreakClause { get; init; }
    /// <summary>The provider, the lead provider, or a consortium's lead member.</summary>
    public int? ProviderId { get; init; }
    /// <summary>A consortium's members, lead first.</summary>
    public IReadOnlyList<int> Members { get; init; } = [];
    public Money? Annual { get; init; }
    public IReadOnlyList<RateCardLine> RateCard { get; init; } = [];
    /// <summary>Each financial year's agreed annual value, by the year it starts in.</summary>
    public IReadOnlyDictionary<int, Money> Years { get; init; } = new Dictionary<int, Money>();

    public DateOnly MaxEnd => OptionMonths.Aggregate(End, Contract.Extend);
    public DateRange CurrentTerm => new(Start, End);

    public static ContractShape FromContract(Contract c, IReadOnlyDictionary<int, Money> agreedYears) => new()
    {
        Form = c.Form,
        Reference = c.Reference,
        Title = c.Title,
        Description = c.Description,
        Category = c.ServiceCategory,
        DirectorateId = c.DirectorateId,
        Commissioner = c.ResponsibleCommissioner,
        Route = c.ProcurementRoute,
        IsKeyDecision = c.IsKeyDecision,
        Confidentiality = c.Confidentiality,
        Start = c.StartDate,
        End = c.CurrentEndDate,
        OptionMonths = c.ExtensionOptions.Where(o => !o.IsExercised).Select(o => o.Months).ToList(),
        Notice = c.NoticePeriodMonths,
        BreakClause = c.BreakClause,
        ProviderId = c.ProviderId,
        Members = c is ConsortiumContract k ? k.Members.OrderByDescending(m => m.IsLead).Select(m => m.ProviderId).ToList() : [],
        Annual = c.AnnualValue,
        RateCard = c.RateCard.ToList(),
        Years = agreedYears,
    };

    /// <summary>A new contract of this shape; <paramref name="resolve"/> turns a placeholder provider id into a real one.</summary>
    public Contract Build(Func<int, int> resolve, IEnumerable<SubContract>? subContracts = null)
    {
        Contract contract = Form switch
        {
            CommissioningForm.Block => new BlockContract(resolve(ProviderId ?? 0), Annual ?? throw Missing("A block contract")),
            CommissioningForm.Spot => new SpotContract(resolve(ProviderId ?? 0), RateCard, Annual),
            CommissioningForm.LeadProvider => new LeadProviderContract(resolve(ProviderId ?? 0), Annual ?? throw Missing("A lead provider contract"), subContracts ?? []),
            _ => new ConsortiumContract(Members.Select((id, i) => new ConsortiumMember(resolve(id), "", i == 0)), Annual ?? throw Missing("A consortium contract")),
        };
        if (Form != CommissioningForm.Spot && RateCard.Count > 0) contract.SetRateCard(RateCard);
        contract.Describe(DescriptionOf(Reference));
        contract.SetTerm(Term());
        return contract;
    }

    private static MissingValueException Missing(string what) =>
        new($"{what} needs an annual value: map an annual value, a total value or a financial year's value.");

    public ContractDescription DescriptionOf(string reference) =>
        new(reference, Title, Description, Category, DirectorateId, Commissioner, Route, IsKeyDecision, Confidentiality);

    public ContractTerm Term() => new(Start, End, OptionMonths.Select(m => new ExtensionOptionTerm(m, false)).ToList(), Notice, BreakClause);

    /// <summary>
    /// Brings a tracked register contract to this shape through its own methods, touching only what differs (so the
    /// audit lists only real changes). The caller has checked that a term change is allowed (no option exercised).
    /// </summary>
    public void ApplyTo(Contract c, Func<int, int> resolve)
    {
        c.Describe(DescriptionOf(c.Reference));
        var termChanged = c.StartDate != Start || c.CurrentEndDate != End || c.MaximumEndDate != MaxEnd;
        if (termChanged) c.SetTerm(Term());
        else if (c.NoticePeriodMonths != Notice) c.AmendNoticeAndBreakClause(Notice, c.BreakClause);
        var provider = ProviderId is { } p ? resolve(p) : c.ProviderId;
        var valueChanged = c.AnnualValuePence != Annual?.Pence || c.ProviderId != provider;
        switch (c)
        {
            case BlockContract b when valueChanged: b.SetProviderAndSum(provider!.Value, Annual!.Value); break;
            case SpotContract s when valueChanged: s.SetProvider(provider!.Value, Annual); break;
            case LeadProviderContract l when valueChanged: l.SetLeadAndSubContracts(provider!.Value, Annual!.Value, l.SubContracts); break;
            case ConsortiumContract k:
                var members = Members.Select(resolve).ToList();
                var current = k.Members.OrderByDescending(m => m.IsLead).Select(m => m.ProviderId).ToList();
                if (!members.SequenceEqual(current))
                    k.SetMembers(members.Select((id, i) => new ConsortiumMember(id, k.Members.FirstOrDefault(m => m.ProviderId == id)?.Role ?? "", i == 0)), Annual!.Value);
                else if (c.AnnualValuePence != Annual?.Pence)
                    k.SetMembers(k.Members, Annual!.Value);
                break;
        }
        if (!RateCardText(c.RateCard).Equals(RateCardText(RateCard), StringComparison.Ordinal)) c.SetRateCard(RateCard);
    }

    public static string RateCardText(IEnumerable<RateCardLine> lines) =>
        string.Join(";", lines.Select(l => $"{l.Service}|{l.Unit}|{l.UnitRatePence.ToString(CultureInfo.InvariantCulture)}"));
}

/// <summary>A row's values cannot make a contract of its form (a block contract with no annual value).</summary>
internal sealed class MissingValueException(string message) : Exception(message);
