using Commissioning.Domain.Governance;
using Commissioning.Domain.Tests.TestData;

namespace Commissioning.Domain.Tests.Governance;

/// <summary>The bodies, meetings and routes of the seed papers, with the ids a database would give them.</summary>
internal static class Gov
{
    public const int PersonaContractId = 12;

    public static DecisionBody Ccmt() => new DecisionBody("Community Commissioning Management Team (CCMT)", DecisionBodyKind.ManagementTeam).WithId(1);
    public static DecisionBody ExecutiveBoard() => new DecisionBody("Executive Board", DecisionBodyKind.ExecutiveBoard).WithId(2);
    public static DecisionBody Scb() => new DecisionBody("Strategic Commissioning Board", DecisionBodyKind.StrategicCommissioningBoard).WithId(3);
    public static DecisionBody HealthScrutiny() => new DecisionBody("Health Scrutiny", DecisionBodyKind.HealthScrutiny).WithId(4);
    public static DecisionBody Cabinet() => new DecisionBody("Cabinet", DecisionBodyKind.Cabinet).WithId(5);

    public static ContractDecision PersonaDecision(int id = 40) =>
        new ContractDecision(PersonaContractId, new DecisionDetails(DecisionKind.Renewal,
            "Persona Care and Support Limited - Contract Renewal 1st April 2021 - 31st March 2031", IsKeyDecision: true)).WithId(id);

    /// <summary>
    /// Persona's route as the 01 March 2021 sheet describes it: CCMT recommended (02/02/2021), the
    /// Executive Board approved (15/02/2021), then the SCB receives it (01/03/2021), Health
    /// Scrutiny considers it (02/03/2021) and Cabinet decides (24/03/2021), those three pending.
    /// </summary>
    public static ContractDecision PersonaRoute()
    {
        var d = PersonaDecision();
        d.AddStep(Ccmt(), Days.On(2021, 2, 2), GovernanceAction.Recommend);
        d.AddStep(ExecutiveBoard(), Days.On(2021, 2, 15), GovernanceAction.Approve);
        d.AddStep(Scb(), Days.On(2021, 3, 1), GovernanceAction.Receive);
        d.AddStep(HealthScrutiny(), Days.On(2021, 3, 2), GovernanceAction.Consider);
        d.AddStep(Cabinet(), Days.On(2021, 3, 24), GovernanceAction.Decide);
        d.RecordOutcome(1, StepOutcome.Recommended, null, Days.On(2021, 2, 2));
        d.RecordOutcome(2, StepOutcome.Approved, "Approved the proposal to renew for 10 years.", Days.On(2021, 2, 15));
        return d;
    }

    /// <summary>The SCB meeting of 01/03/2021 with Persona's paper on its agenda.</summary>
    public static (Meeting Meeting, AgendaItem Item) PersonaScbMeeting(ContractDecision decision, string? itemNumber = null)
    {
        var meeting = new Meeting(Scb(), Days.On(2021, 3, 1)).WithId(7);
        var item = meeting.AddItem(decision, GovernanceAction.Receive, itemNumber).WithId(70);
        return (meeting, item);
    }

    /// <summary>Every answer the Persona sheet gives, as published.</summary>
    public static IReadOnlyList<ImplicationAnswer> PersonaAnswers() =>
    [
        ImplicationAnswer.Tick(ImplicationQuestions.QualitySafeguarding, YesNoNa.No),
        ImplicationAnswer.Tick(ImplicationQuestions.Engagement, YesNoNa.No),
        ImplicationAnswer.Tick(ImplicationQuestions.Consultation, YesNoNa.NotApplicable),
        ImplicationAnswer.Tick(ImplicationQuestions.ConflictsOfInterest, YesNoNa.No),
        ImplicationAnswer.Tick(ImplicationQuestions.Financial, YesNoNa.Yes),
        ImplicationAnswer.Tick(ImplicationQuestions.Legal, YesNoNa.Yes),
        ImplicationAnswer.Tick(ImplicationQuestions.HealthAndSafety, YesNoNa.No),
        ImplicationAnswer.Write(ImplicationQuestions.HealthAndWellbeingStrategy, "The proposals to renew a contract with our Local Authority Trading Company focused on providing high quality care aligns to the Health and Wellbeing strategy."),
        ImplicationAnswer.Write(ImplicationQuestions.LocalityPlan, "The proposals to renew a contract with our Local Authority Trading Company focused on providing high quality care aligns to the Locality Plan."),
        ImplicationAnswer.Write(ImplicationQuestions.CommissioningStrategy, "The proposals align to the commissioning strategy well as the main objective is to deliver an 'outcomes' focused contract."),
        ImplicationAnswer.Tick(ImplicationQuestions.PublicPatientServiceUser, YesNoNa.Yes),
        ImplicationAnswer.Write(ImplicationQuestions.HealthInequalities, "Persona like any care provider in Bury are focused on delivering the best quality care and support to those who need it."),
        ImplicationAnswer.Tick(ImplicationQuestions.ScrutinyInterest, YesNoNa.Yes),
        ImplicationAnswer.Write(ImplicationQuestions.InformationGovernance, "Persona have appropriate information governance standards in place and this is detailed in the contract requirements."),
        ImplicationAnswer.Tick(ImplicationQuestions.ImpactAssessmentRequired, YesNoNa.Yes),
        ImplicationAnswer.Tick(ImplicationQuestions.ImpactAssessmentCompleted, YesNoNa.Yes),
        ImplicationAnswer.Tick(ImplicationQuestions.AssociatedRisks, YesNoNa.No),
        ImplicationAnswer.Tick(ImplicationQuestions.RiskRegister, YesNoNa.NotApplicable),
    ];

    /// <summary>The Persona cover sheet as published on 01 March 2021 (it says Yes to the Assurance Framework question but names no risk).</summary>
    public static CoverSheetContent PersonaSheet() => new()
    {
        Action = GovernanceAction.Receive,
        IsConfidential = false,
        Title = "Persona Care and Support Limited - Contract Renewal 1st April 2021 - 31st March 2031",
        PresentedBy = "Will Blandamer, Executive Director of Strategic Commissioning",
        Author = "Julie Gonda, Director of Community Commissioning (DASS)",
        ClinicalLead = "-",
        CouncilLead = "Cllr Simpson, Communities and Wellbeing",
        ExecutiveSummary = "The purpose of this report is to outline the proposal to renew the contract between Bury Council and Persona Care and Support Limited from 1st April 2021 for a 10-year tenure until 31st March 2031.",
        Recommendations =
        [
            "Receive (information), the report presented to the Executive Board on 15th February 2021 proposing the renewal of the contract between Bury Council and Persona Care and Support Limited for a period of 10 years commencing on 1st April 2021.",
            "Note the Executive Board approved the proposal on 15th February 2021.",
            "Note the report will be presented to Health Scrutiny on 2nd March 2021.",
            "Note the report will be presented at Cabinet on 24th March 2021",
        ],
        AddressesAssuranceFrameworkRisk = true,
        Answers = PersonaAnswers(),
    };

    public static CoverSheetContent CompletePersonaSheet() => PersonaSheet() with { AssuranceFrameworkRisk = "Financial sustainability of commissioned adult social care" };

    /// <summary>The SCB meeting of 05/10/2020 with the LCO paper as item 17, not about a contract decision.</summary>
    public static (Meeting Meeting, AgendaItem Item) LcoScbMeeting()
    {
        var meeting = new Meeting(Scb(), Days.On(2020, 10, 5)).WithId(8);
        var item = meeting.AddItem("Form and Function of the Local Care Organisation", GovernanceAction.Consider, "17").WithId(80);
        return (meeting, item);
    }

    /// <summary>The LCO sheet as published (001): most Implications unticked, Yes, No and N/A all ticked for one question.</summary>
    public static CoverSheetContent LcoSheet() => new()
    {
        Action = GovernanceAction.Consider,
        Title = "Form and Function of the Local Care Organisation",
        PresentedBy = "Will Blandamer, Executive Director of Strategic Commissioning",
        Author = "Will Blandamer, Executive Director of Strategic Commissioning",
        ExecutiveSummary = "The purpose of this paper is to consider the organisational form for the Local Care Organisation (LCO) in Bury.",
        Recommendations =
        [
            "is invited to receive the paper and comment on the rationale and description of the lead provider role for the LCO",
            "is invited to note the next steps being taken and to provide comment.",
        ],
        Answers =
        [
            ImplicationAnswer.TickAsThePaperHasIt(ImplicationQuestions.PublicPatientServiceUser, YesNoNa.Yes, YesNoNa.No, YesNoNa.NotApplicable),
            ImplicationAnswer.Tick(ImplicationQuestions.ScrutinyInterest, YesNoNa.Yes),
        ],
    };
}
