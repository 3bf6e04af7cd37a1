using Commissioning.Domain.Contracts;
using Commissioning.Domain.Providers;

namespace Commissioning.Web.Pages.Contracts;

/// <summary>The councils' own words for each choice, in one place.</summary>
public static class Labels
{
    public static string Of(CommissioningForm f) => ContractWords.Of(f);

    public static string Hint(CommissioningForm f) => f switch
    {
        CommissioningForm.Block => "A fixed annual sum for a whole service, whatever the activity.",
        CommissioningForm.Spot => "No guaranteed volume: packages or placements bought as needed at unit rates.",
        CommissioningForm.LeadProvider => "One provider holds the contract and sub-contracts parts of it to others.",
        _ => "Several providers jointly and severally responsible for one contract; every member signs.",
    };

    public static string Of(ServiceCategory c) => ContractWords.Of(c);

    public static string Of(ProcurementRoute r) => ContractWords.Of(r);

    public static string Of(Confidentiality c) => c switch
    {
        Confidentiality.Open => "Open: may be published",
        Confidentiality.CommerciallySensitive => "Commercially sensitive: redact before publishing",
        _ => "Exempt information (Schedule 12A)",
    };

    public static string Of(ContractStatus s) => s.ToString();

    public static string Of(VcseType t) => t switch
    {
        VcseType.RegisteredCharity => "Registered charity",
        VcseType.CharitableIncorporatedOrganisation => "Charitable incorporated organisation (CIO)",
        VcseType.CommunityInterestCompany => "Community interest company (CIC)",
        VcseType.CooperativeOrMutual => "Co-operative or mutual society",
        VcseType.CommunityGroup => "Community or voluntary group",
        _ => "Other social enterprise",
    };

    public static string Of(RateUnit u) => ContractWords.Of(u);

    public static string Of(OrganisationType t) => t switch
    {
        OrganisationType.PrivateCompany => "Private company",
        OrganisationType.Vcse => "VCSE (voluntary, community or social enterprise)",
        OrganisationType.NhsBody => "NHS body",
        OrganisationType.CouncilOwnedCompany => "Council-owned company (LATCo)",
        _ => "Other",
    };

    public static string Short(OrganisationType t) => t switch
    {
        OrganisationType.Vcse => "VCSE",
        OrganisationType.CouncilOwnedCompany => "Council-owned company",
        _ => Of(t),
    };

    public static IEnumerable<(string Value, string Text)> Options<T>(Func<T, string> text) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => (v.ToString(), text(v)));

    public static string Months(int n) => n == 1 ? "1 month" : $"{n} months";
}
