using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Commissioning.Infrastructure.KeyDates;

/// <summary>
/// One certificate the mail relay may present that this machine does not trust: the tests' own self-signed one.
/// Registered in code by tests only and never read from configuration, so no setting can turn the relay's
/// certificate check off. Production relies on the machine's trust store (a council CA is installed there).
/// </summary>
public sealed class TrustedRelayCertificate(X509Certificate2 certificate)
{
    public X509Certificate2 Certificate { get; } = certificate;

    /// <summary>Passes what the machine trusts, and this exact certificate when its only fault is an unknown issuer.</summary>
    public bool Check(object sender, X509Certificate? presented, X509Chain? chain, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None
        || (errors == SslPolicyErrors.RemoteCertificateChainErrors && presented is not null
            && presented.GetRawCertData().AsSpan().SequenceEqual(Certificate.RawData));
}
