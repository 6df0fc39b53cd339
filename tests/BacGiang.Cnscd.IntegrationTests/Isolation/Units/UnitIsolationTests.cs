using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Isolation.Units;

/// <summary>
/// The unit directory in the service isolation matrix (<see cref="ServiceIsolationMatrix"/>): every public method of
/// <see cref="UnitDirectoryService"/> against the sibling unit, and the same calls on the actor's own unit.
/// </summary>
public abstract class UnitIsolationTests(DatabaseProvider provider) : ServiceIsolationMatrix(provider)
{
    private static readonly Dictionary<string, Func<MatrixContext, Task>> Sibling = new()
    {
        ["UnitDirectoryService.GetRootAsync"] = async m => Assert.Equal(m.Own.Id, (await m.Units.GetRootAsync())!.Id),
        ["UnitDirectoryService.GetAsync"] = async m =>
        {
            Assert.Null(await m.Units.GetAsync(m.Foreign.Id));
            Assert.Null(await m.Units.GetAsync(m.ForeignVillage.Id));
            // The forged request is on record, against the unit it tried to reach.
            await using var db = m.Database.CreateSystemContext();
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.UserId == m.Actor.UserId
                && a.EntityType == nameof(AdministrativeUnit) && a.UnitId == m.Foreign.Id));
        },
        ["UnitDirectoryService.GetChildrenAsync"] = async m =>
        {
            Assert.Empty((await m.Units.GetChildrenAsync(m.Foreign.Id, new PageRequest(0, 100), null)).Items);
            var parentChildren = await m.Units.GetChildrenAsync(m.Foreign.ParentId!.Value, new PageRequest(0, 100), null);
            Assert.DoesNotContain(parentChildren.Items, r => r.Id == m.Foreign.Id);
        },
        ["UnitDirectoryService.GetTotalsAsync"] = async m => Assert.Null(await m.Units.GetTotalsAsync(m.Foreign.Id)),
    };

    private static readonly Dictionary<string, Func<MatrixContext, Task>> Own = new()
    {
        ["UnitDirectoryService.GetAsync"] = async m =>
        {
            Assert.Equal(m.Own.Id, (await m.Units.GetAsync(m.Own.Id))?.Id);
            Assert.Equal(m.OwnVillage.Id, (await m.Units.GetAsync(m.OwnVillage.Id))?.Id);
            await AssertNothingRefusedAsync(m);
        },
        ["UnitDirectoryService.GetChildrenAsync"] = async m =>
        {
            var parentChildren = await m.Units.GetChildrenAsync(m.OwnVillage.ParentId!.Value, new PageRequest(0, 100), null);
            Assert.Contains(parentChildren.Items, r => r.Id == m.OwnVillage.Id);
        },
        ["UnitDirectoryService.GetTotalsAsync"] = async m =>
        {
            Assert.Equal(m.Own.Id, (await m.Units.GetTotalsAsync(m.Own.Id))?.Id);
            Assert.Equal(m.OwnVillage.Id, (await m.Units.GetTotalsAsync(m.OwnVillage.Id))?.Id);
        },
    };

    internal override IReadOnlyDictionary<string, Func<MatrixContext, Task>> SiblingCases => Sibling;

    internal override IReadOnlyDictionary<string, Func<MatrixContext, Task>> OwnUnitCases => Own;
}

public sealed class SqliteUnitIsolationTests() : UnitIsolationTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlUnitIsolationTests() : UnitIsolationTests(DatabaseProvider.PostgreSql);
