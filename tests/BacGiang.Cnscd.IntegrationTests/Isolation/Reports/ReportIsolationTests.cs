using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Reports;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.IntegrationTests.Isolation.Reports;

/// <summary>
/// Quarterly reports, their Excel export and targets in the service isolation matrix (<see cref="ServiceIsolationMatrix"/>): every public method of
/// <see cref="ReportQueryService"/>, <see cref="ReportWorkflowService"/>, <see cref="ReportExportService"/>, <see cref="TargetService"/> against the sibling unit, and the same calls on the actor's own unit.
/// </summary>
public abstract class ReportIsolationTests(DatabaseProvider provider) : ServiceIsolationMatrix(provider)
{
    private static readonly Dictionary<string, Func<MatrixContext, Task>> Sibling = new()
    {
        ["ReportQueryService.GetAsync"] = async m =>
        {
            var foreign = await ForeignReportAsync(m);
            Assert.Null(await Reports(m).GetAsync(foreign.UnitId, 2026, 4));
        },
        ["ReportQueryService.ChildrenAsync"] = async m =>
        {
            var foreign = await ForeignReportAsync(m);
            foreach (var parent in new[] { foreign.UnitId, m.Foreign.Id, m.Foreign.ParentId ?? 0 })
            {
                var rows = await Reports(m).ChildrenAsync(parent, 2026, 4, new PageRequest(0, 100));
                Assert.DoesNotContain(rows.Items, r => r.UnitId == foreign.UnitId || r.UnitId == m.Foreign.Id || r.ReportId == foreign.ReportId);
            }
        },
        ["ReportWorkflowService.SaveDraftAsync"] = async m =>
        {
            var foreign = await ForeignReportAsync(m);
            await Assert.ThrowsAsync<ScopeViolationException>(() => Workflow(m).SaveDraftAsync(foreign.UnitId, 2026, 4, ForgedNarrative, foreign.Version));
            await AssertForeignReportUnchangedAsync(m, foreign);
        },
        ["ReportWorkflowService.SubmitAsync"] = async m =>
        {
            var foreign = await ForeignReportAsync(m);
            await Assert.ThrowsAsync<ScopeViolationException>(() => Workflow(m).SubmitAsync(foreign.UnitId, 2026, 4, ForgedNarrative, foreign.Version));
            await AssertForeignReportUnchangedAsync(m, foreign);
        },
        ["ReportWorkflowService.ApproveAsync"] = async m =>
        {
            var foreign = await ForeignReportAsync(m);
            await Assert.ThrowsAsync<ScopeViolationException>(() => Workflow(m).ApproveAsync(foreign.ReportId, foreign.Version));
            await AssertForeignReportUnchangedAsync(m, foreign);
            await using var db = m.Database.CreateSystemContext();
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.UserId == m.Actor.UserId
                && a.EntityType == nameof(QuarterlyReport) && a.UnitId == foreign.UnitId));
        },
        ["ReportWorkflowService.ReturnAsync"] = async m =>
        {
            var foreign = await ForeignReportAsync(m);
            await Assert.ThrowsAsync<ScopeViolationException>(() => Workflow(m).ReturnAsync(foreign.ReportId, "Trả lại giả mạo", foreign.Version));
            await AssertForeignReportUnchangedAsync(m, foreign);
        },
        ["ReportQueryService.GetSubmissionAsync"] = async m =>
        {
            var foreign = await ForeignReportAsync(m);
            Assert.Null(await Reports(m).GetSubmissionAsync(foreign.SubmissionId));
        },
        ["ReportWorkflowService.SetCommuneDeadlineAsync"] = async m =>
        {
            var foreign = await ForeignReportAsync(m);
            await Assert.ThrowsAsync<ScopeViolationException>(() =>
                Workflow(m).SetCommuneDeadlineAsync(foreign.DistrictId, 2026, 4, new DateOnly(2026, 12, 1)));
            await using var db = m.Database.CreateSystemContext();
            Assert.False(await db.QuarterlyReports.AnyAsync(r => r.UnitId == foreign.DistrictId && r.ChildrenDueDate != null));
        },
        ["ReportQueryService.DueSoonAsync"] = async m =>
        {
            var due = await CoreServices.CreateOn<ReportQueryService>(new DateOnly(2026, 12, 14), new ActorContextFactory(m.Database, m.Actor)).DueSoonAsync();
            Assert.DoesNotContain(due, d => d.Text.Contains(m.Foreign.Name, StringComparison.Ordinal) || d.Text.Contains(m.ForeignVillage.Name, StringComparison.Ordinal));
        },
        ["ReportExportService.ExportAsync"] = async m =>
        {
            var foreign = await ForeignReportAsync(m);
            var export = CoreServices.Create<ReportExportService>(new ActorContextFactory(m.Database, m.Actor), Options.Create(new ReportOptions()));
            await Assert.ThrowsAsync<ScopeViolationException>(() => export.ExportAsync(foreign.UnitId, 2026, 4));
            await Assert.ThrowsAsync<ScopeViolationException>(() => export.ExportAsync(m.Foreign.Id, 2026, 4));
            await using var db = m.Database.CreateSystemContext();
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.UserId == m.Actor.UserId
                && a.EntityType == nameof(QuarterlyReport) && a.UnitId == foreign.UnitId));
        },
        ["TargetService.ListAsync"] = async m =>
        {
            var foreign = await ForeignReportAsync(m);
            var targets = CoreServices.CreateOn<TargetService>(new DateOnly(2026, 12, 1), new ActorContextFactory(m.Database, m.Actor));
            foreach (var parent in new[] { foreign.DistrictId, m.Foreign.Id, m.Foreign.ParentId ?? 0 })
            {
                var rows = await targets.ListAsync(parent, new PageRequest(0, 100));
                Assert.DoesNotContain(rows.Items, r => r.UnitId == foreign.UnitId || r.UnitId == m.Foreign.Id);
            }
        },
        ["TargetService.SetAsync"] = async m =>
        {
            var foreign = await ForeignReportAsync(m);
            var targets = CoreServices.Create<TargetService>(new ActorContextFactory(m.Database, m.Actor));
            await Assert.ThrowsAsync<ScopeViolationException>(() =>
                targets.SetAsync(foreign.UnitId, TargetIndicator.HouseholdsCovered, 90, new DateOnly(2026, 12, 31), 0));
            await using var db = m.Database.CreateSystemContext();
            Assert.False(await db.Targets.AnyAsync(t => t.UnitId == foreign.UnitId));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.UserId == m.Actor.UserId && a.EntityType == nameof(Target)));
        },
    };

    private static readonly Dictionary<string, Func<MatrixContext, Task>> Own = new()
    {
        // Reports are the commune's and the district's: the own commune's submitted report is read by its commune and
        // district, reviewed by the district; a village leader has no report (see the village case in each).
        ["ReportQueryService.GetAsync"] = async m =>
        {
            var own = await OwnReportAsync(m);
            var view = await Reports(m).GetAsync(own.UnitId, 2026, 4);
            if (m.Actor.Role() == AppRole.VillageLeader)
            {
                return;
            }

            Assert.Equal(own.ReportId, view?.ReportId);
            await AssertNothingRefusedAsync(m);
        },
        ["ReportQueryService.ChildrenAsync"] = async m =>
        {
            var own = await OwnReportAsync(m);
            if (m.Actor.Role() != AppRole.DistrictOfficer)
            {
                return;
            }

            var rows = await Reports(m).ChildrenAsync(m.Own.Id, 2026, 4, new PageRequest(0, 100));
            Assert.Contains(rows.Items, r => r.ReportId == own.ReportId);
        },
        ["ReportQueryService.GetSubmissionAsync"] = async m =>
        {
            var own = await OwnReportAsync(m);
            if (m.Actor.Role() == AppRole.VillageLeader)
            {
                return;
            }

            Assert.NotNull(await Reports(m).GetSubmissionAsync(own.SubmissionId));
        },
        ["ReportWorkflowService.ApproveAsync"] = async m =>
        {
            var own = await OwnReportAsync(m);
            if (m.Actor.Role() != AppRole.DistrictOfficer)
            {
                return;
            }

            var result = await Workflow(m).ApproveAsync(own.ReportId, own.Version);
            Assert.True(result.Succeeded, result.Error);
            await using var db = m.Database.CreateSystemContext();
            Assert.Equal(ReportStatus.Approved, (await db.QuarterlyReports.SingleAsync(r => r.Id == own.ReportId)).Status);
        },
        ["ReportExportService.ExportAsync"] = async m =>
        {
            var own = await OwnReportAsync(m);
            if (m.Actor.Role() == AppRole.VillageLeader)
            {
                return;
            }

            var export = CoreServices.Create<ReportExportService>(new ActorContextFactory(m.Database, m.Actor), Options.Create(new ReportOptions()));
            Assert.NotNull(await export.ExportAsync(own.UnitId, 2026, 4));
        },
        ["TargetService.ListAsync"] = async m =>
        {
            if (m.Actor.Role() != AppRole.DistrictOfficer)
            {
                return;
            }

            var targets = CoreServices.Create<TargetService>(new ActorContextFactory(m.Database, m.Actor));
            Assert.Contains((await targets.ListAsync(m.Own.Id, new PageRequest(0, 100))).Items, r => r.UnitId == m.OwnVillage.CommuneId);
        },
        ["TargetService.SetAsync"] = async m =>
        {
            if (m.Actor.Role() != AppRole.DistrictOfficer)
            {
                return; // a district sets its communes' targets (the province its districts')
            }

            var targets = CoreServices.Create<TargetService>(new ActorContextFactory(m.Database, m.Actor));
            var result = await targets.SetAsync(m.OwnVillage.CommuneId!.Value, TargetIndicator.HouseholdsCovered, 90, new DateOnly(2026, 12, 31), 0);
            Assert.True(result.Succeeded, result.Error);
            await using var db = m.Database.CreateSystemContext();
            Assert.True(await db.Targets.AnyAsync(t => t.UnitId == m.OwnVillage.CommuneId));
        },
    };

    internal override IReadOnlyDictionary<string, Func<MatrixContext, Task>> SiblingCases => Sibling;

    internal override IReadOnlyDictionary<string, Func<MatrixContext, Task>> OwnUnitCases => Own;
}

public sealed class SqliteReportIsolationTests() : ReportIsolationTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlReportIsolationTests() : ReportIsolationTests(DatabaseProvider.PostgreSql);
