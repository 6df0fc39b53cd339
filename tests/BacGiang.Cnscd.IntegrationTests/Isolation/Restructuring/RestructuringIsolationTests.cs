using System.Text;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Restructuring;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Isolation.Restructuring;

/// <summary>
/// Restructuring in the service isolation matrix (<see cref="ServiceIsolationMatrix"/>): only the province's
/// administrators restructure the tree, so every role of the matrix is refused and audited; the positive control is
/// the same plan previewed by the province administrator.
/// </summary>
public abstract class RestructuringIsolationTests(DatabaseProvider provider) : ServiceIsolationMatrix(provider)
{
    // The mini province's three communes merged into two new ones.
    private const string Plan = MergerPlanReader.Header + "\n"
        + "07444,Thị trấn Đồi Ngô,24,Tỉnh Bắc Ninh,07444,Xã Đồi Ngô\n"
        + "07450,Xã Đông Hưng,24,Tỉnh Bắc Ninh,07444,Xã Đồi Ngô\n"
        + "07282,Xã Đồng Tiến,24,Tỉnh Bắc Ninh,07282,Xã Đồng Tiến\n";

    private static MemoryStream PlanFile() => new(Encoding.UTF8.GetBytes(Plan));

    private static readonly Dictionary<string, Func<MatrixContext, Task>> Sibling = new()
    {
        ["RestructuringService.PreviewAsync"] = async m =>
        {
            var service = CoreServices.Create<RestructuringService>(new ActorContextFactory(m.Database, m.Actor));
            await Assert.ThrowsAsync<ScopeViolationException>(() => service.PreviewAsync(PlanFile(), new DateOnly(2025, 7, 1)));
            await using var db = m.Database.CreateSystemContext();
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.UserId == m.Actor.UserId && a.EntityType == "Restructuring"));
        },
    };

    private static readonly Dictionary<string, Func<MatrixContext, Task>> Own = new()
    {
        ["RestructuringService.PreviewAsync"] = async m =>
        {
            await using var db = m.Database.CreateSystemContext();
            var province = await db.Units.SingleAsync(u => u.Level == UnitLevel.Province);
            var admin = CoreServices.Create<RestructuringService>(new ActorContextFactory(m.Database, MiniProvince.ActorFor(province, "admin")));
            var result = await admin.PreviewAsync(PlanFile(), new DateOnly(2025, 7, 1));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            Assert.Equal((2, 3, 2), (result.Preview!.DistrictsToClose.Count, result.Preview.CommunesToClose.Count, result.Preview.CommunesToOpen.Count));
        },
    };

    internal override IReadOnlyDictionary<string, Func<MatrixContext, Task>> SiblingCases => Sibling;

    internal override IReadOnlyDictionary<string, Func<MatrixContext, Task>> OwnUnitCases => Own;
}

public sealed class SqliteRestructuringIsolationTests() : RestructuringIsolationTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlRestructuringIsolationTests() : RestructuringIsolationTests(DatabaseProvider.PostgreSql);
