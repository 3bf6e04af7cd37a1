using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Commissioning.Infrastructure.Identity;
using Commissioning.Infrastructure.KeyDates;
using Commissioning.Web.Tests.Pages.KeyDates;
using Commissioning.Web.Tests.Support;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Commissioning.Web.Tests.Mail;

/// <summary>
/// The mail transport as the app wires it (AddKeyDates), without the rest of the app: a password reset link sent
/// to a relay on 127.0.0.1 that offers STARTTLS with a self-signed certificate, and AUTH PLAIN, LOGIN or XOAUTH2,
/// with tokens from a fake Microsoft token endpoint.
/// </summary>
public sealed class MailTransportTests : IAsyncLifetime
{
    private const string From = "Cofrestr Comisiynu – Cyngor <register@council.test>";
    private const string Mailbox = "register@council.test";
    private const string Password = "relay-password";
    private const string Link = "https://register.council.test/Account/ResetPassword?user=u-1&token=abc";

    private static readonly ApplicationUser Person = new()
    {
        Id = "u-1", UserName = "sian@council.test", Email = "sian@council.test", DisplayName = "Siân Ní Bhriain-Łukasz",
    };

    private readonly MovableTime _clock = new(new DateTimeOffset(2027, 3, 31, 9, 0, 0, TimeSpan.Zero));
    private readonly List<SmtpSink> _sinks = [];
    private readonly List<ServiceProvider> _providers = [];

    private SmtpSink Sink(SmtpSinkOptions options)
    {
        var sink = new SmtpSink(options);
        _sinks.Add(sink);
        return sink;
    }

    private static SmtpSinkOptions StartTls(string mechanisms = "PLAIN LOGIN XOAUTH2") =>
        new() { Certificate = SelfSignedCertificate.ForLocalhost, Login = (Mailbox, Password), Mechanisms = mechanisms };

    private ServiceProvider Services(SmtpSink sink, bool trust, params (string Key, string Value)[] settings) =>
        Services(sink, trust ? SelfSignedCertificate.ForLocalhost : null, settings);

    private ServiceProvider Services(SmtpSink sink, X509Certificate2? trust, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture), ["Smtp:From"] = From,
            ["Smtp:EnableSsl"] = "true",
        };
        foreach (var (key, value) in settings) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(_clock);
        services.AddKeyDates(configuration);
        services.AddScoped<ResetLinkMail>();
        if (trust is not null) services.AddSingleton(new TrustedRelayCertificate(trust));
        var provider = services.BuildServiceProvider(validateScopes: true);
        _providers.Add(provider);
        return provider;
    }

    private static async Task SendAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ResetLinkMail>().SendAsync(Person, Link, "10:00 on 1 April 2027", CancellationToken.None);
    }

    [Theory]
    [InlineData("PLAIN")]
    [InlineData("LOGIN")]
    public async Task The_reset_link_goes_over_StartTls_signed_in_with_a_password_and_keeps_UTF8_names(string mechanism)
    {
        var sink = Sink(StartTls(mechanism));
        var services = Services(sink, trust: true, ("Smtp:UserName", Mailbox), ("Smtp:Password", Password));

        await SendAsync(services);

        var mail = Assert.Single(sink.Received);
        Assert.True(mail.Encrypted, "the session was not encrypted");
        Assert.Equal(mechanism, mail.Mechanism);
        Assert.Equal(Mailbox, mail.AuthenticatedAs);
        Assert.Equal(Mailbox, mail.From);
        Assert.Equal([Person.Email!], mail.Recipients);
        // Names outside ASCII travel as RFC 2047 encoded words in UTF-8 and read back the same.
        Assert.Contains("=?utf-8?", mail.RawHeader("To"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal($"{Person.DisplayName} <{Person.Email}>", mail.Header("To").Replace("\"", "", StringComparison.Ordinal));
        Assert.Equal(From, mail.Header("From").Replace("\"", "", StringComparison.Ordinal));
        Assert.Equal(ResetLinkMail.Subject, mail.Subject);
        // Plain text first, HTML last, both UTF-8.
        Assert.StartsWith("multipart/alternative", mail.Header("Content-Type"), StringComparison.OrdinalIgnoreCase);
        Assert.True(mail.Raw.IndexOf("text/plain", StringComparison.OrdinalIgnoreCase) < mail.Raw.IndexOf("text/html", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("charset=utf-8", mail.PartHeaders("text/plain"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("charset=utf-8", mail.PartHeaders("text/html"), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith($"Dear {Person.DisplayName},", mail.Text);
        Assert.Contains(Link, mail.Text);
        Assert.Contains($"<p>Dear {WebUtility.HtmlEncode(Person.DisplayName)},</p>", mail.Html);
        Assert.Contains($"href=\"{WebUtility.HtmlEncode(Link)}\"", mail.Html);
    }

    [Fact]
    public async Task Sending_fails_clearly_when_the_relay_does_not_offer_StartTls()
    {
        var sink = Sink(new SmtpSinkOptions());
        var services = Services(sink, trust: true);

        var error = await Assert.ThrowsAsync<MailNotSentException>(() => SendAsync(services));

        Assert.Contains("does not offer STARTTLS", error.Message, StringComparison.Ordinal);
        Assert.Contains("Smtp:EnableSsl", error.Message, StringComparison.Ordinal);
        Assert.Empty(sink.Received);
    }

    [Fact]
    public async Task The_relays_certificate_is_checked_unless_a_test_trusts_that_one_certificate()
    {
        var sink = Sink(StartTls());
        var services = Services(sink, trust: false, ("Smtp:UserName", Mailbox), ("Smtp:Password", Password));

        var error = await Assert.ThrowsAsync<MailNotSentException>(() => SendAsync(services));

        Assert.Contains("certificate", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(sink.Received);
    }

    [Fact]
    public async Task Trusting_one_certificate_does_not_trust_another_with_the_same_names()
    {
        var sink = Sink(StartTls());
        using var other = SelfSignedCertificate.Make();
        var services = Services(sink, other, ("Smtp:UserName", Mailbox), ("Smtp:Password", Password));

        var error = await Assert.ThrowsAsync<MailNotSentException>(() => SendAsync(services));

        Assert.Contains("TLS handshake failed", error.Message, StringComparison.Ordinal);
        Assert.Empty(sink.Received);
    }

    [Fact]
    public async Task OAuth_gets_a_token_from_the_token_endpoint_signs_in_with_XOAUTH2_and_reuses_it_until_shortly_before_it_expires()
    {
        await using var endpoint = await FakeTokenEndpoint.StartAsync();
        var sink = Sink(new SmtpSinkOptions { Certificate = SelfSignedCertificate.ForLocalhost, AcceptsBearer = endpoint.Issued.Contains });
        var services = Services(sink, trust: true, ("Smtp:UserName", Mailbox),
            ("Smtp:OAuth:TenantId", FakeTokenEndpoint.Tenant), ("Smtp:OAuth:ClientId", FakeTokenEndpoint.ClientId),
            ("Smtp:OAuth:ClientSecret", FakeTokenEndpoint.ClientSecret), ("Smtp:OAuth:Authority", endpoint.Authority));

        await SendAsync(services);
        _clock.Advance(TimeSpan.FromMinutes(50));
        await SendAsync(services);

        var (tenant, form) = Assert.Single(endpoint.Requests);
        Assert.Equal(FakeTokenEndpoint.Tenant, tenant);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal("https://outlook.office365.com/.default", form["scope"]);
        Assert.Equal(FakeTokenEndpoint.ClientId, form["client_id"]);
        var token = Assert.Single(endpoint.Issued);
        Assert.Equal(2, sink.Received.Count);
        Assert.All(sink.Received, mail =>
        {
            Assert.True(mail.Encrypted);
            Assert.Equal("XOAUTH2", mail.Mechanism);
            Assert.Equal(Mailbox, mail.AuthenticatedAs);
            Assert.Equal(token, mail.Bearer);
        });

        // The token lasts an hour: five minutes before it ends a new one is fetched.
        _clock.Advance(TimeSpan.FromMinutes(6));
        await SendAsync(services);

        Assert.Equal(2, endpoint.Requests.Count);
        Assert.Equal(endpoint.Issued.Last(), sink.Received[^1].Bearer);
        Assert.NotEqual(token, sink.Received[^1].Bearer);
    }

    [Fact]
    public async Task A_refused_token_request_is_a_clear_error_and_nothing_is_sent()
    {
        await using var endpoint = await FakeTokenEndpoint.StartAsync();
        var sink = Sink(new SmtpSinkOptions { Certificate = SelfSignedCertificate.ForLocalhost, AcceptsBearer = endpoint.Issued.Contains });
        var services = Services(sink, trust: true, ("Smtp:UserName", Mailbox),
            ("Smtp:OAuth:TenantId", FakeTokenEndpoint.Tenant), ("Smtp:OAuth:ClientId", FakeTokenEndpoint.ClientId),
            ("Smtp:OAuth:ClientSecret", "an-expired-secret"), ("Smtp:OAuth:Authority", endpoint.Authority));

        var error = await Assert.ThrowsAsync<MailNotSentException>(() => SendAsync(services));

        Assert.Contains("invalid_client", error.Message, StringComparison.Ordinal);
        Assert.Contains("Smtp:OAuth", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("an-expired-secret", error.Message, StringComparison.Ordinal);
        Assert.Empty(sink.Received);
        Assert.Equal(0, sink.Sessions);
    }

    [Theory]
    [InlineData("Smtp:OAuth needs Smtp:UserName (or Smtp:From)", "Smtp:From", "", "Smtp:OAuth:TenantId", "t", "Smtp:OAuth:ClientId", "c", "Smtp:OAuth:ClientSecret", "s")]
    [InlineData("missing Smtp:OAuth:ClientSecret", "Smtp:OAuth:TenantId", "t", "Smtp:OAuth:ClientId", "c")]
    [InlineData("Smtp:Password or Smtp:OAuth, not both", "Smtp:UserName", Mailbox, "Smtp:Password", "p", "Smtp:OAuth:TenantId", "t", "Smtp:OAuth:ClientId", "c", "Smtp:OAuth:ClientSecret", "s")]
    [InlineData("Smtp:EnableSsl is false", "Smtp:EnableSsl", "false", "Smtp:UserName", Mailbox, "Smtp:Password", "p")]
    [InlineData("Smtp:OAuth:Authority must be an https address", "Smtp:OAuth:TenantId", "t", "Smtp:OAuth:ClientId", "c", "Smtp:OAuth:ClientSecret", "s", "Smtp:OAuth:Authority", "http://login.example.test")]
    [InlineData("Smtp:From is not an e-mail address", "Smtp:From", "the register")]
    [InlineData("Smtp:Password is set but Smtp:UserName is not", "Smtp:Password", "p")]
    [InlineData("Smtp:Port must be from 1 to 65535", "Smtp:Port", "0")]
    public void Settings_that_cannot_work_are_named(string expected, params string[] pairs)
    {
        var settings = pairs.Chunk(2).Select(p => (p[0], p[1])).ToArray();
        var services = Services(Sink(new SmtpSinkOptions()), trust: false, settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SmtpOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, 587, SecureSocketOptions.StartTls)]
    [InlineData(true, 25, SecureSocketOptions.StartTls)]
    [InlineData(true, 465, SecureSocketOptions.SslOnConnect)]
    [InlineData(false, 25, SecureSocketOptions.None)]
    [InlineData(false, 465, SecureSocketOptions.None)]
    public void EnableSsl_means_StartTls_required_or_TLS_from_the_first_byte_on_port_465(bool enableSsl, int port, SecureSocketOptions expected) =>
        Assert.Equal(expected, new SmtpOptions { EnableSsl = enableSsl, Port = port }.Security);

    [Fact]
    public void Without_a_host_nothing_about_mail_is_checked_or_sent()
    {
        var services = Services(Sink(new SmtpSinkOptions()), trust: false, ("Smtp:Host", ""), ("Smtp:OAuth:TenantId", "t"));

        Assert.False(services.GetRequiredService<IOptions<SmtpOptions>>().Value.IsConfigured);
        Assert.False(services.CreateScope().ServiceProvider.GetRequiredService<ResetLinkMail>().CanSend);
    }

    [Fact]
    public async Task OAuth_without_a_mailbox_to_sign_in_as_stops_the_app_at_start_up()
    {
        await using var app = CommissioningFactory.With(("Smtp:Host", "smtp.office365.com"), ("Smtp:From", ""),
            ("Smtp:OAuth:TenantId", "t"), ("Smtp:OAuth:ClientId", "c"), ("Smtp:OAuth:ClientSecret", "s"));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Smtp:OAuth needs Smtp:UserName (or Smtp:From)", error.ToString(), StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers) await provider.DisposeAsync();
        foreach (var sink in _sinks) sink.Dispose();
    }
}
