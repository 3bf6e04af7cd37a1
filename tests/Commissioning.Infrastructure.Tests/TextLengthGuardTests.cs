using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Commissioning.Domain.Providers;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Commissioning.Infrastructure.Tests;

/// <summary>
/// SQLite stores text of any length; SQL Server's nvarchar(n) refuses (or, in a few settings, cuts) a longer value. So every
/// string column the model limits is checked before saving, and this walks the model to prove it for each one.
/// </summary>
public sealed class TextLengthGuardTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    /// <summary>Every string property with a maximum length, by entity type name and property name.</summary>
    public static TheoryData<string, string> LimitedProperties()
    {
        using var database = new SqliteTestDatabase();
        using var db = database.NewContext();
        var data = new TheoryData<string, string>();
        foreach (var type in db.Model.GetEntityTypes())
            foreach (var property in type.GetDeclaredProperties().Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is not null))
                data.Add(type.Name, property.Name);
        return data;
    }

    [Fact]
    public void The_model_limits_the_columns_the_issue_names()
    {
        var limited = LimitedProperties().Select(row => $"{row[0]}.{row[1]}").ToList();
        // A walk that found nothing would prove nothing.
        Assert.Contains(limited, p => p.EndsWith("ApplicationUser.Email", StringComparison.Ordinal));
        Assert.Contains(limited, p => p.EndsWith("Contract.Title", StringComparison.Ordinal));
        Assert.Contains(limited, p => p.EndsWith("SubContract.Service", StringComparison.Ordinal));
        Assert.True(limited.Count > 60, $"only {limited.Count} limited properties");
    }

    [Theory]
    [MemberData(nameof(LimitedProperties))]
    public async Task Saving_text_longer_than_its_column_is_refused_naming_the_entity_and_property(string entityTypeName, string propertyName)
    {
        await using var db = _database.NewContext();
        var type = db.Model.FindEntityType(entityTypeName)!;
        var property = type.FindProperty(propertyName)!;
        var max = property.GetMaxLength()!.Value;
        var entity = Track(db, type);
        db.Entry(entity).Property(propertyName).CurrentValue = new string('x', max + 1);

        // Refused before the database is touched: this database was never even created.
        var refused = await Assert.ThrowsAsync<TextTooLongException>(() => db.SaveChangesAsync());

        Assert.Equal(type.ClrType.Name, refused.EntityName);
        Assert.Equal(propertyName, refused.PropertyName);
        Assert.Contains($"{type.ClrType.Name}.{propertyName}", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"{max:N0}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_exactly_as_long_as_its_column_is_saved()
    {
        await _database.MigrateAsync();
        await using (var db = _database.NewContext())
        {
            db.Providers.Add(new Provider(new ProviderDetails(new string('n', Provider.NameMaxLength), OrganisationType.PrivateCompany, false, false)));
            await db.SaveChangesAsync();
        }
        await using var read = _database.NewContext();
        Assert.Equal(Provider.NameMaxLength, (await read.Providers.SingleAsync()).Name.Length);
    }

    [Fact]
    public async Task An_unchanged_row_loaded_with_too_long_text_does_not_block_other_saves()
    {
        await _database.MigrateAsync();
        await using (var db = _database.NewContext())
        {
            db.Providers.Add(new Provider(new ProviderDetails("Short name", OrganisationType.PrivateCompany, false, false)));
            await db.SaveChangesAsync();
        }
        // A row written before the limit (or by hand) is read as it is; only what changes is checked.
        await using (var db = _database.NewContext())
            await db.Database.ExecuteSqlRawAsync("UPDATE Providers SET Name = {0}", new string('n', Provider.NameMaxLength + 5));
        await using (var db = _database.NewContext())
        {
            _ = await db.Providers.SingleAsync();
            db.Providers.Add(new Provider(new ProviderDetails("Another", OrganisationType.PrivateCompany, false, false)));
            await db.SaveChangesAsync();
        }
    }

    /// <summary>A bare instance of the entity type, tracked as added (an owned one inside a bare owner).</summary>
    private static object Track(CommissioningDbContext db, IEntityType type)
    {
        var concrete = type.GetDerivedTypesInclusive().First(t => !t.ClrType.IsAbstract);
        var entity = New(concrete.ClrType);
        if (type.FindOwnership() is not { } ownership)
        {
            db.Add(entity);
            return entity;
        }
        var owner = New(ownership.PrincipalEntityType.GetDerivedTypesInclusive().First(t => !t.ClrType.IsAbstract).ClrType);
        var navigation = ownership.PrincipalToDependent!;
        if (navigation.IsCollection)
        {
            var field = navigation.FieldInfo!;
            var list = (IList?)field.GetValue(owner) ?? (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(concrete.ClrType))!;
            list.Add(entity);
            field.SetValue(owner, list);
        }
        else
            navigation.PropertyInfo!.SetValue(owner, entity);
        db.Add(owner);
        return entity;
    }

    private static object New(Type type) =>
        type.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes) is { } constructor
            ? constructor.Invoke(null)
            : RuntimeHelpers.GetUninitializedObject(type);
}
