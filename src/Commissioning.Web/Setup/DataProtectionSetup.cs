using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Commissioning.Web.Setup;

/// <summary>
/// The Data Protection key ring (it signs sign-in cookies, antiforgery tokens, reset links and calendar addresses) is
/// kept in the database, so every instance shares it. Without encryption anyone who reads the database or a backup
/// could forge a session: the keys are encrypted with a certificate's public key before they are stored (decision 0020).
/// <c>DataProtection:CertificatePath</c> / <c>CertificatePassword</c> name a PFX; required outside Development.
/// To change certificates, the old one goes in <c>DataProtection:PreviousCertificatePath</c> / <c>PreviousCertificatePassword</c>
/// until every key it encrypted has expired (keys last 90 days).
/// </summary>
public static class DataProtectionSetup
{
    public const string Section = "DataProtection";
    public const string CertificatePathSetting = Section + ":CertificatePath";
    public const string CertificatePasswordSetting = Section + ":CertificatePassword";
    public const string PreviousCertificatePathSetting = Section + ":PreviousCertificatePath";
    public const string PreviousCertificatePasswordSetting = Section + ":PreviousCertificatePassword";

    public static IServiceCollection AddCommissioningDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ProductionSettings.Check(configuration, environment);
        var keys = services.AddDataProtection().SetApplicationName("Commissioning").PersistKeysToDbContext<CommissioningDbContext>();
        var certificate = Load(configuration, CertificatePathSetting, CertificatePasswordSetting);
        // Development only (ProductionSettings): the keys are stored as they are.
        if (certificate is null) return services;
        keys.ProtectKeysWithCertificate(certificate);
        if (Load(configuration, PreviousCertificatePathSetting, PreviousCertificatePasswordSetting) is { } previous)
            keys.UnprotectKeysWithAnyCertificate(previous);
        return services;
    }

    /// <summary>The certificate, with its private key (to read the keys back), or null when the path is not set.</summary>
    private static X509Certificate2? Load(IConfiguration configuration, string pathSetting, string passwordSetting)
    {
        var path = configuration[pathSetting]?.Trim();
        if (string.IsNullOrEmpty(path)) return null;
        if (!File.Exists(path))
            throw new InvalidOperationException($"{pathSetting} is \"{path}\", but there is no such file (or the app may not read it).");
        X509Certificate2 certificate;
        try
        {
            // The private key stays in memory only: nothing is written to the machine's certificate stores.
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[passwordSetting], X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"{pathSetting} \"{path}\" could not be opened with the password in {passwordSetting}: the password is wrong or the file is not a PFX ({e.Message}).", e);
        }
        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
            throw new InvalidOperationException($"{pathSetting} \"{path}\" must hold an RSA certificate with its private key: without it the stored keys cannot be read back.");
        return certificate;
    }
}
