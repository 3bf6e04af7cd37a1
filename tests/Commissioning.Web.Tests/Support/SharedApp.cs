namespace Commissioning.Web.Tests.Support;

/// <summary>
/// The collections whose test classes share one application (one <see cref="CommissioningFactory"/>,
/// started, migrated and seeded once). A class joins one with <c>[Collection(SharedApp.Contracts)]</c>,
/// takes <c>CommissioningFactory factory</c> in its constructor and starts every test from the seeded
/// database with <c>private readonly CommissioningFactory factory = factory.ResetDatabase();</c>.
/// See docs/testing.md.
/// </summary>
/// <remarks>
/// xunit runs the classes of one collection one after another, and collections side by side on as
/// many threads as the machine has cores (two here). Two shared collections keep both cores busy
/// alongside the collections of their own (key dates, cover sheets, governance, the classes with a
/// specially set-up application) without starting a host per class.
/// </remarks>
public static class SharedApp
{
    /// <summary>The contract pages: register, create, edit and the lifecycle.</summary>
    public const string Contracts = "Shared application: contracts";

    /// <summary>Every other page: sign-in, administration, finance, people, providers, conventions.</summary>
    public const string Register = "Shared application: register";
}

[CollectionDefinition(SharedApp.Contracts)]
public sealed class SharedContractsCollection : ICollectionFixture<CommissioningFactory>;

[CollectionDefinition(SharedApp.Register)]
public sealed class SharedRegisterCollection : ICollectionFixture<CommissioningFactory>;
