using Commissioning.Domain.Contracts;
using Commissioning.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Tests.Import;

/// <summary>Providers: by registration number first, then by exact normalised name; the rest listed, to create or to map.</summary>
public sealed class ImportProviderMatchingTests : ImportTestBase
{
    private static readonly (string, ImportField, int?)[] WithNumber =
        Standard.Select(s => (s.Header, s.Field, (int?)null)).Append(("Company number", ImportField.ProviderRegistrationNumber, null)).ToArray();

    private static ImportTable NumberTable(params string[][] rows) => Table(WithNumber.Select(c => c.Item1).ToList(), rows);

    [Fact]
    public async Task The_registration_number_matches_before_the_name()
    {
        var byName = await AddProviderAsync("Riverside Care Ltd");
        var byNumber = await AddProviderAsync("Riverside Care Group", "01234567");

        var result = await ImportAsync(NumberTable(Row("SC-1").Append("0123 4567").ToArray()), Settings(WithNumber));

        Assert.Equal(1, result.Created);
        Assert.Equal(byNumber.Id, (await ContractAsync("SC-1")).ProviderId);
        Assert.NotEqual(byName.Id, byNumber.Id);
    }

    [Theory]
    [InlineData("RIVERSIDE CARE LIMITED")]
    [InlineData("Riverside  Care Ltd.")]
    [InlineData("riverside care")]
    public async Task A_name_matches_whatever_its_case_spaces_punctuation_and_Ltd_or_Limited(string name)
    {
        var provider = await AddProviderAsync("Riverside Care Ltd");

        var plan = await PlanAsync(StandardTable(Row("SC-1", provider: name)), StandardSettings());

        Assert.Empty(plan.UnmatchedProviders);
        await ImportAsync(StandardTable(Row("SC-1", provider: name)), StandardSettings());
        Assert.Equal(provider.Id, (await ContractAsync("SC-1")).ProviderId);
    }

    [Fact]
    public async Task A_different_name_is_not_matched_and_a_number_no_one_has_falls_back_to_the_name()
    {
        var provider = await AddProviderAsync("Riverside Care Ltd", "01234567");

        var plan = await PlanAsync(NumberTable(Row("SC-1", provider: "Riverside Care plc").Append("").ToArray(),
            Row("SC-2").Append("99999999").ToArray()), Settings(WithNumber));

        Assert.Equal(new UnmatchedProvider("Riverside Care plc", null, 1), Assert.Single(plan.UnmatchedProviders));
        Assert.All(plan.Rows, r => Assert.Equal(RowOutcome.Create, r.Outcome));
        Assert.NotEqual(0, provider.Id);
    }

    [Fact]
    public async Task Unmatched_providers_are_listed_once_and_created_once_by_default()
    {
        var plan = await PlanAsync(StandardTable(Row("SC-1", provider: "New Dawn Care"), Row("SC-2", provider: "NEW DAWN CARE LTD")), StandardSettings());
        Assert.Equal(("New Dawn Care", 2), (Assert.Single(plan.UnmatchedProviders).Name, plan.UnmatchedProviders[0].RowCount));

        await ImportAsync(StandardTable(Row("SC-1", provider: "New Dawn Care"), Row("SC-2", provider: "NEW DAWN CARE LTD")), StandardSettings());

        await using var db = Db();
        var created = await db.Providers.SingleAsync();
        Assert.Equal("New Dawn Care", created.Name);
        Assert.Equal([created.Id, created.Id], await db.Contracts.OrderBy(c => c.Reference).Select(c => c.ProviderId!.Value).ToListAsync());
    }

    [Fact]
    public async Task An_unmatched_name_can_be_mapped_to_an_existing_provider()
    {
        var provider = await AddProviderAsync("Riverside Day Opportunities CIC");
        var settings = StandardSettings(choices: [new ProviderChoice("Riverside Opps", provider.Id)]);

        var plan = await PlanAsync(StandardTable(Row("SC-1", provider: "Riverside Opps")), settings);
        Assert.Equal("Riverside Opps", Assert.Single(plan.UnmatchedProviders).Name);
        await ImportAsync(StandardTable(Row("SC-1", provider: "Riverside Opps")), settings);

        await using var db = Db();
        Assert.Equal(1, await db.Providers.CountAsync());
        Assert.Equal(provider.Id, (await ContractAsync("SC-1")).ProviderId);
    }

    [Fact]
    public async Task Consortium_members_are_matched_the_same_way_lead_first()
    {
        var columns = Standard.Select(s => (s.Header, s.Field, (int?)null)).Append(("Members", ImportField.ConsortiumMembers, null)).ToArray();
        var member = await AddProviderAsync("Hilltop Housing Association");
        var table = Table(columns.Select(c => c.Item1).ToList(),
            Row("SC-1", provider: "Brook Care", form: "Consortium").Append("hilltop housing association; Brook Care; Valley Support").ToArray());

        await ImportAsync(table, Settings(columns));

        var c = Assert.IsType<ConsortiumContract>(await ContractAsync("SC-1"));
        await using var db = Db();
        var names = await db.Providers.ToDictionaryAsync(p => p.Id, p => p.Name);
        Assert.Equal("Brook Care", names[c.Members.Single(m => m.IsLead).ProviderId]);
        Assert.Equal(c.ProviderId, c.Members.Single(m => m.IsLead).ProviderId);
        Assert.Contains(c.Members, m => m.ProviderId == member.Id);
        Assert.Equal(3, names.Count);
    }

    [Theory]
    [InlineData("Acme Care Ltd.", "acme care")]
    [InlineData("ACME & Sons Limited", "acme and sons")]
    [InlineData("Acme Care plc", "acme care plc")]
    [InlineData("Ltd", "ltd")]
    public void Names_are_normalised_as_documented(string name, string normalised) =>
        Assert.Equal(normalised, ProviderMatching.NormaliseName(name));
}
