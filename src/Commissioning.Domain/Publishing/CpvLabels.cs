namespace Commissioning.Domain.Publishing;

/// <summary>
/// The English labels of the Common Procurement Vocabulary codes care contracts are let under. Only these: the full
/// vocabulary (over 9,000 codes) is not in the register, and a label must never be guessed, so a code not listed here
/// is published without a label.
/// </summary>
public static class CpvLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["85000000"] = "Health and social work services",
        ["85140000"] = "Miscellaneous health services",
        ["85144000"] = "Residential health facilities services",
        ["85144100"] = "Residential nursing care services",
        ["85300000"] = "Social work and related services",
        ["85310000"] = "Social work services",
        ["85311000"] = "Social work services with accommodation",
        ["85311100"] = "Welfare services for the elderly",
        ["85311200"] = "Welfare services for the handicapped",
        ["85311300"] = "Welfare services for children and young people",
        ["85312000"] = "Social work services without accommodation",
        ["85312100"] = "Daycare services",
        ["85312400"] = "Welfare services not delivered through residential institutions",
        ["85312500"] = "Rehabilitation services",
        ["85320000"] = "Social services",
        ["85323000"] = "Community health services",
    };

    /// <summary>The label of "85311200-4" or "85311200"; null for a code not listed.</summary>
    public static string? For(string? code) =>
        code is { Length: >= 8 } && Labels.TryGetValue(code[..8], out var label) ? label : null;
}
