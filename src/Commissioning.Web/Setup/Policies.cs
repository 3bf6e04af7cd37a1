using Commissioning.Infrastructure.Identity;

namespace Commissioning.Web.Setup;

/// <summary>Who may do what. Every page needs a signed-in user; these add the role checks.</summary>
public static class Policies
{
    public const string EditRegister = "EditRegister";
    public const string ManageUsers = "ManageUsers";
    /// <summary>Agree or return annual value reviews and split funding: finance officers.</summary>
    public const string FinanceDecisions = "FinanceDecisions";
    /// <summary>Savings targets and what they delivered: commissioners and finance officers both own them.</summary>
    public const string EditSavings = "EditSavings";
    /// <summary>Decision-making bodies, meetings, governance routes and cover sheets: board secretaries.</summary>
    public const string EditGovernance = "EditGovernance";
    /// <summary>The list of directorates contracts belong to: administrators.</summary>
    public const string ManageDirectorates = "ManageDirectorates";
    /// <summary>Publish contract data (the Transparency Code file, notices): commissioners, finance officers, administrators.</summary>
    public const string PublishData = "PublishData";

    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(EditRegister, p => p.RequireRole(Roles.Commissioner, Roles.Administrator));
        options.AddPolicy(FinanceDecisions, p => p.RequireRole(Roles.FinanceOfficer, Roles.Administrator));
        options.AddPolicy(EditSavings, p => p.RequireRole(Roles.Commissioner, Roles.FinanceOfficer, Roles.Administrator));
        options.AddPolicy(EditGovernance, p => p.RequireRole(Roles.BoardSecretary, Roles.Administrator));
        options.AddPolicy(ManageUsers, p => p.RequireRole(Roles.Administrator));
        options.AddPolicy(ManageDirectorates, p => p.RequireRole(Roles.Administrator));
        options.AddPolicy(PublishData, p => p.RequireRole(Roles.Commissioner, Roles.FinanceOfficer, Roles.Administrator));
    }
}
