using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Common.Results;
using BacGiang.Cnscd.Core.Features.Reports;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.IntegrationTests.Reports;

/// <summary>The quarterly report workflow through the service, on both engines: freeze, return, resubmit, approve, consolidate, races, refusals.</summary>
public abstract class ReportServiceTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    private static readonly ReportNarrative Narrative = new("Đã hướng dẫn 6 hộ.", "Thiếu điện thoại thông minh.", "Đề nghị hỗ trợ thiết bị.");

    private ReportWorkflowService As(AdministrativeUnit unit, string user = "officer") =>
        CoreServices.Create<ReportWorkflowService>(new ActorContextFactory(Database, MiniProvince.ActorFor(unit, user + "-" + unit.Code)));

    /// <summary>The same officer reading reports.</summary>
    private ReportQueryService ReadAs(AdministrativeUnit unit, string user = "officer") =>
        CoreServices.Create<ReportQueryService>(new ActorContextFactory(Database, MiniProvince.ActorFor(unit, user + "-" + unit.Code)));

    /// <summary>The same officer on a clock that reads <paramref name="today"/>.</summary>
    private ReportQueryService On(DateOnly today, AdministrativeUnit unit, string user = "officer") =>
        CoreServices.CreateOn<ReportQueryService>(today, new ActorContextFactory(Database, MiniProvince.ActorFor(unit, user + "-" + unit.Code)));

    private ReportExportService ExportAs(AdministrativeUnit unit) =>
        CoreServices.Create<ReportExportService>(new ActorContextFactory(Database, MiniProvince.ActorFor(unit, "export-" + unit.Code)), Options.Create(new ReportOptions()));

    private TargetService TargetsAs(AdministrativeUnit unit, DateOnly? today = null) => today is { } day
        ? CoreServices.CreateOn<TargetService>(day, new ActorContextFactory(Database, MiniProvince.ActorFor(unit, "targets-" + unit.Code)))
        : CoreServices.Create<TargetService>(new ActorContextFactory(Database, MiniProvince.ActorFor(unit, "targets-" + unit.Code)));

    private async Task<CommandResult<ReportSaved>> SubmitC1Async(ReportNarrative? narrative = null, int version = 0) =>
        await As(Mini.C1).SubmitAsync(Mini.C1.Id, 2026, 4, narrative ?? Narrative, version);

    [Fact]
    public async Task Submit_WithAnEmptyRequiredPart_GivesFieldMessages_AndStoresNothing()
    {
        var result = await SubmitC1Async(Narrative with { Difficulties = " " });

        Assert.False(result.Succeeded);
        Assert.Equal([ReportNarrative.DifficultiesField], result.FieldErrors.Keys);
        await using var db = Database.CreateSystemContext();
        Assert.False(await db.QuarterlyReports.AnyAsync());
    }

    [Fact]
    public async Task Submit_FreezesTheFigures_LaterDataDoesNotChangeThem()
    {
        await ReportFixture.BuildAsync(Database, Mini);
        var submitted = await SubmitC1Async();
        Assert.True(submitted.Succeeded, submitted.Error);

        // A household registered afterwards, dated inside the quarter: the live figure moves, the frozen one does not.
        await using (var db = Database.CreateSystemContext())
        {
            var h = MiniProvince.NewHousehold(Mini.V11, "Hộ Đăng Ký Sau");
            h.CreatedAtUtc = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
            db.Households.Add(h);
            await db.SaveChangesAsync();
        }

        var view = (await ReadAs(Mini.C1).GetAsync(Mini.C1.Id, 2026, 4))!;
        Assert.True(view.FiguresFrozen);
        Assert.Equal(6, view.Figures.Total.Households);
        Assert.Equal(ReportStatus.Submitted, view.Status);
        Assert.False(view.CanEdit);
        await using var check = Database.CreateContext(MiniProvince.ActorFor(Mini.C1));
        Assert.Equal(7, (await IndicatorCalculator.ForUnitAsync(check, Mini.C1.Id, ReportFixture.Q4)).Households);
    }

    [Fact]
    public async Task CommuneSubmits_DistrictReturns_CommuneResubmits_DistrictApproves_EveryVersionKept_AndAudited()
    {
        var first = await SubmitC1Async();
        var district = As(Mini.D1);

        var returned = await district.ReturnAsync(first.Value!.ReportId, "Thiếu số liệu thôn 2", first.Value!.Version);
        Assert.True(returned.Succeeded, returned.Error);
        var again = await ReadAs(Mini.C1).GetAsync(Mini.C1.Id, 2026, 4);
        Assert.Equal((ReportStatus.Returned, "Thiếu số liệu thôn 2", true), (again!.Status, again.ReviewComment, again.CanEdit));

        var resubmitted = await SubmitC1Async(Narrative with { Results = "Đã hướng dẫn 6 hộ ở cả 2 thôn." }, returned.Value!.Version);
        Assert.True(resubmitted.Succeeded, resubmitted.Error);
        var approved = await district.ApproveAsync(first.Value!.ReportId, resubmitted.Value!.Version);
        Assert.True(approved.Succeeded, approved.Error);

        // Approved = locked.
        var edit = await As(Mini.C1).SaveDraftAsync(Mini.C1.Id, 2026, 4, Narrative, approved.Value!.Version);
        Assert.False(edit.Succeeded);
        Assert.Contains("Đã duyệt", edit.Error, StringComparison.Ordinal);

        var view = (await ReadAs(Mini.D1).GetAsync(Mini.C1.Id, 2026, 4))!;
        Assert.Equal([2, 1], view.Submissions.Select(s => s.Number));
        Assert.Equal([ReportStatus.Approved, ReportStatus.Returned], view.Submissions.Select(s => s.Outcome));
        var firstVersion = (await ReadAs(Mini.D1).GetSubmissionAsync(view.Submissions[1].Id))!;
        Assert.Equal(("Đã hướng dẫn 6 hộ.", "Thiếu số liệu thôn 2"), (firstVersion.Narrative.Results, firstVersion.ReviewComment));

        await using var db = Database.CreateSystemContext();
        var steps = await db.AuditEntries.Where(a => a.EntityType == nameof(QuarterlyReport)
                && a.EntityId == first.Value!.ReportId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).Select(a => a.Changes!).ToListAsync();
        Assert.True(steps.Count >= 4, $"{steps.Count} audited steps");
        Assert.Contains(steps, c => c.Contains("\"Returned\"", StringComparison.Ordinal) || c.Contains("\"Status\":2", StringComparison.Ordinal));
        Assert.Equal(2, await db.QuarterlyReportSubmissions.CountAsync(s => s.ReportId == first.Value!.ReportId));
    }

    [Fact]
    public async Task TwoDistrictOfficers_AtOnce_OneWins_TheOtherIsToldWhatHappened()
    {
        var submitted = await SubmitC1Async();
        var first = As(Mini.D1, "first");
        var second = As(Mini.D1, "second");

        var approved = await first.ApproveAsync(submitted.Value!.ReportId, submitted.Value!.Version);
        var returned = await second.ReturnAsync(submitted.Value!.ReportId, "Lý do của người thứ hai", submitted.Value!.Version);

        Assert.True(approved.Succeeded);
        Assert.False(returned.Succeeded);
        Assert.True(returned.IsConflict);
        Assert.Equal(ReportStatus.Approved, returned.Value!.Status);
        Assert.Contains("đã duyệt báo cáo này", returned.Error, StringComparison.Ordinal);
        await using var db = Database.CreateSystemContext();
        var stored = await db.QuarterlyReports.SingleAsync();
        Assert.Equal((ReportStatus.Approved, null), (stored.Status, stored.ReviewComment));
    }

    [Fact]
    public async Task Approve_OutsideOnesScope_IsRefusedAndAudited_AndTheOwnCommuneCannotApproveItself()
    {
        var submitted = await SubmitC1Async();

        await Assert.ThrowsAsync<ScopeViolationException>(() => As(Mini.D2).ApproveAsync(submitted.Value!.ReportId, submitted.Value!.Version));
        var self = await As(Mini.C1).ApproveAsync(submitted.Value!.ReportId, submitted.Value!.Version);
        Assert.False(self.Succeeded);
        Assert.Equal(ReportMessages.NotTheReviewer, self.Error);

        await using var db = Database.CreateSystemContext();
        Assert.Equal(ReportStatus.Submitted, (await db.QuarterlyReports.SingleAsync()).Status);
        var refusals = await db.AuditEntries.Where(a => a.Action == AuditActions.Refused && a.EntityType == nameof(QuarterlyReport)).ToListAsync();
        Assert.Contains(refusals, a => a.UserId == "officer-" + Mini.D2.Code && a.UnitId == Mini.C1.Id);
        Assert.Contains(refusals, a => a.UserId == "officer-" + Mini.C1.Code);
    }

    [Fact]
    public async Task DistrictReport_ConsolidatesApprovedCommunes_AndTheDepartmentApprovesIt()
    {
        await ReportFixture.BuildAsync(Database, Mini);
        var c1 = await SubmitC1Async();
        var district = As(Mini.D1);
        Assert.True((await district.ApproveAsync(c1.Value!.ReportId, c1.Value!.Version)).Succeeded);

        var draft = (await ReadAs(Mini.D1).GetAsync(Mini.D1.Id, 2026, 4))!;
        Assert.True(draft.CanEdit);
        Assert.Equal([true, false], draft.Figures.Rows.Select(r => r.FromSubmittedReport));
        Assert.Equal(9, draft.Figures.Total.Households); // C1's frozen 6 + C3's computed 3

        var submitted = await district.SubmitAsync(Mini.D1.Id, 2026, 4, Narrative, 0);
        Assert.True(submitted.Succeeded, submitted.Error);
        var province = As(Mini.Province);
        Assert.True((await province.ReturnAsync(submitted.Value!.ReportId, "Bổ sung đề xuất", submitted.Value!.Version)).Succeeded);
        var again = await district.SubmitAsync(Mini.D1.Id, 2026, 4, Narrative with { Proposals = "Đề nghị cấp kinh phí." }, submitted.Value!.Version + 1);
        Assert.True(again.Succeeded, again.Error);
        Assert.True((await province.ApproveAsync(submitted.Value!.ReportId, again.Value!.Version)).Succeeded);
    }

    [Fact]
    public async Task Deadlines_DistrictSetsTheCommuneDate_AndTheListShowsOnTimeLateMissing()
    {
        var district = As(Mini.D1);
        Assert.False((await district.SetCommuneDeadlineAsync(Mini.D1.Id, 2026, 4, new DateOnly(2026, 12, 25))).Succeeded);
        Assert.True((await district.SetCommuneDeadlineAsync(Mini.D1.Id, 2026, 4, new DateOnly(2026, 12, 10))).Succeeded);
        await Assert.ThrowsAsync<ScopeViolationException>(() => As(Mini.C1).SetCommuneDeadlineAsync(Mini.D1.Id, 2026, 4, new DateOnly(2026, 12, 1)));

        var c1 = await SubmitC1Async();
        Assert.True(c1.Succeeded);
        await using (var db = Database.CreateSystemContext())
        {
            // Submitted on 12/12 (Vietnam): after the district's date.
            var stored = await db.QuarterlyReportSubmissions.SingleAsync();
            stored.SubmittedAtUtc = new DateTime(2026, 12, 12, 2, 0, 0, DateTimeKind.Utc);
            await db.SaveChangesAsync();
        }

        var rows = (await On(new DateOnly(2026, 12, 14), Mini.D1).ChildrenAsync(Mini.D1.Id, 2026, 4, new PageRequest(0, 20))).Items;
        Assert.Equal([new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 10)], rows.Select(r => r.DueDate));
        Assert.Equal([Timeliness.Late, Timeliness.Missing], rows.Select(r => r.Timeliness));
        var early = (await On(new DateOnly(2026, 12, 5), Mini.D1).ChildrenAsync(Mini.D1.Id, 2026, 4, new PageRequest(0, 20))).Items;
        Assert.Equal(Timeliness.NotYetDue, early[1].Timeliness);

        var province = (await On(new DateOnly(2026, 12, 21), Mini.Province).ChildrenAsync(Mini.Province.Id, 2026, 4, new PageRequest(0, 20))).Items;
        Assert.Equal([Timeliness.Missing, Timeliness.Missing], province.Select(r => r.Timeliness));
        Assert.All(province, r => Assert.Equal(new DateOnly(2026, 12, 20), r.DueDate));
    }

    [Fact]
    public async Task DueSoon_ShowsTheOwnReportAndTheChildrenStillOwing_WithinSevenDays()
    {
        var due = await On(new DateOnly(2026, 12, 9), Mini.C3).DueSoonAsync();
        Assert.Contains(due, d => d.DueDate == new DateOnly(2026, 12, 15) && d.Text.Contains(Mini.C3.Name, StringComparison.Ordinal));
        Assert.Empty(await On(new DateOnly(2026, 11, 30), Mini.C3).DueSoonAsync());

        var district = await On(new DateOnly(2026, 12, 14), Mini.D1).DueSoonAsync();
        Assert.Contains(district, d => d.Text.StartsWith("2 đơn vị cấp dưới", StringComparison.Ordinal));
        Assert.Contains(district, d => d.DueDate == new DateOnly(2026, 12, 20));
    }

    [Fact]
    public async Task Export_OutsideOnesScope_IsRefusedAndAudited_InsideItIsAudited()
    {
        await Assert.ThrowsAsync<ScopeViolationException>(() => ExportAs(Mini.D2).ExportAsync(Mini.D1.Id, 2026, 4));
        await Assert.ThrowsAsync<ScopeViolationException>(() => ExportAs(Mini.V11).ExportAsync(Mini.C1.Id, 2026, 4));
        var file = await ExportAs(Mini.D1).ExportAsync(Mini.D1.Id, 2026, 4);
        Assert.NotEmpty(file.Content);
        Assert.EndsWith(".xlsx", file.FileName, StringComparison.Ordinal);

        await using var db = Database.CreateSystemContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.UserId == "export-" + Mini.D2.Code && a.UnitId == Mini.D1.Id));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Export && a.UserId == "export-" + Mini.D1.Code && a.UnitId == Mini.D1.Id));
    }

    [Fact]
    public async Task Targets_DistrictSetsCommuneTargets_ProgressShowsNextToThem_OthersAreRefusedAndAudited()
    {
        await ReportFixture.BuildAsync(Database, Mini);
        var due = new DateOnly(2026, 12, 31);
        var set = await TargetsAs(Mini.D1).SetAsync(Mini.C1.Id, TargetIndicator.HouseholdsCovered, 80, due, 0);
        Assert.True(set.Succeeded, set.Error);
        Assert.False((await TargetsAs(Mini.D1).SetAsync(Mini.C1.Id, TargetIndicator.HouseholdsCovered, 120, due, set.Value)).Succeeded);
        var stale = await TargetsAs(Mini.D1).SetAsync(Mini.C1.Id, TargetIndicator.HouseholdsCovered, 85, due, set.Value + 5);
        Assert.True(stale.IsConflict);

        var rows = (await TargetsAs(Mini.D1, new DateOnly(2026, 12, 1)).ListAsync(Mini.D1.Id, new PageRequest(0, 20))).Items;
        var cell = rows.Single(r => r.UnitId == Mini.C1.Id).Cells.Single(c => c.Indicator == TargetIndicator.HouseholdsCovered);
        Assert.Equal((80m, 33.3m, false), (cell.TargetPercent, cell.ActualPercent, cell.Reached));

        // The report carries the target next to the figure, frozen with it.
        var report = (await ReadAs(Mini.D1).GetAsync(Mini.D1.Id, 2026, 4))!;
        Assert.Equal(80m, report.Figures.Rows.Single(r => r.UnitId == Mini.C1.Id).TargetFor(TargetIndicator.HouseholdsCovered)!.Percent);

        await Assert.ThrowsAsync<ScopeViolationException>(() => TargetsAs(Mini.C1).SetAsync(Mini.C1.Id, TargetIndicator.HouseholdsCovered, 10, due, 0));
        await Assert.ThrowsAsync<ScopeViolationException>(() => TargetsAs(Mini.D2).SetAsync(Mini.C1.Id, TargetIndicator.HouseholdsCovered, 10, due, 0));
        Assert.True((await TargetsAs(Mini.Province).SetAsync(Mini.D1.Id, TargetIndicator.TeamsConstituted, 100, due, 0)).Succeeded);
        await using var db = Database.CreateSystemContext();
        Assert.Equal(80m, (await db.Targets.SingleAsync(t => t.UnitId == Mini.C1.Id)).Percent);
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.Refused && a.EntityType == nameof(Target)));
    }
}

public sealed class SqliteReportServiceTests() : ReportServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlReportServiceTests() : ReportServiceTests(DatabaseProvider.PostgreSql);
