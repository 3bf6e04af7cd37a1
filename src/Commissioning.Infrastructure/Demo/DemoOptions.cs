namespace Commissioning.Infrastructure.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }
    public string Password { get; set; } = "care-register-demo";
    /// <summary>Generated contracts added to the demo, to see the app at a large council's scale (10,000 is one).</summary>
    public int ExtraContracts { get; set; }

    /// <summary>The description every generated contract carries: how the seeder (and a test) tells them from the rest.</summary>
    public const string GeneratedMarker = "Generated demo contract (Demo:ExtraContracts).";

    public static readonly IReadOnlyList<(string Email, string Name, string Role)> Users =
    [
        // Fictional people. The papers' own officers are not users: their contracts keep the names the papers give.
        ("commissioner@demo.test", "Sarah Okafor", Identity.Roles.Commissioner),
        ("secretary@demo.test", "Daniel Hughes", Identity.Roles.BoardSecretary),
        ("finance@demo.test", "Aisha Rahman", Identity.Roles.FinanceOfficer),
        ("viewer@demo.test", "Tom Whitfield", Identity.Roles.Viewer),
        ("admin@demo.test", "Gareth Lloyd", Identity.Roles.Administrator),
    ];
}
