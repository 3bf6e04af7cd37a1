namespace Commissioning.Domain.Contracts;

// The Procurement Act 2023 facts the notice duties turn on (issue 17, decision 0033). Each may be left unset,
// and the notice rules (Publishing/Notices) then work it out from what the register already holds.
public abstract partial class Contract
{
    /// <summary>Whether the contract was procured under the Procurement Act 2023; null: worked out from its award (or start) date.</summary>
    public bool? ProcuredUnderProcurementAct { get; private set; }
    /// <summary>Whether it is a light-touch contract (most care services); null: worked out from its service category.</summary>
    public bool? IsLightTouchContract { get; private set; }
    /// <summary>Awarded directly to a provider the service user chose (Schedule 5, "user choice"): it owes no termination notice.</summary>
    public bool IsUserChoiceDirectAward { get; private set; }
    /// <summary>The day the contract was entered into (signed); null: the day it was awarded.</summary>
    public DateOnly? EnteredIntoOn { get; private set; }

    public void SetProcurementActDetails(ProcurementActDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        ProcuredUnderProcurementAct = details.ProcuredUnderAct;
        IsLightTouchContract = details.LightTouch;
        IsUserChoiceDirectAward = details.UserChoiceDirectAward;
        EnteredIntoOn = details.EnteredIntoOn;
    }
}

/// <summary>The Procurement Act facts an officer may set; null means "work it out from the register".</summary>
public sealed record ProcurementActDetails(bool? ProcuredUnderAct, bool? LightTouch, bool UserChoiceDirectAward, DateOnly? EnteredIntoOn);
