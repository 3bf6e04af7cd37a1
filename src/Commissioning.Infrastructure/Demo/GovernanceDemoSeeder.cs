using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Governance;
using Commissioning.Infrastructure.Data;

namespace Commissioning.Infrastructure.Demo;

/// <summary>
/// The papers' governance: Persona's renewal route and its issued Strategic Commissioning Board
/// cover sheet of 01 March 2021 (000), the Local Care Organisation's "Form and Function" sheet for
/// the board of 05 October 2020, a paper not about a contract decision (001), Leicestershire's Help
/// to Live at Home route from scrutiny to Cabinet (002), Kent's Cabinet Member decision 17/00030b
/// (004) and the B&amp;NES single member decision E 3270 (003). One extension decision on a generated contract is
/// on its way to a board a few weeks from today, with a draft cover sheet, so the forward plan and
/// the key-dates dashboard have something current to show. Dates the papers do not give are marked
/// illustrative in the step's minute.
/// </summary>
internal sealed class GovernanceDemoSeeder(CommissioningDbContext db, IClock clock)
{
    private readonly Dictionary<string, DecisionBody> _bodies = [];

    public async Task SeedAsync()
    {
        var contracts = await db.Contracts.ToDictionaryAsync(c => c.Reference);
        var secretary = await db.Users.Where(u => u.Email == "secretary@demo.test")
            .Select(u => new Actor(u.Id, u.DisplayName)).SingleAsync();
        await SeedBodiesAsync();

        await SeedPersonaAsync(contracts["SC-2021-0001"], secretary);
        await SeedLcoAsync(secretary);
        await SeedLeicestershireAsync(contracts["SC-2016-0001"]);
        await SeedKentAsync(contracts["SC-2017-0001"]);
        await SeedBathAsync(contracts["SC-2021-0003"]);
        await SeedUpcomingAsync(contracts.Values);
    }

    private async Task SeedBodiesAsync()
    {
        (string Name, DecisionBodyKind Kind)[] bodies =
        [
            ("Community Commissioning Management Team (CCMT)", DecisionBodyKind.ManagementTeam),
            ("Executive Board", DecisionBodyKind.ExecutiveBoard),
            ("Strategic Commissioning Board", DecisionBodyKind.StrategicCommissioningBoard),
            ("Health Scrutiny", DecisionBodyKind.HealthScrutiny),
            ("Cabinet", DecisionBodyKind.Cabinet),
            ("Social Care, Health and Wellbeing DMT", DecisionBodyKind.ManagementTeam),
            ("Adult Social Care Cabinet Committee", DecisionBodyKind.Other),
            ("Cabinet Member for Adult Social Care", DecisionBodyKind.CabinetMember),
            ("Cabinet Member for Adult Services", DecisionBodyKind.CabinetMember),
            ("Director of Adult Social Care", DecisionBodyKind.DelegatedDirector),
            ("Adults and Communities Overview and Scrutiny Committee", DecisionBodyKind.Other),
        ];
        foreach (var (name, kind) in bodies) _bodies[name] = new DecisionBody(name, kind);
        db.DecisionBodies.AddRange(_bodies.Values);
        await db.SaveChangesAsync();
    }

    private async Task SeedPersonaAsync(Contract persona, Actor secretary)
    {
        var scb = new Meeting(_bodies["Strategic Commissioning Board"], new DateOnly(2021, 3, 1));
        db.Meetings.Add(scb);
        var decision = new ContractDecision(persona.Id, new DecisionDetails(DecisionKind.Renewal,
            "Persona Care and Support Limited - Contract Renewal 1st April 2021 - 31st March 2031", IsKeyDecision: true));
        db.ContractDecisions.Add(decision);
        await db.SaveChangesAsync();

        decision.AddStep(_bodies["Community Commissioning Management Team (CCMT)"], new DateOnly(2021, 2, 2), GovernanceAction.Recommend);
        decision.AddStep(_bodies["Executive Board"], new DateOnly(2021, 2, 15), GovernanceAction.Approve);
        decision.AddStep(scb, GovernanceAction.Receive);
        decision.AddStep(_bodies["Health Scrutiny"], new DateOnly(2021, 3, 2), GovernanceAction.Consider);
        decision.AddStep(_bodies["Cabinet"], new DateOnly(2021, 3, 24), GovernanceAction.Decide);
        decision.RecordOutcome(1, StepOutcome.Recommended, null, clock.Today);
        decision.RecordOutcome(2, StepOutcome.Approved, "The Executive Board approved the proposal to renew the contract for 10 years from 1 April 2021.", clock.Today);
        var item = scb.AddItem(decision, GovernanceAction.Receive);
        await db.SaveChangesAsync();

        // The sheet as it went into the pack, a week before the meeting, with the route as it stood then.
        var sheet = CoverSheet.Create(scb, item, decision, PersonaSheet());
        var issuedOn = new DateOnly(2021, 2, 22);
        sheet.Issue(decision, secretary, issuedOn.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), issuedOn);
        db.CoverSheets.Add(sheet);

        // What happened afterwards: the board received it, scrutiny considered it, Cabinet decided.
        decision.RecordOutcome(3, StepOutcome.Noted, null, clock.Today);
        decision.RecordOutcome(4, StepOutcome.Noted, null, clock.Today);
        decision.RecordOutcome(5, StepOutcome.Approved, "Cabinet approved the renewal.", clock.Today);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// 001: "Form and Function of the Local Care Organisation", item 17 at the board of 05 October
    /// 2020, to consider. It is about no contract decision, so its sheet's Governance and Reporting
    /// table is the secretary's to fill, and the paper leaves it empty. The sheet went out before the
    /// register kept it, with the Assurance Framework question and most Implications unanswered and
    /// Yes, No and N/A all ticked for one question: it is recorded as issued, as the paper has it.
    /// </summary>
    private async Task SeedLcoAsync(Actor secretary)
    {
        var scb = new Meeting(_bodies["Strategic Commissioning Board"], new DateOnly(2020, 10, 5));
        var item = scb.AddItem(LcoTitle, GovernanceAction.Consider, "17");
        item.SetPresenter(LcoPresenter);
        db.Meetings.Add(scb);
        await db.SaveChangesAsync();

        var sheet = CoverSheet.Create(scb, item, LcoSheet());
        // Illustrative: a week before the meeting, when the pack went out (the paper gives no date).
        sheet.RecordAsIssued(null, secretary, new DateTime(2020, 9, 28, 10, 0, 0, DateTimeKind.Utc));
        db.CoverSheets.Add(sheet);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// 002: the Help to Live at Home programme's route as the committee's update of 3 November 2015
    /// tells it: the Scrutiny Review Panel's final report to the committee (2 June 2015) and Cabinet
    /// (16 June 2015), Cabinet's approval of the full business case (7 October 2015) and the update
    /// to the committee. The decision is recorded on Lot 1, the contract the programme let first.
    /// </summary>
    private async Task SeedLeicestershireAsync(Contract lot1)
    {
        const string PanelReport = "Final Report of the Scrutiny Review Panel on Help to Live at Home";
        const string BusinessCase = "Full Business Case for the Joint Commissioning of Personal Care Services Provided in the Home (Help to Live at Home Programme)";
        var committee = _bodies["Adults and Communities Overview and Scrutiny Committee"];
        var cabinet = _bodies["Cabinet"];
        Meeting[] meetings =
        [
            new(committee, new DateOnly(2015, 6, 2)),
            new(cabinet, new DateOnly(2015, 6, 16)),
            new(cabinet, new DateOnly(2015, 10, 7)),
            new(committee, new DateOnly(2015, 11, 3)),
        ];
        db.Meetings.AddRange(meetings);
        var decision = new ContractDecision(lot1.Id, new DecisionDetails(DecisionKind.Award, BusinessCase, IsKeyDecision: true));
        db.ContractDecisions.Add(decision);
        await db.SaveChangesAsync();

        (GovernanceAction Action, string Title, StepOutcome Outcome, string Minute)[] steps =
        [
            (GovernanceAction.Consider, PanelReport, StepOutcome.Noted,
                "The Scrutiny Review Panel's final report was presented to the Committee."),
            (GovernanceAction.Consider, PanelReport, StepOutcome.Noted,
                "The Scrutiny Review Panel's final report was presented to Cabinet; its recommendations are embedded in the programme's design and delivery."),
            (GovernanceAction.Decide, BusinessCase, StepOutcome.Approved,
                "Cabinet approved the full business case and authorised the Director of Adults and Communities, in consultation with the County Solicitor, " +
                "to negotiate and enter into Section 75 arrangements with the ELR and WL CCGs and, once they are concluded, to procure and award contracts from September 2016."),
            (GovernanceAction.Note, BusinessCase, StepOutcome.Noted,
                "The Director of Adults and Communities updated the Committee on the full business case and the move to procurement."),
        ];
        foreach (var (meeting, step) in meetings.Zip(steps))
        {
            decision.AddStep(meeting, step.Action);
            meeting.AddItem(step.Title, step.Action, contractDecisionId: decision.Id);
        }
        for (var position = 1; position <= steps.Length; position++)
            decision.RecordOutcome(position, steps[position - 1].Outcome, steps[position - 1].Minute, clock.Today);
        await db.SaveChangesAsync();
    }

    private async Task SeedKentAsync(Contract continuation)
    {
        var decision = new ContractDecision(continuation.Id, new DecisionDetails(DecisionKind.Continuation,
            "Community Support Services - Homecare contract continuation or variation through mutual negotiation",
            DecisionReference: "17/00030b", IsKeyDecision: true, HasExemptAppendix: true));
        db.ContractDecisions.Add(decision);
        await db.SaveChangesAsync();
        decision.AddStep(_bodies["Social Care, Health and Wellbeing DMT"], new DateOnly(2017, 5, 31), GovernanceAction.Consider);
        decision.AddStep(_bodies["Strategic Commissioning Board"], new DateOnly(2017, 6, 7), GovernanceAction.Consider);
        decision.AddStep(_bodies["Adult Social Care Cabinet Committee"], new DateOnly(2017, 6, 9), GovernanceAction.Consider);
        decision.AddStep(_bodies["Cabinet Member for Adult Social Care"], new DateOnly(2017, 6, 26), GovernanceAction.Decide);
        decision.RecordOutcome(1, StepOutcome.Recommended, "Illustrative date: the paper says May 2017.", clock.Today);
        decision.RecordOutcome(2, StepOutcome.Noted, null, clock.Today);
        decision.RecordOutcome(3, StepOutcome.Recommended, null, clock.Today);
        decision.RecordOutcome(4, StepOutcome.Approved,
            "Agreed to continue service provision on the existing terms through to 31 May 2019 (illustrative date: the paper gives none).", clock.Today);
        await db.SaveChangesAsync();
    }

    private async Task SeedBathAsync(Contract bnes)
    {
        var decision = new ContractDecision(bnes.Id, new DecisionDetails(DecisionKind.Award,
            "Specialist mental health care and support for adults (18-64s)", ForwardPlanReference: "E 3270", IsKeyDecision: true));
        db.ContractDecisions.Add(decision);
        await db.SaveChangesAsync();
        decision.AddStep(_bodies["Cabinet Member for Adult Services"], new DateOnly(2021, 3, 13), GovernanceAction.Decide);
        decision.RecordOutcome(1, StepOutcome.Approved,
            "Single member decision by Cllr Appleyard, on or after 13 March 2021: approved the commissioning arrangements; annual funding decisions delegated to the Director of Adult Social Care.", clock.Today);
        await db.SaveChangesAsync();
    }

    /// <summary>An extension going to the board in a few weeks: the forward plan's key decision and a draft cover sheet.
    /// Only a generated contract (numbered from 100) is chosen, so the papers' contracts keep the papers' routes.</summary>
    private async Task SeedUpcomingAsync(IEnumerable<Contract> contracts)
    {
        var today = clock.Today;
        var contract = contracts
            .Where(c => c.Reference.StartsWith("SC-", StringComparison.Ordinal) && c.Reference.Length == 12 && c.Reference[9] == '1' && c.AwardedOn is not null
                        && c.NextExtensionOption() is not null && c.CurrentEndDate > today)
            .OrderBy(c => c.CurrentEndDate).FirstOrDefault();
        if (contract is null) return;

        var board = new Meeting(_bodies["Strategic Commissioning Board"], today.AddDays(17));
        var team = new Meeting(_bodies["Community Commissioning Management Team (CCMT)"], today.AddDays(-7));
        db.Meetings.AddRange(board, team);
        var decision = new ContractDecision(contract.Id, new DecisionDetails(DecisionKind.Extension,
            $"{contract.Title} - exercise of the first extension option", IsKeyDecision: true));
        db.ContractDecisions.Add(decision);
        await db.SaveChangesAsync();

        decision.AddStep(team, GovernanceAction.Recommend);
        decision.AddStep(board, GovernanceAction.Approve);
        decision.RecordOutcome(1, StepOutcome.Recommended, null, today);
        team.AddItem(decision, GovernanceAction.Recommend, "4");
        var item = board.AddItem(decision, GovernanceAction.Approve, "7");
        await db.SaveChangesAsync();

        db.CoverSheets.Add(CoverSheet.Create(board, item, decision, new CoverSheetContent
        {
            PresentedBy = "Will Blandamer, Executive Director of Strategic Commissioning",
            Author = "Julie Gonda, Director of Community Commissioning (DASS)",
            ExecutiveSummary = $"This report asks the Board to approve the first 12-month extension option of {contract.Title}, " +
                               $"currently due to end on {Dates.Long(contract.CurrentEndDate)}.",
            Recommendations = ["Approve the exercise of the first 12-month extension option."],
        }));
        await db.SaveChangesAsync();
    }

    private const string LcoTitle = "Form and Function of the Local Care Organisation";
    private const string LcoPresenter = "Will Blandamer, Executive Director of Strategic Commissioning";

    /// <summary>
    /// The LCO sheet's fields as published in 001, without the paper's HTML. "Choose an item." for
    /// the strategic objectives and the Assurance Framework question: neither chosen. No Clinical or
    /// Council Lead, no Additional details, no earlier meetings.
    /// </summary>
    private static CoverSheetContent LcoSheet() => new()
    {
        Action = GovernanceAction.Consider,
        IsConfidential = false,
        Title = LcoTitle,
        PresentedBy = LcoPresenter,
        Author = LcoPresenter,
        ExecutiveSummary = string.Join("\n\n",
            "The purpose of this paper is to consider the organisational form for the Local Care Organisation (LCO) in Bury.",
            "The LCO has been operating as an alliance partnership in Bury for some time and have made a valuable contribution in bringing a focus on the integration of community based health and care services in the borough, and taking lead responsibility for a number of the recovery and transformation programmes of work.",
            "Leadership from both CO and LCO in Bury consider it important to clarify for the medium term, the form of the LCO, in order to provide certainty and to allow the LCO to focus on delivery. Likewise, partners within the LCO have recognised the need to address the LCO's organisational form at various points since its inception but only recently has there been a consensus that the sustainability and effectiveness of the LCO require a conclusion to be drawn on organisational form."),
        Recommendations =
        [
            "is invited to receive the paper and comment on the rationale and description of the lead provider role for the LCO",
            "is invited to note the next steps being taken and to provide comment.",
        ],
        Answers =
        [
            // The paper ticks all three boxes here.
            ImplicationAnswer.TickAsThePaperHasIt(ImplicationQuestions.PublicPatientServiceUser, YesNoNa.Yes, YesNoNa.No, YesNoNa.NotApplicable),
            ImplicationAnswer.Tick(ImplicationQuestions.ScrutinyInterest, YesNoNa.Yes),
        ],
    };

    /// <summary>The Persona sheet's fields as published in 000 (the "Links to Strategic Objectives" box says "Choose an item.": none chosen).</summary>
    private static CoverSheetContent PersonaSheet() => new()
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
        // The published sheet answers Yes and leaves the template's prompt in the box.
        AddressesAssuranceFrameworkRisk = true,
        AssuranceFrameworkRisk = "Add details here.",
        Answers =
        [
            ImplicationAnswer.Tick(ImplicationQuestions.QualitySafeguarding, YesNoNa.No),
            ImplicationAnswer.Tick(ImplicationQuestions.Engagement, YesNoNa.No),
            ImplicationAnswer.Tick(ImplicationQuestions.Consultation, YesNoNa.NotApplicable),
            ImplicationAnswer.Tick(ImplicationQuestions.ConflictsOfInterest, YesNoNa.No),
            ImplicationAnswer.Tick(ImplicationQuestions.Financial, YesNoNa.Yes),
            ImplicationAnswer.Tick(ImplicationQuestions.Legal, YesNoNa.Yes),
            ImplicationAnswer.Tick(ImplicationQuestions.HealthAndSafety, YesNoNa.No),
            ImplicationAnswer.Write(ImplicationQuestions.HealthAndWellbeingStrategy,
                "The proposals to renew a contract with our Local Authority Trading Company focused on providing high quality care aligns to the Health and Wellbeing strategy."),
            ImplicationAnswer.Write(ImplicationQuestions.LocalityPlan,
                "The proposals to renew a contract with our Local Authority Trading Company focused on providing high quality care aligns to the Locality Plan."),
            ImplicationAnswer.Write(ImplicationQuestions.CommissioningStrategy,
                "The proposals align to the commissioning strategy well as the main objective is to deliver an 'outcomes' focused contract. Supporting the future ambition to innovate service delivery and meet the changing needs of partners and customers. The benefit of this approach will give the Council, Persona and our wider partners a more sustainable commissioning platform on which to develop new and innovative services, sustain a quality and committed workforce and allow opportunities for external funding, broader business development and build on community assets, realising social value, which in turn will benefit the customers and the people of Bury whilst delivering value for money."),
            ImplicationAnswer.Tick(ImplicationQuestions.PublicPatientServiceUser, YesNoNa.Yes),
            ImplicationAnswer.Write(ImplicationQuestions.HealthInequalities,
                "Persona like any care provider in Bury are focused on delivering the best quality care and support to those who need it. This is based on a person's needs and aspirations, putting the person at the heart of delivery is important to Persona. Also working across the neighbourhood footprint and where possible linking in to community groups to help support and develop communities in order to reduce health inequalities is important to Persona."),
            ImplicationAnswer.Tick(ImplicationQuestions.ScrutinyInterest, YesNoNa.Yes),
            ImplicationAnswer.Write(ImplicationQuestions.InformationGovernance,
                "Persona have appropriate information governance standards in place and this is detailed in the contract requirements."),
            ImplicationAnswer.Tick(ImplicationQuestions.ImpactAssessmentRequired, YesNoNa.Yes),
            ImplicationAnswer.Tick(ImplicationQuestions.ImpactAssessmentCompleted, YesNoNa.Yes),
            ImplicationAnswer.Tick(ImplicationQuestions.AssociatedRisks, YesNoNa.No),
            ImplicationAnswer.Tick(ImplicationQuestions.RiskRegister, YesNoNa.NotApplicable),
        ],
    };
}
