using System.Globalization;

namespace Commissioning.BrowserTests;

/// <summary>
/// The demo register with 1,000 generated contracts more (Demo:ExtraContracts): the register runs to 42 pages and the
/// key dates lists to several, so paging is seen as a person meets it. One app for every test that needs a large register.
/// </summary>
public sealed class LargeRegisterAppServer : AppServer
{
    public const int ExtraContracts = 1000;

    protected override IEnumerable<(string Key, string Value)> Settings =>
        [("Demo:ExtraContracts", ExtraContracts.ToString(CultureInfo.InvariantCulture))];
}

[CollectionDefinition(Name)]
public sealed class LargeRegisterCollection : ICollectionFixture<LargeRegisterAppServer>
{
    public const string Name = "Browser with a large register";
}
