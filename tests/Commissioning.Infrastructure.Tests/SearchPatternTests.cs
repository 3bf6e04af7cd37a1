using Commissioning.Domain.Providers;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Tests;

/// <summary>
/// A search finds the text typed, whatever characters it holds. On SQL Server '[' opens a set of characters in LIKE
/// ("[North]" would match any one of N, o, r, t, h), so it is escaped with '%' and '_'. SQLite has no sets, so there
/// the rows prove the escape is read as the character itself, and the SQL Server query proves the pattern it is sent.
/// </summary>
public sealed class SearchPatternTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static IQueryable<Provider> Search(CommissioningDbContext db, string typed)
    {
        // The providers page's search (Pages/Providers/Index), on the name.
        var pattern = SearchPattern.Contains(typed);
        return db.Providers.Where(p => EF.Functions.Like(p.Name, pattern, SearchPattern.Escape));
    }

    [Theory]
    [InlineData("[North]", "%\\[North]%")]
    [InlineData("50%_off", "%50\\%\\_off%")]
    [InlineData(" a\\b ", "%a\\\\b%")]
    [InlineData("[^a-z]", "%\\[^a-z]%")]
    public void Every_character_like_treats_specially_is_escaped(string typed, string pattern) =>
        Assert.Equal(pattern, SearchPattern.Contains(typed));

    [Theory]
    [InlineData("[North]", new[] { "Care [North] Ltd" })]
    [InlineData("[", new[] { "Care [North] Ltd", "Homes [West" })]
    [InlineData("100%", new[] { "100% Care" })]
    [InlineData("_", new[] { "Snake_case Care" })]
    public async Task Searching_finds_exactly_the_rows_containing_the_text(string typed, string[] expected)
    {
        await _database.MigrateAsync();
        await using (var db = _database.NewContext())
        {
            foreach (var name in new[] { "Care [North] Ltd", "Care N Ltd", "Northern Care", "Homes [West", "100% Care", "1000 Care", "Snake_case Care", "Snake case Care" })
                db.Providers.Add(new Provider(new ProviderDetails(name, OrganisationType.PrivateCompany, false, false)));
            await db.SaveChangesAsync();
        }

        await using var read = _database.NewContext();
        var found = await Search(read, typed).Select(p => p.Name).ToListAsync();

        Assert.Equal(expected.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void On_sql_server_the_bracket_is_sent_escaped_with_the_escape_character_named()
    {
        using var db = SqlServerModel.Context();

        var sql = Search(db, "[North]").ToQueryString();

        SqlServerModel.AssertParses(sql);
        Assert.Contains(@"N'%\[North]%'", sql, StringComparison.Ordinal);
        Assert.Contains(@"ESCAPE N'\'", sql, StringComparison.Ordinal);
    }
}
