using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Isolation;

/// <summary>
/// The table half of the isolation matrix, for the same role and sibling pairs as <see cref="ServiceIsolationMatrix"/>:
/// read as the actor, no unit-scoped table shows a row of the sibling.
/// </summary>
public abstract class ScopedTableIsolationTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    public static TheoryData<AppRole, string, string, string> Pairs => ServiceIsolationMatrix.Pairs;

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task NoScopedTable_ShowsTheSiblingsRows(AppRole role, string own, string foreign, string foreignVillage)
    {
        _ = role;
        var units = UnitsByName();
        await using var db = Database.CreateContext(MiniProvince.ActorFor(units[own]));
        var foreignUnit = units[foreign];
        var foreignIds = new[] { foreignUnit.Id, units[foreignVillage].Id };
        // Every scoped entity type, through the model, so a new one is covered without editing this test.
        foreach (var entityType in db.Model.GetEntityTypes().Where(t => typeof(IUnitScoped).IsAssignableFrom(t.ClrType) && !t.IsOwned()))
        {
            var rows = await ((IQueryable<IUnitScoped>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
                .MakeGenericMethod(entityType.ClrType).Invoke(db, null)!).ToListAsync();
            Assert.DoesNotContain(rows, r => foreignIds.Contains(r.DistrictId ?? 0) || foreignIds.Contains(r.CommuneId ?? 0) || foreignIds.Contains(r.VillageId ?? 0));
        }
    }

    private Dictionary<string, AdministrativeUnit> UnitsByName() => new()
    {
        ["D1"] = Mini.D1, ["D2"] = Mini.D2, ["C1"] = Mini.C1, ["C2"] = Mini.C2, ["C3"] = Mini.C3,
        ["V11"] = Mini.V11, ["V12"] = Mini.V12, ["V21"] = Mini.V21, ["V31"] = Mini.V31,
    };
}

public sealed class SqliteScopedTableIsolationTests() : ScopedTableIsolationTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlScopedTableIsolationTests() : ScopedTableIsolationTests(DatabaseProvider.PostgreSql);
