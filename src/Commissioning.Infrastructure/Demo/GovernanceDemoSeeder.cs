using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Governance;
using Commissioning.Infrastructure.Data;

namespace Commissioning.Infrastructure.Demo;

/// <summary>
/// The papers' governance: Persona's renewal route and its issued Strategic Commissioning Board
/// cover sheet of 01 March 2021 (000), Kent's Cabinet Member decision 17/00030b (004) and the
/// B&amp;NES single member decision E 3270 (003). One extension decision on a generated contract is
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
