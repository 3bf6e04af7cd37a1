namespace Commissioning.Web.Setup;

/// <summary>
/// The settings the app will not start without outside Development (decision 0020). All the missing ones are named
/// in one message, so a council's IT team does not find them one start-up at a time.
/// </summary>
public static class ProductionSettings
{
    private static readonly (string Key, string Why)[] Required =
    [
        (PublicAddress.Setting, "the register's public address, as people type it (for example https://register.council.gov.uk); " +
            "links, calendar addresses and calendar event ids are built on it."),
        (DataProtectionSetup.CertificatePathSetting, "a PFX file whose certificate encrypts the Data Protection keys stored in the database " +
            $"(its password in {DataProtectionSetup.CertificatePasswordSetting}); without it anyone who can read the database or a backup could forge a sign-in."),
    ];

    public static void Check(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment()) return;
        var missing = Required.Where(r => string.IsNullOrWhiteSpace(configuration[r.Key])).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException(string.Join(" ", missing.Select(m => $"{m.Key} must be set outside Development: {m.Why}")));
    }
}
