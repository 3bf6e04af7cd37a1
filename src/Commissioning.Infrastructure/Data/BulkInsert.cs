using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Commissioning.Infrastructure.Data;

/// <summary>
/// Inserts many rows of one entity type with one prepared INSERT, in one transaction: for generated
/// demo data (<c>Demo:ExtraContracts</c>), where tracking a hundred thousand entities would take most of a
/// minute. Columns, names and conversions come from the EF model (each property's own type mapping makes
/// its parameter), so a row reads back exactly as one EF saved. Only plain types: no owned parts, no
/// shadow properties; generated keys are left to the database and not read back. Nothing is audited.
/// </summary>
internal static class BulkInsert
{
    public static async Task InsertAsync<T>(CommissioningDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct = default) where T : class
    {
        if (rows.Count == 0) return;
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        if (type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
            throw new NotSupportedException($"{typeof(T).Name} has owned parts: save it through EF.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never)).ToList();
        if (columns.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            throw new NotSupportedException($"{typeof(T).Name}.{shadow.Name} is a shadow property.");

        var sql = db.GetService<ISqlGenerationHelper>();
        var names = columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)).ToList();
        var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", names)}) " +
                   $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var mappings = columns.Select(p => (Property: p, Get: p.GetGetter(), Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping())).ToList();

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async attempt =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(attempt);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = tx.GetDbTransaction();
            command.CommandText = text;
            foreach (var row in rows)
            {
                command.Parameters.Clear();
                for (var i = 0; i < mappings.Count; i++)
                {
                    var (property, get, mapping) = mappings[i];
                    command.Parameters.Add(mapping.CreateParameter(command, "@p" + i, get.GetClrValue(row), property.IsNullable));
                }
                await command.ExecuteNonQueryAsync(attempt);
            }
            await tx.CommitAsync(attempt);
        }, ct);
    }
}
