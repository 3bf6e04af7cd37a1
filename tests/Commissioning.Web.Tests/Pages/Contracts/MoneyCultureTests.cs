using System.Globalization;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Contracts;

/// <summary>Process-wide culture is changed here, so these tests run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CultureCollection
{
    public const string Name = "Process culture";
}

/// <summary>
/// Money typed into the pages is stored to the penny and summed exactly in SQL, and shown the
/// en-GB way, whatever culture the machine (and the test process) is running in.
/// </summary>
[Collection(CultureCollection.Name)]
public sealed class MoneyCultureTests(CommissioningFactory factory) : IClassFixture<CommissioningFactory>
{
    private static readonly string[] Typed = ["33,632,993.52", "0.01", "12,393,408.00", "1,234.56", "707361", "9,999,999,999.99"];

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    public async Task Money_typed_under_a_foreign_culture_is_stored_and_summed_exactly_and_shown_en_GB(string cultureName)
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var provider = await factory.ProviderIdAsync("Kent Homecare Partnership Ltd");
        var marker = $"Culture {cultureName} {Guid.NewGuid():N}";
        var saved = new List<(int Id, string Typed)>();

        using (new ProcessCulture(cultureName))
        {
            for (var i = 0; i < Typed.Length; i++)
            {
                var id = await ContractInput.CreateAsync(client, "Block",
                    ContractInput.Block($"{marker} #{i}", provider, Typed[i], new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31)));
                saved.Add((id, Typed[i]));
            }

            var ids = saved.Select(s => s.Id).ToList();
            var expectedSum = saved.Sum(s => Pounds(s.Typed)) * 100m;
            long? sqlSum;
            Dictionary<int, long?> stored;
            await using (var scope = factory.OpenDb())
            {
                sqlSum = await scope.Db.Contracts.Where(c => ids.Contains(c.Id)).SumAsync(c => c.AnnualValuePence);
                stored = await scope.Db.Contracts.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.AnnualValuePence);
            }
            Assert.Equal(expectedSum, (decimal)sqlSum!.Value);
            Assert.All(saved, s => Assert.Equal(Pounds(s.Typed) * 100m, (decimal)stored[s.Id]!.Value));

            var rows = await RegisterReader.AllRowsAsync(client, "Filter.Q=" + Uri.EscapeDataString(marker));
            Assert.Equal(saved.Count, rows.Count);
            foreach (var (id, typed) in saved)
            {
                var row = Assert.Single(rows, r => r.Id == id);
                Assert.Equal(EnGb(typed), row.Value);
            }
            var details = await client.GetPageAsync($"/Contracts/Details/{saved[0].Id}");
            Assert.Contains("£33,632,993.52", details.Text);
            Assert.Contains("1 April 2026", details.Text);
        }
    }

    [Fact]
    public async Task Edit_form_under_a_foreign_culture_shows_money_en_GB_and_saving_it_unchanged_keeps_the_pence()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var provider = await factory.ProviderIdAsync("Kent Homecare Partnership Ltd");

        using (new ProcessCulture("de-DE"))
        {
            var id = await ContractInput.CreateAsync(client, "Block",
                ContractInput.Block("Culture edit round trip", provider, "33,632,993.52", new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31)));
            var form = (await client.GetPageAsync($"/Contracts/Edit/{id}")).Form();
            Assert.Equal("33,632,993.52", form["Input.AnnualValue"]);

            var save = await client.PostFormAsync($"/Contracts/Edit/{id}", form);

            Assert.Equal(System.Net.HttpStatusCode.Redirect, save.Status);
            await using var scope = factory.OpenDb();
            Assert.Equal(3363299352L, await scope.Db.Contracts.Where(c => c.Id == id).Select(c => c.AnnualValuePence).SingleAsync());
        }
    }

    /// <summary>The amount a person meant, read independently of the application's own parser.</summary>
    private static decimal Pounds(string typed) =>
        decimal.Parse(typed.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static string EnGb(string typed) => "£" + Pounds(typed).ToString("N2", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>Sets the current, UI and default thread cultures, and puts all of them back on dispose.</summary>
    private sealed class ProcessCulture : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;
        private readonly CultureInfo? _default = CultureInfo.DefaultThreadCurrentCulture;
        private readonly CultureInfo? _defaultUi = CultureInfo.DefaultThreadCurrentUICulture;

        public ProcessCulture(string name)
        {
            var culture = CultureInfo.GetCultureInfo(name);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = culture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
            CultureInfo.DefaultThreadCurrentCulture = _default;
            CultureInfo.DefaultThreadCurrentUICulture = _defaultUi;
        }
    }
}
