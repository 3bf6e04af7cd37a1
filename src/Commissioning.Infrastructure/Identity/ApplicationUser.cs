using Microsoft.AspNetCore.Identity;

namespace Commissioning.Infrastructure.Identity;

public sealed class ApplicationUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;
    /// <summary>Identity's column length for the sign-in address and the user name (the same address).</summary>
    public const int EmailMaxLength = 256;

    public string DisplayName { get; set; } = "";
}

/// <summary>The five roles of the register; names are shown to people and used in policies.</summary>
public static class Roles
{
    public const string Commissioner = "Commissioner";
    public const string BoardSecretary = "Board secretary";
    public const string FinanceOfficer = "Finance officer";
    public const string Viewer = "Viewer";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All = [Commissioner, BoardSecretary, FinanceOfficer, Viewer, Administrator];
}
