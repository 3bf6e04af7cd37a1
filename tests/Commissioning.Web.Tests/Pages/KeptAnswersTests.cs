using System.Net;
using System.Text.RegularExpressions;
using Commissioning.Domain.Contracts;
using Commissioning.Infrastructure.Finance;
using Commissioning.Infrastructure.Identity;
using Commissioning.Web.Tests.Pages.Publish;
using Commissioning.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Web.Tests.Pages;

/// <summary>
/// The register's order, the key dates lists and the finance portfolio are worked out once while the register stands
/// still and kept with its version (decision 0040): a second look, or another page of the same list, works nothing out
/// again, and a save, or a renamed person, shows on the very next look.
/// </summary>
[Collection(SharedApp.Register)]
public sealed partial class KeptAnswersTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    private ScheduleCache Cache => factory.Services.GetRequiredService<ScheduleCache>();

    [Fact]
    public async Task The_registers_order_is_worked_out_once_per_search_and_a_new_contract_shows_at_once()
    {
        Cache.Clear();
        var client = await factory.SignedInClientAsync(CommissioningFactory.Commissioner);
        var total = Total(await client.GetStringAsync("/Contracts"));
        var made = Cache.Made;

        await client.GetStringAsync("/Contracts?Filter.PageNumber=2");
        await client.GetStringAsync("/Contracts");
        Assert.Equal(made, Cache.Made);
        await client.GetStringAsync("/Contracts?Filter.Q=care");
        await client.GetStringAsync("/Contracts?Filter.Q=care&Filter.PageNumber=2");
        Assert.Equal(made + 1, Cache.Made);

        var lastFirst = await client.GetStringAsync("/Contracts?Filter.Dir=desc");
        Assert.DoesNotContain("ZZ-KEPT-REG-01", lastFirst);

        var today = factory.Today;
        await factory.AddAsync("ZZ-KEPT-REG-01", CommissioningForm.Block, 20_000m, today.AddYears(-1), today.AddYears(1));
        var after = await client.GetStringAsync("/Contracts");
        var found = await client.GetStringAsync("/Contracts?Filter.Q=ZZ-KEPT-REG-01");

        Assert.Equal(total + 1, Total(after));
        Assert.Equal(1, Total(found));
        Assert.Contains("ZZ-KEPT-REG-01", found);
        // The first page of the same list, kept before the save, is read again: the new contract is first, by reference.
        Assert.Contains("ZZ-KEPT-REG-01", await client.GetStringAsync("/Contracts?Filter.Dir=desc"));
    }

    [Fact]
    public async Task Key_dates_are_worked_out_once_between_saves_and_a_contract_ending_soon_shows_at_once()
    {
        Cache.Clear();
        var client = await factory.SignedInClientAsync(CommissioningFactory.Commissioner);
        await client.GetStringAsync("/?show=all");
        var made = Cache.Made;
        var before = await client.GetStringAsync("/?show=all");
        Assert.Equal(made, Cache.Made);
        Assert.DoesNotContain("KEPT-KD-01", before);

        var today = factory.Today;
        await factory.AddAsync("KEPT-KD-01", CommissioningForm.Block, 20_000m, today.AddYears(-2), today.AddDays(20));
        var list = await client.GetStringAsync("/?show=all&list=ending-3");

        Assert.Contains("KEPT-KD-01", list);
    }

    [Fact]
    public async Task The_portfolio_is_made_once_between_saves_and_a_renamed_commissioner_shows_at_once_in_its_download()
    {
        Cache.Clear();
        var client = await factory.SignedInClientAsync(CommissioningFactory.Finance);
        Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync("/Finance")).Status);
        var made = Cache.Made;
        Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync("/Finance?DuePage=2")).Status);
        var csv = await client.GetStringAsync("/Finance?handler=Export&table=due&format=csv");
        Assert.Equal(made, Cache.Made);

        // A commissioner the "no agreed value" list names, renamed: users are not part of the register's version.
        string id;
        await using (var scope = factory.OpenDb())
        {
            var users = await scope.Db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToListAsync();
            id = users.First(u => csv.Contains(u.DisplayName, StringComparison.Ordinal)).Id;
        }
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await manager.FindByIdAsync(id);
            user!.DisplayName = "Renamed Kept-Answer Person";
            Assert.True((await manager.UpdateAsync(user)).Succeeded);
        }
        var renamed = await client.GetStringAsync("/Finance?handler=Export&table=due&format=csv");

        Assert.DoesNotContain("Renamed Kept-Answer Person", csv);
        Assert.Contains("Renamed Kept-Answer Person", renamed);
    }

    [Fact]
    public async Task Past_the_most_kept_at_one_version_an_answer_is_made_each_time_and_not_kept()
    {
        Cache.Clear();
        await using var scope = factory.OpenDb();
        for (var i = 0; i < ScheduleCache.MaxKept; i++)
            await Cache.KeptAsync(scope.Db, $"test|{i}", _ => Task.FromResult(new object()), default);
        var made = Cache.Made;

        var first = await Cache.KeptAsync(scope.Db, "test|one more", _ => Task.FromResult(new object()), default);
        var second = await Cache.KeptAsync(scope.Db, "test|one more", _ => Task.FromResult(new object()), default);
        var kept = await Cache.KeptAsync(scope.Db, "test|0", _ => Task.FromResult(new object()), default);

        Assert.NotSame(first, second);
        Assert.Equal(made + 2, Cache.Made);
        Assert.Same(kept, await Cache.KeptAsync(scope.Db, "test|0", _ => Task.FromResult(new object()), default));
    }

    private static int Total(string html) =>
        int.Parse(TotalText().Match(html).Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"role=""status"">([\d,]+) contracts?</p>")]
    private static partial Regex TotalText();
}
