namespace Commissioning.Infrastructure.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }
    public string Password { get; set; } = "care-register-demo";

    public static readonly IReadOnlyList<(string Email, string Name, string Role)> Users =
    [
        ("commissioner@demo.test", "Julie Gonda (demo commissioner)", Identity.Roles.Commissioner),
        ("secretary@demo.test", "Board secretary (demo)", Identity.Roles.BoardSecretary),
        ("finance@demo.test", "Finance officer (demo)", Identity.Roles.FinanceOfficer),
        ("viewer@demo.test", "Internal audit (demo viewer)", Identity.Roles.Viewer),
        ("admin@demo.test", "Administrator (demo)", Identity.Roles.Administrator),
    ];
}
