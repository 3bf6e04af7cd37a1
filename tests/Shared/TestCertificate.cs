using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Commissioning.Tests.Shared;

/// <summary>
/// A self-signed certificate for the test hosts' Data Protection keys (outside Development the app will not start
/// without one: decision 0020). Made once per test run, as a PFX with a password in the temp folder, deleted at exit.
/// Linked into the Web and browser test projects.
/// </summary>
public static class TestCertificate
{
    // A test password for a throw-away certificate that lives for one test run.
    public const string Password = "test-only-certificate-password";

    private static readonly Lazy<string> File = new(() => Create("Commissioning test keys"));

    /// <summary>The run's PFX file.</summary>
    public static string Path => File.Value;

    /// <summary>The settings that give a test host the run's certificate.</summary>
    public static IEnumerable<(string Key, string Value)> Settings =>
        [("DataProtection:CertificatePath", Path), ("DataProtection:CertificatePassword", Password)];

    /// <summary>Another certificate (its own file, same password), for a test of changing certificates.</summary>
    public static string Create(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"commissioning-test-{Guid.NewGuid():N}.pfx");
        System.IO.File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.File.Delete(path);
        return path;
    }
}
