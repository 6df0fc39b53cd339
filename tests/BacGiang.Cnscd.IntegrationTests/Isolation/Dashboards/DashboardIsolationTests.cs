using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Dashboards;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Isolation.Dashboards;

/// <summary>
/// The dashboard, its trend and its export in the service isolation matrix (<see cref="ServiceIsolationMatrix"/>): every public method of
/// <see cref="DashboardService"/> and <see cref="DashboardHistoryService"/> against the sibling unit, and the same calls on the actor's own unit.
/// </summary>
public abstract class DashboardIsolationTests(DatabaseProvider provider) : ServiceIsolationMatrix(provider)
{
    private static readonly Dictionary<string, Func<MatrixContext, Task>> Sibling = new()
    {
        ["DashboardService.GetAsync"] = async m =>
        {
            var dashboards = DashboardsFor(m);
            Assert.Null(await dashboards.GetAsync(m.Foreign.Id));
            Assert.Null(await dashboards.GetAsync(m.ForeignVillage.Id));
            await using (var db = m.Database.CreateSystemContext())
            {
                Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.UserId == m.Actor.UserId
                    && a.EntityType == "Dashboard" && a.UnitId == m.Foreign.Id));
            }

            // The reader's own dashboard starts at its unit, and neither its figures nor its rows include the sibling's household.
            var own = (await dashboards.GetAsync(null))!;
            Assert.Equal(m.Own.Id, own.UnitId);
            Assert.DoesNotContain(own.Children, c => c.UnitId == m.Foreign.Id || c.UnitId == m.ForeignVillage.Id);
            await using var system = m.Database.CreateSystemContext();
            var ownHouseholds = await system.Households.CountAsync(h => h.DistrictId == m.Own.Id || h.CommuneId == m.Own.Id || h.VillageId == m.Own.Id);
            Assert.Equal(ownHouseholds, own.Totals.HouseholdTotal);
        },
        ["DashboardService.GetTrendAsync"] = async m =>
        {
            var dashboards = DashboardsFor(m);
            Assert.Empty(await dashboards.GetTrendAsync(m.Foreign.Id));
            Assert.Empty(await dashboards.GetTrendAsync(m.ForeignVillage.Id));
            var own = await dashboards.GetTrendAsync(m.Own.Id);
            await using var system = m.Database.CreateSystemContext();
            Assert.Equal(await system.Households.CountAsync(h => h.DistrictId == m.Own.Id || h.CommuneId == m.Own.Id || h.VillageId == m.Own.Id),
                own[^1].Households);
        },
        ["DashboardService.ExportAsync"] = async m =>
        {
            var dashboards = DashboardsFor(m);
            Assert.Null(await dashboards.ExportAsync(m.Foreign.Id));
            Assert.Null(await dashboards.ExportAsync(m.ForeignVillage.Id));
            using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream((await dashboards.ExportAsync(null))!));
            var cells = workbook.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()).ToList();
            Assert.DoesNotContain(cells, c => c.Contains(m.Foreign.Name, StringComparison.Ordinal) || c.Contains(m.ForeignVillage.Name, StringComparison.Ordinal));
        },
        ["DashboardHistoryService.GetAsync"] = async m =>
        {
            // A past day (yesterday): the same refusal, audited, and the reader's own figures without the sibling's.
            var history = HistoryFor(m);
            var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
            async Task<int> RefusalsAsync()
            {
                await using var db = m.Database.CreateSystemContext();
                return await db.AuditEntries.CountAsync(a => a.Action == AuditActions.Refused && a.UserId == m.Actor.UserId && a.EntityType == "Dashboard");
            }

            var refusedBefore = await RefusalsAsync();
            Assert.Null(await history.GetAsync(m.Foreign.Id, yesterday));
            Assert.Null(await history.GetAsync(m.ForeignVillage.Id, yesterday));
            Assert.Equal(refusedBefore + 2, await RefusalsAsync()); // each refusal audited once

            var own = (await history.GetAsync(null, yesterday))!;
            Assert.Equal(m.Own.Id, own.UnitId);
            Assert.DoesNotContain(own.Children, c => c.UnitId == m.Foreign.Id || c.UnitId == m.ForeignVillage.Id);
            await using var system = m.Database.CreateSystemContext();
            var everywhere = await system.VillageQuarterSummaries.SumAsync(s => s.Households);
            Assert.True(own.Totals.HouseholdTotal < everywhere, "the sibling's snapshots are not counted");
        },
    };

    private static DashboardHistoryService HistoryFor(MatrixContext m) =>
        CoreServices.Create<DashboardHistoryService>(new ActorContextFactory(m.Database, m.Actor));

    private static readonly Dictionary<string, Func<MatrixContext, Task>> Own = new()
    {
        ["DashboardHistoryService.GetAsync"] = async m =>
        {
            var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
            Assert.Equal(m.OwnVillage.Id, (await HistoryFor(m).GetAsync(m.OwnVillage.Id, yesterday))?.UnitId);
            await AssertNothingRefusedAsync(m);
        },
        ["DashboardService.GetAsync"] = async m =>
        {
            var dashboards = DashboardsFor(m);
            Assert.Equal(m.Own.Id, (await dashboards.GetAsync(m.Own.Id))?.UnitId);
            Assert.Equal(m.OwnVillage.Id, (await dashboards.GetAsync(m.OwnVillage.Id))?.UnitId);
            await AssertNothingRefusedAsync(m);
        },
        ["DashboardService.GetTrendAsync"] = async m => Assert.NotEmpty(await DashboardsFor(m).GetTrendAsync(m.OwnVillage.Id)),
        ["DashboardService.ExportAsync"] = async m => Assert.NotNull(await DashboardsFor(m).ExportAsync(m.OwnVillage.Id)),
    };

    internal override IReadOnlyDictionary<string, Func<MatrixContext, Task>> SiblingCases => Sibling;

    internal override IReadOnlyDictionary<string, Func<MatrixContext, Task>> OwnUnitCases => Own;
}

public sealed class SqliteDashboardIsolationTests() : DashboardIsolationTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlDashboardIsolationTests() : DashboardIsolationTests(DatabaseProvider.PostgreSql);
