namespace Commissioning.Domain.Publishing;

/// <summary>
/// A contract's Open Contracting ID: the council's registered prefix (configuration <c>Ocds:OcidPrefix</c>, like
/// "ocds-b5fd17"), a hyphen and the register's contract id. The contracts file and the OCDS feed both take it from
/// here so that the two always agree.
/// </summary>
public static class Ocid
{
    /// <summary>"ocds-b5fd17-42"; null when no prefix is configured, since an ocid without one would be meaningless.</summary>
    public static string? For(string? prefix, int contractId) =>
        string.IsNullOrWhiteSpace(prefix) ? null : $"{prefix.Trim().TrimEnd('-')}-{contractId}";
}
