namespace Commissioning.Domain.Governance;

/// <summary>What kind of decision-making body a step goes to.</summary>
public enum DecisionBodyKind
{
    ManagementTeam,
    ExecutiveBoard,
    StrategicCommissioningBoard,
    HealthScrutiny,
    Cabinet,
    /// <summary>One cabinet member deciding alone: a "Single Member Decision" (B&amp;NES E 3270, Kent 17/00030b).</summary>
    CabinetMember,
    /// <summary>An officer deciding under delegated authority (B&amp;NES 2.2: "delegate ... to the Director of Adult Social Care").</summary>
    DelegatedDirector,
    /// <summary>Anything else a paper passes through: a cabinet committee, full council (Kent's "Adult Social Care Cabinet Committee").</summary>
    Other,
}

/// <summary>The lifecycle event a contract decision authorises.</summary>
public enum DecisionKind { Award, Renewal, Extension, Variation, Continuation, Termination }

/// <summary>What a paper asks of a meeting, in the papers' own verbs.</summary>
public enum GovernanceAction { Approve, Receive, Note, Consider, Recommend, Decide }

/// <summary>What the meeting did with it; <see cref="Pending"/> until recorded.</summary>
public enum StepOutcome { Pending, Recommended, Approved, Noted, Deferred, Rejected }

/// <summary>The three boxes beside each Implications question.</summary>
public enum YesNoNa { Yes, No, NotApplicable }

/// <summary>How an Implications question is answered on the sheet: ticking a box or writing.</summary>
public enum AnswerKind { YesNoNa, FreeText }

public enum CoverSheetVersionStatus { Draft, Issued }

/// <summary>The words the papers use for the governance enums, and their date style.</summary>
public static class GovernanceText
{
    public static string ToText(this DecisionBodyKind kind) => kind switch
    {
        DecisionBodyKind.ManagementTeam => "Management team",
        DecisionBodyKind.ExecutiveBoard => "Executive Board",
        DecisionBodyKind.StrategicCommissioningBoard => "Strategic Commissioning Board",
        DecisionBodyKind.HealthScrutiny => "Health Scrutiny",
        DecisionBodyKind.Cabinet => "Cabinet",
        DecisionBodyKind.CabinetMember => "Cabinet Member (single member decision)",
        DecisionBodyKind.DelegatedDirector => "Director (delegated authority)",
        _ => "Other",
    };

    public static string ToText(this DecisionKind kind) => kind.ToString();

    public static string ToText(this GovernanceAction action) => action.ToString();

    public static string ToText(this StepOutcome outcome) => outcome.ToString();

    public static string ToText(this YesNoNa answer) => answer == YesNoNa.NotApplicable ? "N/A" : answer.ToString();
}
