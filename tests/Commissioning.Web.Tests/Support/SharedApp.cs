namespace Commissioning.Web.Tests.Support;

/// <summary>
/// The collections whose test classes share one application (one <see cref="CommissioningFactory"/>,
/// started, migrated and seeded once). A class joins the one of its feature with
/// <c>[Collection(SharedApp.Contracts)]</c>, takes <c>CommissioningFactory factory</c> in its constructor and
/// starts every test from the seeded database with
/// <c>private readonly CommissioningFactory factory = factory.ResetDatabase();</c>. See docs/testing.md.
/// </summary>
/// <remarks>
/// xunit runs the classes of one collection one after another and the collections side by side. A test
/// spends much of its time waiting (each save is flushed to disk), so a few collections in flight keep
/// two cores busy where one or two leave them idle; five, one per feature, cost five application starts
/// instead of one per class.
/// </remarks>
public static class SharedApp
{
    /// <summary>The register, creating and editing contracts.</summary>
    public const string Contracts = "Shared application: contracts";

    /// <summary>Extend, vary, continue, renew, terminate, withdraw, award, the timeline.</summary>
    public const string Lifecycle = "Shared application: lifecycle";

    /// <summary>Values, reviews, savings, funding, estimates.</summary>
    public const string Finance = "Shared application: finance";

    /// <summary>Signing in and out, users, display names, directorates, providers.</summary>
    public const string People = "Shared application: people";

    /// <summary>Everything else: the pipeline, policies, form handlers, GOV.UK conventions.</summary>
    public const string Register = "Shared application: register";

    /// <summary>The attacker's probes of every page and form (tests/Commissioning.Web.Tests/Security, docs/security.md).</summary>
    public const string Security = "Shared application: security";
}

[CollectionDefinition(SharedApp.Contracts)]
public sealed class SharedContractsCollection : ICollectionFixture<CommissioningFactory>;

[CollectionDefinition(SharedApp.Lifecycle)]
public sealed class SharedLifecycleCollection : ICollectionFixture<CommissioningFactory>;

[CollectionDefinition(SharedApp.Finance)]
public sealed class SharedFinanceCollection : ICollectionFixture<CommissioningFactory>;

[CollectionDefinition(SharedApp.People)]
public sealed class SharedPeopleCollection : ICollectionFixture<CommissioningFactory>;

[CollectionDefinition(SharedApp.Register)]
public sealed class SharedRegisterCollection : ICollectionFixture<CommissioningFactory>;

[CollectionDefinition(SharedApp.Security)]
public sealed class SharedSecurityCollection : ICollectionFixture<CommissioningFactory>;
