using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Governance;
using Commissioning.Domain.Tests.Governance;
using Commissioning.Domain.Tests.TestData;
using static Commissioning.Domain.Tests.TestData.Days;

namespace Commissioning.Domain.Tests.Contracts;

/// <summary>Recording the award makes a contract active, so a recorded decision letting it must be approved first.</summary>
public class AwardTests
{
    private static BlockContract Persona() => A.Block().AwardedOn(null).Build().WithId(Gov.PersonaContractId);

    /// <summary>Persona's renewal with Cabinet's decision recorded: nothing missing.</summary>
    private static ContractDecision Approved()
    {
        var route = Gov.PersonaRoute();
        route.RecordOutcome(3, StepOutcome.Noted, null, On(2021, 3, 1));
        route.RecordOutcome(5, StepOutcome.Approved, "Cabinet approved the renewal.", On(2021, 3, 25));
        return route;
    }

    [Fact]
    public void An_award_on_a_decision_still_waiting_for_cabinet_is_refused_and_names_the_missing_step()
    {
        var contract = Persona();

        var e = Assert.Throws<BusinessRuleException>(() => contract.RecordAward(On(2021, 3, 24), Gov.PersonaRoute()));

        Assert.IsType<DecisionMustBeApprovedRule>(e.Rule);
        Assert.EndsWith("Missing: Cabinet on 24 March 2021 (asked to decide, outcome pending).", e.Message);
        Assert.Null(contract.AwardedOn);
    }

    [Fact]
    public void An_award_on_another_contracts_decision_is_refused()
    {
        var contract = A.Block().AwardedOn(null).Build().WithId(Gov.PersonaContractId + 1);

        var e = Assert.Throws<BusinessRuleException>(() => contract.RecordAward(On(2021, 3, 24), Approved()));

        Assert.IsType<DecisionMustBeForTheContractRule>(e.Rule);
        Assert.Null(contract.AwardedOn);
    }

    [Fact]
    public void An_award_on_an_approved_decision_or_with_none_recorded_is_taken()
    {
        var approved = Persona();
        var noDecision = Persona();

        approved.RecordAward(On(2021, 3, 24), Approved());
        // No decision recorded: its governance may predate the register.
        noDecision.RecordAward(On(2021, 3, 24), lettingDecision: null);

        Assert.Equal(On(2021, 3, 24), approved.AwardedOn);
        Assert.Equal(On(2021, 3, 24), noDecision.AwardedOn);
    }

    [Fact]
    public void Only_a_new_award_date_is_checked_so_saving_other_changes_or_clearing_it_is_not_held_up()
    {
        var contract = Persona();
        contract.RecordAward(On(2021, 3, 24), lettingDecision: null);

        // A later decision waiting for approval does not undo an award already recorded on the same date.
        contract.RecordAward(On(2021, 3, 24), Gov.PersonaRoute());
        Assert.Equal(On(2021, 3, 24), contract.AwardedOn);
        Assert.Throws<BusinessRuleException>(() => contract.RecordAward(On(2021, 3, 25), Gov.PersonaRoute()));
        contract.RecordAward(null, Gov.PersonaRoute());
        Assert.Null(contract.AwardedOn);
    }
}
