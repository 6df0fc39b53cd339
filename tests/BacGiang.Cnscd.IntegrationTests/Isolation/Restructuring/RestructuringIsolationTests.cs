using System.Text;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Accounts;
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

    private static readonly DateOnly Effective = new(2025, 7, 1);

    private static readonly Dictionary<string, Func<MatrixContext, Task>> Sibling = new()
    {
        ["RestructuringService.PreviewAsync"] = m => RefusedAsync(m, s => s.PreviewAsync(PlanFile(), Effective)),
        ["RestructuringService.ApplyAsync"] = async m =>
        {
            await RefusedAsync(m, s => s.ApplyAsync(PlanFile(), Effective));
            await using var db = m.Database.CreateSystemContext();
            Assert.Equal(0, await db.Units.CountAsync(u => u.ValidTo != null));
        },
        ["RestructuringService.UndoAsync"] = async m =>
        {
            var journal = await ApplyAsAdminAsync(m);
            await RefusedAsync(m, s => s.UndoAsync(journal));
            await using (var db = m.Database.CreateSystemContext())
            {
                Assert.Null((await db.RestructuringJournals.SingleAsync(j => j.Id == journal)).UndoneAtUtc);
            }

            await UndoAsAdminAsync(m, journal);
        },
        ["RestructuringService.ListAsync"] = m => RefusedAsync(m, s => s.ListAsync()),
    };

    /// <summary>The call is refused and audited once (the cases run one after another on one database: count the new rows).</summary>
    private static async Task RefusedAsync(MatrixContext m, Func<RestructuringService, Task> call)
    {
        var service = CoreServices.Create<RestructuringService>(new ActorContextFactory(m.Database, m.Actor));
        await using var db = m.Database.CreateSystemContext();
        var refusals = db.AuditEntries.Where(a => a.Action == AuditActions.Refused && a.UserId == m.Actor.UserId && a.EntityType == "Restructuring");
        var before = await refusals.CountAsync();
        await Assert.ThrowsAsync<ScopeViolationException>(() => call(service));
        Assert.Equal(before + 1, await refusals.CountAsync());
    }

    /// <summary>Cases share one database, so a case that applies the plan undoes it before it ends.</summary>
    private static async Task UndoAsAdminAsync(MatrixContext m, int journal)
    {
        var undone = await (await AdminAsync(m)).UndoAsync(journal);
        Assert.True(undone.Succeeded, undone.Error);
    }

    private static async Task<RestructuringService> AdminAsync(MatrixContext m)
    {
        await using var db = m.Database.CreateSystemContext();
        var province = await db.Units.SingleAsync(u => u.Level == UnitLevel.Province);
        return CoreServices.Create<RestructuringService>(new ActorContextFactory(m.Database, MiniProvince.ActorFor(province, "admin")));
    }

    private static async Task<int> ApplyAsAdminAsync(MatrixContext m)
    {
        var result = await (await AdminAsync(m)).ApplyAsync(PlanFile(), Effective);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.JournalId!.Value;
    }

    private static readonly Dictionary<string, Func<MatrixContext, Task>> Own = new()
    {
        ["RestructuringService.PreviewAsync"] = async m =>
        {
            var result = await (await AdminAsync(m)).PreviewAsync(PlanFile(), Effective);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            Assert.Equal((2, 3, 2), (result.Preview!.DistrictsToClose.Count, result.Preview.CommunesToClose.Count, result.Preview.CommunesToOpen.Count));
        },
        ["RestructuringService.ApplyAsync"] = async m =>
        {
            var journal = await ApplyAsAdminAsync(m);
            await NewTreeIsIsolatedAsync(m);
            await UndoAsAdminAsync(m, journal);
        },
        ["RestructuringService.UndoAsync"] = async m =>
        {
            var journal = await ApplyAsAdminAsync(m);
            await UndoAsAdminAsync(m, journal);
            await using var db = m.Database.CreateSystemContext();
            Assert.Equal(0, await db.Units.CountAsync(u => u.ValidTo != null || u.ValidFrom == Effective));
        },
        ["RestructuringService.ListAsync"] = async m =>
        {
            var journal = await ApplyAsAdminAsync(m);
            var listed = (await (await AdminAsync(m)).ListAsync())[0];
            Assert.Equal((journal, false), (listed.Id, listed.IsUndone));
            await UndoAsAdminAsync(m, journal);
        },
    };

    /// <summary>
    /// The isolation of the tree after the apply: the officer of a new commune sees its three villages and not the other
    /// new commune's; a leader of one of them sees only their village; the closed district's officer sees nothing.
    /// </summary>
    private static async Task NewTreeIsIsolatedAsync(MatrixContext m)
    {
        await using var system = m.Database.CreateSystemContext();
        var doiNgo = await system.Units.SingleAsync(u => u.Code == "07444" && u.ValidFrom == Effective);
        var dongTien = await system.Units.SingleAsync(u => u.Code == "07282" && u.ValidFrom == Effective);
        var village = await system.Units.SingleAsync(u => u.Code == "07444-01");
        var district = await system.Units.SingleAsync(u => u.Code == "218");

        async Task<List<string>> VillagesSeenBy(AppRole role, int unitId)
        {
            var scope = await UnitScopeResolver.ResolveAsync(system, role, unitId);
            await using var db = m.Database.CreateContext(new Actor("reader", "reader", unitId, scope, Role: role));
            return await db.Households.Select(h => db.Units.Where(u => u.Id == h.UnitId).Select(u => u.Code).First()).Distinct().OrderBy(c => c).ToListAsync();
        }

        Assert.Equal(["07444-01", "07444-02", "07450-01"], await VillagesSeenBy(AppRole.CommuneOfficer, doiNgo.Id));
        Assert.Equal(["07282-01"], await VillagesSeenBy(AppRole.CommuneOfficer, dongTien.Id));
        Assert.Equal(["07444-01"], await VillagesSeenBy(AppRole.VillageLeader, village.Id));
        Assert.Empty(await VillagesSeenBy(AppRole.DistrictOfficer, district.Id));
    }

    internal override IReadOnlyDictionary<string, Func<MatrixContext, Task>> SiblingCases => Sibling;

    internal override IReadOnlyDictionary<string, Func<MatrixContext, Task>> OwnUnitCases => Own;
}

public sealed class SqliteRestructuringIsolationTests() : RestructuringIsolationTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlRestructuringIsolationTests() : RestructuringIsolationTests(DatabaseProvider.PostgreSql);
