using System.Text.RegularExpressions;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Commissioning.Infrastructure.Tests;

/// <summary>
/// What SQL Server refuses or treats differently, checked on the SQL Server model with no server (decision 0022):
/// cascade paths it will not create, index keys longer than it allows, and unique indexes over columns that may be NULL.
/// </summary>
public sealed partial class SqlServerModelTests
{
    private const int ClusteredKeyBytes = 900;
    private const int NonClusteredKeyBytes = 1700;

    /// <summary>
    /// ASP.NET Core Identity's own composite keys, over 900 bytes as declared (its ids are nvarchar(450)). SQL Server
    /// creates them with a warning and refuses only a row whose key is really that long; the values are 36-character
    /// GUIDs, the sign-in scheme's name and the council's subject id, far below. Shortening the ids is a key change on
    /// every table naming a user, left for a migration tried on a real server (decision 0022). Any other key fails.
    /// </summary>
    private static readonly string[] IdentityKeysOverTheLimit = ["PK_AspNetUserLogins", "PK_AspNetUserRoles", "PK_AspNetUserTokens"];

    private static IRelationalModel Model()
    {
        using var db = SqlServerModel.Context();
        return db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
    }

    private static IEnumerable<ITable> Tables() => Model().Tables.Where(t => !t.IsExcludedFromMigrations);

    [Fact]
    public void No_delete_cascades_round_in_a_circle_or_reaches_a_table_two_ways()
    {
        // SQL Server refuses a foreign key whose ON DELETE CASCADE could reach a table twice or come back (error 1785).
        var cascades = Tables().SelectMany(t => t.ForeignKeyConstraints)
            .Where(fk => fk.OnDeleteAction == ReferentialAction.Cascade)
            .Select(fk => (From: fk.PrincipalTable.Name, To: fk.Table.Name, fk.Name))
            .ToList();
        Assert.NotEmpty(cascades); // owned rows and Identity's tables cascade: a check over nothing would prove nothing

        var problems = new List<string>();
        foreach (var start in cascades.Select(c => c.From).Distinct())
        {
            var paths = new Dictionary<string, List<string>>();
            void Walk(string table, string path)
            {
                foreach (var next in cascades.Where(c => c.From == table))
                {
                    var via = $"{path} -> {next.To} ({next.Name})";
                    if (next.To == start || path.Contains($"-> {next.To} (", StringComparison.Ordinal)) { problems.Add("circle: " + via); continue; }
                    (paths.TryGetValue(next.To, out var list) ? list : paths[next.To] = []).Add(via);
                    Walk(next.To, via);
                }
            }
            Walk(start, start);
            problems.AddRange(paths.Where(p => p.Value.Count > 1).Select(p => "two paths: " + string.Join(" | ", p.Value)));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void No_index_key_is_longer_than_sql_server_allows()
    {
        var problems = new List<string>();
        var checkedKeys = 0;
        foreach (var table in Tables())
        {
            var keys = table.Indexes.Select(i => (i.Name, Columns: i.Columns, Clustered: i.MappedIndexes.Any(m => m.IsClustered() == true)))
                .Concat(table.UniqueConstraints.Select(u => (u.Name, Columns: u.Columns,
                    Clustered: u.GetIsPrimaryKey() && u.MappedKeys.All(k => k.IsClustered() != false))));
            foreach (var (name, columns, clustered) in keys)
            {
                checkedKeys++;
                var limit = clustered ? ClusteredKeyBytes : NonClusteredKeyBytes;
                var sizes = columns.Select(c => (c.Name, c.StoreType, Bytes: Bytes(c.StoreType))).ToList();
                if (sizes.Any(s => s.Bytes is null))
                    problems.Add($"{table.Name}.{name}: a column of unbounded length is in the key ({string.Join(", ", sizes.Select(s => $"{s.Name} {s.StoreType}"))})");
                else if (sizes.Sum(s => s.Bytes!.Value) is var total && total > limit && !IdentityKeysOverTheLimit.Contains(name))
                    problems.Add($"{table.Name}.{name}: {total:N0} bytes, over the {limit:N0} a {(clustered ? "clustered" : "non-clustered")} key may hold ({string.Join(", ", sizes.Select(s => $"{s.Name} {s.StoreType}"))})");
            }
        }

        Assert.True(checkedKeys > 50, $"only {checkedKeys} keys checked");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_unique_index_over_a_nullable_column_has_a_filter_leaving_nulls_out()
    {
        // SQL Server counts NULLs as equal in a unique index: a second row without a value would be refused.
        var problems = new List<string>();
        var nullable = 0;
        foreach (var table in Tables())
            foreach (var index in table.Indexes.Where(i => i.IsUnique && i.Columns.Any(c => c.IsNullable)))
            {
                nullable++;
                var filter = index.Filter ?? "";
                foreach (var column in index.Columns.Where(c => c.IsNullable))
                    if (!filter.Contains($"[{column.Name}] IS NOT NULL", StringComparison.OrdinalIgnoreCase))
                        problems.Add($"{table.Name}.{index.Name}: {column.Name} may be NULL and the filter ({(filter.Length == 0 ? "none" : filter)}) keeps NULLs in");
            }

        Assert.True(nullable > 0, "no unique index over a nullable column: the check found nothing to check");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("int", 4)]
    [InlineData("nvarchar(450)", 900)]
    [InlineData("varchar(20)", 20)]
    [InlineData("decimal(18,2)", 9)]
    [InlineData("nvarchar(max)", null)]
    public void Key_sizes_are_counted_as_sql_server_stores_them(string storeType, int? bytes) => Assert.Equal(bytes, Bytes(storeType));

    /// <summary>The bytes a column takes in an index key; null for a type with no bound (max).</summary>
    internal static int? Bytes(string storeType)
    {
        var match = StoreType().Match(storeType.ToLowerInvariant());
        var name = match.Groups["name"].Value;
        var size = match.Groups["size"].Value;
        if (size == "max") return null;
        var n = size.Length > 0 ? int.Parse(size.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        return name switch
        {
            "nvarchar" or "nchar" => 2 * (n ?? 1),
            "varchar" or "char" or "varbinary" or "binary" => n ?? 1,
            "bit" or "tinyint" => 1,
            "smallint" => 2,
            "int" or "real" or "smalldatetime" => 4,
            "bigint" or "float" or "datetime" or "money" => 8,
            "date" => 3,
            "time" => 5,
            "datetime2" => 8,
            "datetimeoffset" => 10,
            "uniqueidentifier" => 16,
            "rowversion" or "timestamp" => 8,
            "decimal" or "numeric" => (n ?? 18) switch { <= 9 => 5, <= 19 => 9, <= 28 => 13, _ => 17 },
            _ => throw new InvalidOperationException($"No key size known for the store type {storeType}."),
        };
    }

    [GeneratedRegex(@"^(?<name>[a-z0-9]+)(\((?<size>[^)]*)\))?$")]
    private static partial Regex StoreType();
}
