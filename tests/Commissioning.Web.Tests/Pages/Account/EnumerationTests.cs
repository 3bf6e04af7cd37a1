using Commissioning.Infrastructure.Identity;
using Commissioning.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Account;

/// <summary>
/// The sign-in form does not tell whether an address has an account (issue 13, defect 2): an unknown address
/// costs the same password hash as a known one, and every failure answers alike. Counted, not timed.
/// </summary>
public sealed class EnumerationTests
{
    [Fact]
    public async Task An_unknown_email_verifies_a_password_hash_exactly_as_often_as_a_known_one()
    {
        await using var app = new CommissioningFactory();
        var counter = new HashCounter();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(services =>
        {
            services.AddSingleton(counter);
            services.AddScoped<IPasswordHasher<ApplicationUser>, CountingHasher>();
        }));
        HttpClient Client(string address)
        {
            var client = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
            return client;
        }
        // Whatever is made once (the stand-in hash) is made before counting.
        await Client("192.0.2.1").SignInAsync("warm-up@demo.test", "not-the-password");

        counter.Verified = 0;
        var known = await Client("192.0.2.2").SignInAsync(Secretary, "not-the-password");
        var knownVerified = counter.Verified;
        counter.Verified = 0;
        var unknown = await Client("192.0.2.3").SignInAsync("nobody-here@demo.test", "not-the-password");
        var unknownVerified = counter.Verified;

        Assert.Equal(1, knownVerified);
        Assert.Equal(knownVerified, unknownVerified);
        Assert.Equal(known.Status, unknown.Status);
        Assert.Equal(known.ErrorSummary, unknown.ErrorSummary);
        Assert.Equal(known.FieldError("Input-Email"), unknown.FieldError("Input-Email"));
    }

    [Fact]
    public async Task Known_and_unknown_emails_answer_alike_through_repeated_failures()
    {
        await using var app = new CommissioningFactory { Time = new MovableTime(DateTimeOffset.UtcNow) };

        var known = await AttemptsAsync(app.NewClient("192.0.2.10"), Commissioner);
        var unknown = await AttemptsAsync(app.NewClient("192.0.2.11"), "no-such-person@demo.test");

        Assert.Equal(known, unknown);
        // The right password is refused all the same once the throttle holds the account: nothing says it was right.
        Assert.All(known, a => Assert.DoesNotContain("locked", a, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Seven wrong passwords then the demo password, each answer as status and messages.</summary>
    private static async Task<List<string>> AttemptsAsync(HttpClient client, string email)
    {
        var answers = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var page = await client.SignInAsync(email, i < 7 ? $"wrong-password-{i}" : DemoPassword);
            answers.Add($"{(int)page.Status} {string.Join(" | ", page.ErrorSummary)} | {page.FieldError("Input-Email")}");
        }
        return answers;
    }

    public sealed class HashCounter
    {
        public int Verified;
    }

    /// <summary>Identity's own hasher, counting each verification.</summary>
    private sealed class CountingHasher(HashCounter counter) : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _inner = new();

        public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref counter.Verified);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
