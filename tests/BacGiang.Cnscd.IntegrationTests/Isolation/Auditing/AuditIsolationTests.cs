using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Common;

namespace BacGiang.Cnscd.IntegrationTests.Isolation.Auditing;

/// <summary>
/// The audit trail in the service isolation matrix (<see cref="ServiceIsolationMatrix"/>): every public method of
/// <see cref="AuditQueryService"/>, <see cref="AuditLog"/> against the sibling unit, and the same calls on the actor's own unit.
/// </summary>
public abstract class AuditIsolationTests(DatabaseProvider provider) : ServiceIsolationMatrix(provider)
{
    private static readonly Dictionary<string, Func<MatrixContext, Task>> Sibling = new()
    {
        ["AuditQueryService.SearchAsync"] = async m =>
        {
            Assert.Equal(0, (await m.Audit.SearchAsync(new AuditQuery(UnitCode: m.ForeignVillage.Code), new PageRequest(0, 100))).TotalCount);
            var all = await m.Audit.SearchAsync(new AuditQuery(), new PageRequest(0, 100));
            Assert.DoesNotContain(all.Items, r => r.UnitName == m.ForeignVillage.Name || r.UnitName == m.Foreign.Name);
        },
        // Lists the model's entity type names: no unit data to leak.
        ["AuditQueryService.EntityTypes"] = m => { Assert.Contains(nameof(Household), m.Audit.EntityTypes()); return Task.CompletedTask; },
        ["AuditLog.RecordAsync"] = async m =>
        {
            // Append-only by design: a refused attempt on the sibling is recorded against the sibling,
            // and the actor still cannot read it back.
            await using (var db = m.Database.CreateContext(m.Actor))
            {
                await AuditLog.RecordAsync(db, AuditActions.Refused, nameof(Household), "1", m.ForeignVillage.Id, "{\"test\":true}");
            }

            Assert.Equal(0, (await m.Audit.SearchAsync(new AuditQuery(Action: AuditActions.Refused), new PageRequest(0, 100))).Items
                .Count(r => r.UnitName == m.ForeignVillage.Name));
        },
    };

    private static readonly Dictionary<string, Func<MatrixContext, Task>> Own = new()
    {
        // The mini province's households were written through the audit interceptor: the own village has a trail.
        ["AuditQueryService.SearchAsync"] = async m =>
            Assert.NotEqual(0, (await m.Audit.SearchAsync(new AuditQuery(UnitCode: m.OwnVillage.Code), new PageRequest(0, 100))).TotalCount),
        ["AuditLog.RecordAsync"] = async m =>
        {
            await using (var db = m.Database.CreateContext(m.Actor))
            {
                await AuditLog.RecordAsync(db, AuditActions.Refused, nameof(Household), "1", m.OwnVillage.Id, "{\"test\":true}");
            }

            Assert.Contains((await m.Audit.SearchAsync(new AuditQuery(Action: AuditActions.Refused), new PageRequest(0, 100))).Items,
                r => r.UnitName == m.OwnVillage.Name);
        },
    };

    internal override IReadOnlyDictionary<string, Func<MatrixContext, Task>> SiblingCases => Sibling;

    internal override IReadOnlyDictionary<string, Func<MatrixContext, Task>> OwnUnitCases => Own;
}

public sealed class SqliteAuditIsolationTests() : AuditIsolationTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlAuditIsolationTests() : AuditIsolationTests(DatabaseProvider.PostgreSql);
