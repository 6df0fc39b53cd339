using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BacGiang.Cnscd.Core.Tests.Data;

/// <summary>Guards on the model itself, so a new entity cannot silently miss the scope filter or its token.</summary>
public class ModelTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql, DatabaseProvider.SqlServer];

    private static IModel ModelFor(DatabaseProvider provider)
    {
        using var db = CnscdDatabase.CreateContext(new DatabaseSettings(provider, provider switch
        {
            DatabaseProvider.Sqlite => "Data Source=:memory:",
            DatabaseProvider.PostgreSql => "Host=localhost",
            _ => "Server=localhost",
        }, false), Actor.System("model test"));
        return db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void EveryScopedEntity_HasTheScopeQueryFilter(DatabaseProvider provider)
    {
        var scoped = ModelFor(provider).GetEntityTypes()
            .Where(t => typeof(IUnitScoped).IsAssignableFrom(t.ClrType) && !t.IsOwned())
            .ToList();
        Assert.True(scoped.Count >= 12, $"expected the scoped entity types, found {scoped.Count}");
        foreach (var entityType in scoped)
        {
            var filters = entityType.GetDeclaredQueryFilters();
            Assert.True(filters.Count > 0, $"{entityType.ClrType.Name} has no query filter");
            Assert.Contains(filters, f => f.Expression!.ToString().Contains("ScopeDistrictId", StringComparison.Ordinal)
                && f.Expression.ToString().Contains("ScopeVillageId", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void EveryEntityType_IsScoped_OrOwned_OrAnIdentityTable_OrProvinceLevel()
    {
        // A new entity type must decide: scoped by unit, owned by a scoped aggregate, Identity's, or one of the named
        // province-level tables that only a province administrator's service reads (the restructuring journal,
        // refused and audited for every other role: Isolation/Restructuring).
        Type[] provinceLevel = [typeof(AppUser), typeof(RestructuringJournal)];
        var unscoped = ModelFor(DatabaseProvider.Sqlite).GetEntityTypes()
            .Where(t => !typeof(IUnitScoped).IsAssignableFrom(t.ClrType) && !t.IsOwned()
                && !(t.ClrType.Namespace ?? "").StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal)
                && !provinceLevel.Contains(t.ClrType))
            .Select(t => t.ClrType.Name)
            .ToList();
        Assert.Empty(unscoped);
    }

    [Fact]
    public void NoEntity_StoresACitizenIdNumber()
    {
        // Only yes/no statuses (VNeID level 2, public-services account) are kept, never the numbers.
        var suspicious = ModelFor(DatabaseProvider.Sqlite).GetEntityTypes().SelectMany(t => t.GetProperties())
            .Where(p => System.Text.RegularExpressions.Regex.IsMatch(p.Name, "Cccd|Cmnd|CitizenId|NationalId|IdentityNumber|IdNumber|Passport", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .Select(p => $"{p.DeclaringType.ClrType.Name}.{p.Name}")
            .ToList();
        Assert.Empty(suspicious);
    }

    [Fact]
    public void EveryVersionedEntity_HasAConcurrencyToken()
    {
        foreach (var entityType in ModelFor(DatabaseProvider.Sqlite).GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
        {
            Assert.True(entityType.FindProperty(nameof(IVersioned.Version))!.IsConcurrencyToken, $"{entityType.ClrType.Name}.Version is not a concurrency token");
        }
    }

    [Fact]
    public void EveryIndexedString_HasAMaximumLength()
    {
        // SQL Server cannot index nvarchar(max).
        var model = ModelFor(DatabaseProvider.SqlServer);
        var unbounded = model.GetEntityTypes()
            .SelectMany(t => t.GetIndexes())
            .SelectMany(i => i.Properties)
            .Where(p => p.ClrType == typeof(string))
            .Select(p => (Name: $"{p.DeclaringType.ClrType.Name}.{p.Name}", Store: p.GetRelationalTypeMapping().StoreType))
            .Where(p => p.Store.Contains("max", StringComparison.OrdinalIgnoreCase))
            .Select(p => $"{p.Name} ({p.Store})")
            .ToList();
        Assert.Empty(unbounded);
    }
}
