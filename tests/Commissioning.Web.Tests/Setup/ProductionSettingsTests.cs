using System.Net;
using Commissioning.Tests.Shared;
using Commissioning.Web.Setup;
using Commissioning.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Commissioning.Web.Tests.Setup;

/// <summary>
/// Issue 14 (decision 0020): outside Development the app will not start without its public address (App:BaseUrl) or
/// the certificate that encrypts its Data Protection keys, and says which setting is missing. The test environment
/// is not Development, so every test host supplies both (<see cref="CommissioningFactory"/>, <see cref="TestCertificate"/>).
/// </summary>
public sealed class ProductionSettingsTests
{
    private static InvalidOperationException StartUpError(params (string Key, string Value)[] settings)
    {
        using var app = CommissioningFactory.With(settings);
        return Assert.Throws<InvalidOperationException>(() => app.CreateClient());
    }

    [Theory]
    [InlineData("")]
    [InlineData("register.council.test")]
    [InlineData("/register")]
    [InlineData("ftp://register.council.test")]
    public void Start_up_without_an_absolute_App_BaseUrl_fails_naming_it(string value)
    {
        var error = StartUpError(("App:BaseUrl", value));

        Assert.Contains("App:BaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_up_without_the_certificate_fails_naming_DataProtection_CertificatePath()
    {
        var error = StartUpError(("DataProtection:CertificatePath", ""));

        Assert.Contains("DataProtection:CertificatePath must be set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_up_without_either_names_both_at_once()
    {
        var error = StartUpError(("App:BaseUrl", " "), ("DataProtection:CertificatePath", ""));

        Assert.Contains("App:BaseUrl must be set outside Development", error.Message, StringComparison.Ordinal);
        Assert.Contains("DataProtection:CertificatePath must be set outside Development", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_file_that_is_not_there_fails_naming_the_path()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.pfx");

        var error = StartUpError(("DataProtection:CertificatePath", missing));

        Assert.Contains($"DataProtection:CertificatePath is \"{missing}\", but there is no such file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_certificate_password_fails_with_a_message_that_says_so()
    {
        var error = StartUpError(("DataProtection:CertificatePassword", "not-the-password"));

        Assert.Contains("could not be opened with the password in DataProtection:CertificatePassword", error.Message, StringComparison.Ordinal);
        Assert.Contains("the password is wrong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Development_the_app_starts_without_either()
    {
        await using var app = CommissioningFactory.With(("App:BaseUrl", ""), ("DataProtection:CertificatePath", ""));
        await using var development = app.WithWebHostBuilder(b => b.UseEnvironment("Development"));

        using var response = await development.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Stored_keys_are_encrypted_and_read_back_after_a_restart_and_a_change_of_certificate()
    {
        await using var first = new CommissioningFactory();
        var secret = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("calendar address");

        await using (var scope = first.OpenDb())
        {
            var key = Assert.Single(await scope.Db.DataProtectionKeys.ToListAsync());
            Assert.Contains("EncryptedData", key.Xml);
            Assert.DoesNotContain("<masterKey", key.Xml);
            Assert.DoesNotContain("unencrypted form", key.Xml);
        }

        // Another instance (or the same after a restart) over the same database, with the same certificate.
        Assert.Equal("calendar address", Unprotect(OnTheSameDatabase(first), secret));
        // A new certificate, with the old one kept to read the keys it encrypted...
        var next = TestCertificate.Create("Commissioning next test keys");
        Assert.Equal("calendar address", Unprotect(OnTheSameDatabase(first,
            ("DataProtection:CertificatePath", next), ("DataProtection:PreviousCertificatePath", TestCertificate.Path),
            ("DataProtection:PreviousCertificatePassword", TestCertificate.Password)), secret));
        // ...and without it the old keys cannot be read: the database alone is not enough.
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
            Unprotect(OnTheSameDatabase(first, ("DataProtection:CertificatePath", next)), secret));
    }

    [Fact]
    public void Proxy_settings_are_read_as_lists_and_replace_the_loopback_default()
    {
        var configured = ForwardedOptions(("Proxy:KnownProxies", "10.0.0.5, 10.0.0.6"), ("Proxy:KnownNetworks:0", "10.1.0.0/16"),
            ("Proxy:KnownNetworks:1", "fd00::/8"), ("App:BaseUrl", "https://register.council.test/"));
        var none = ForwardedOptions();

        Assert.Equal(["10.0.0.5", "10.0.0.6"], configured.KnownProxies.Select(p => p.ToString()));
        Assert.Equal(["10.1.0.0/16", "fd00::/8"], configured.KnownIPNetworks.Select(n => n.ToString()));
        Assert.Equal(["register.council.test"], configured.AllowedHosts);
        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost, configured.ForwardedHeaders);
        // With nothing configured only the app's own machine is believed.
        Assert.All(none.KnownProxies, p => Assert.True(System.Net.IPAddress.IsLoopback(p)));
        Assert.All(none.KnownIPNetworks, n => Assert.True(System.Net.IPAddress.IsLoopback(n.BaseAddress)));
    }

    [Theory]
    [InlineData("Proxy:KnownProxies", "proxy.council.local")]
    [InlineData("Proxy:KnownProxies", "10.0.0.0/24")]
    [InlineData("Proxy:KnownNetworks", "10.0.0.5/99")]
    public void A_proxy_setting_that_is_not_an_address_stops_the_app_naming_it(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ForwardedOptions((key, value)));

        Assert.Contains($"{key}: \"{value}\"", error.Message, StringComparison.Ordinal);
    }

    private static ForwardedHeadersOptions ForwardedOptions(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        using var services = new ServiceCollection().AddProxyTrust(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
    }

    private static CommissioningFactory OnTheSameDatabase(CommissioningFactory first, params (string Key, string Value)[] settings) =>
        CommissioningFactory.With([("ConnectionStrings:Commissioning", first.ConnectionString), .. settings]);

    private static string Unprotect(CommissioningFactory app, string secret)
    {
        using (app)
            return app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret);
    }
}
