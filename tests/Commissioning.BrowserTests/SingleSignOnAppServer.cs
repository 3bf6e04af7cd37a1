using System.Diagnostics;
using System.Text.Json;

namespace Commissioning.BrowserTests;

[CollectionDefinition(Name)]
public sealed class SingleSignOnCollection : ICollectionFixture<SingleSignOnAppServer>
{
    public const string Name = "Browser with council sign-in";
}

/// <summary>
/// The app with council single sign-on pointed at a real OpenID Connect provider: oidc-provider
/// (tests/oidc-provider/provider.mjs), run by Node on 127.0.0.1 for these tests and stopped after them.
/// Its development sign-in page takes any login name; the name picks a person from <see cref="People"/>.
/// </summary>
public sealed class SingleSignOnAppServer : AppServer
{
    public const string ClientId = "commissioning-register";
    // A test secret for a test provider that lives for one test run on 127.0.0.1.
    private const string ClientSecret = "test-only-client-secret";

    /// <summary>Group ids as Entra ID gives them (object ids); each mapped to a role below.</summary>
    public const string CommissionersGroup = "6f1c2f4e-0c44-4c55-9b2a-commissioner";
    public const string SecretariesGroup = "0d3b9a7e-51f0-4e7b-8c1d-boardsecretary";
    public const string ViewersGroup = "9a4e7c11-2b6d-4f3a-a8e0-viewers";
    public const string UnrelatedGroup = "44d0c0de-7777-4e3a-b0b0-all-staff";

    private readonly int providerPort = FreePort();
    private readonly string accountsFile = Path.Combine(Path.GetTempPath(), $"oidc-accounts-{Guid.NewGuid():N}.json");
    private readonly Dictionary<string, Person> people = [];
    private Process? node;

    public sealed record Person(string Email, string Name, string[] Groups, bool EmailVerified = true);

    public Uri ProviderAddress => new($"http://127.0.0.1:{providerPort}/");

    protected override IEnumerable<(string Key, string Value)> Settings =>
    [
        ("Authentication:Oidc:Authority", $"http://127.0.0.1:{providerPort}"),
        ("Authentication:Oidc:ClientId", ClientId),
        ("Authentication:Oidc:ClientSecret", ClientSecret),
        ("Authentication:Oidc:RequireHttpsMetadata", "false"),
        ("Authentication:Oidc:RoleGroups:Commissioner", CommissionersGroup),
        // The role's own name, space and all, works as a key as well as BoardSecretary.
        ("Authentication:Oidc:RoleGroups:Board secretary", SecretariesGroup),
        ("Authentication:Oidc:RoleGroups:Viewer", ViewersGroup),
    ];

    /// <summary>Puts a person in the provider's directory, or changes their groups; read at their next sign-in.</summary>
    public void SetPerson(string login, Person person)
    {
        lock (people)
        {
            people[login] = person;
            var json = people.ToDictionary(p => p.Key, p => new { email = p.Value.Email, name = p.Value.Name, groups = p.Value.Groups, email_verified = p.Value.EmailVerified });
            File.WriteAllText(accountsFile, JsonSerializer.Serialize(json));
        }
    }

    public override async Task InitializeAsync()
    {
        File.WriteAllText(accountsFile, "{}");
        await base.InitializeAsync();
        node = await StartProviderAsync(new Uri(BaseAddress, "signin-oidc"));
    }

    public override async Task DisposeAsync()
    {
        if (node is { HasExited: false })
        {
            node.Kill(entireProcessTree: true);
            await node.WaitForExitAsync();
        }
        node?.Dispose();
        File.Delete(accountsFile);
        await base.DisposeAsync();
    }

    private async Task<Process> StartProviderAsync(Uri redirectUri)
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "oidc-provider");
        if (!File.Exists(Path.Combine(folder, "node_modules", "oidc-provider", "package.json")))
            throw new InvalidOperationException($"oidc-provider is not installed in {folder}: run build/prerequisites.sh");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "provider.mjs", "--port", providerPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--client-id", ClientId, "--client-secret", ClientSecret, "--redirect-uri", redirectUri.ToString(), "--accounts", accountsFile,
        })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node");
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("listening ", StringComparison.Ordinal) == true) listening.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The OpenID provider stopped: {errors}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Console.WriteLine($"Council sign-in tests: OpenID provider at {ProviderAddress}");
        return process;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Commissioning.sln"))) return dir.FullName;
        throw new InvalidOperationException("Commissioning.sln not found above " + AppContext.BaseDirectory);
    }
}
