namespace Commissioning.Domain.Contracts;

/// <summary>
/// The councils' own words for a contract's choices. The contract pages show them and the import reads and writes
/// them (a register download must import back), so they are kept once, here.
/// </summary>
public static class ContractWords
{
    public static string Of(CommissioningForm f) => f switch
    {
        CommissioningForm.Block => "Block",
        CommissioningForm.Spot => "Spot",
        CommissioningForm.LeadProvider => "Lead provider",
        _ => "Consortium",
    };

    public static string Of(ServiceCategory c) => c switch
    {
        ServiceCategory.DomiciliaryCare => "Domiciliary care",
        ServiceCategory.SupportedLiving => "Supported living",
        ServiceCategory.ResidentialCare => "Residential care",
        ServiceCategory.DayServices => "Day services",
        ServiceCategory.CommunityHealth => "Community health",
        _ => "Other",
    };

    public static string Of(ProcurementRoute r) => r switch
    {
        ProcurementRoute.OpenTender => "Open tender",
        ProcurementRoute.TeckalDirectAward => "Direct award under the Teckal exemption",
        ProcurementRoute.SingleSourceWaiver => "Single source / waiver",
        ProcurementRoute.FrameworkCallOff => "Framework call-off",
        _ => "Negotiated continuation",
    };

    public static string Of(RateUnit u) => u switch
    {
        RateUnit.Hour => "per hour",
        RateUnit.Week => "per week",
        RateUnit.Night => "per night",
        _ => "per placement",
    };
}
