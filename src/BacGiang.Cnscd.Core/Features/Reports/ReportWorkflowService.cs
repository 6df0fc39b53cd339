using BacGiang.Cnscd.Core.Time;
using System.Globalization;
using System.Text.Json;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Data.Interceptors;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Common.Results;
using BacGiang.Cnscd.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>
/// The steps of a quarterly report (§2.9e, rule R4): a commune drafts and submits to its district, the district approves or returns
/// it with a reason, consolidates its communes in its own report and submits to the Department. The states are
/// <see cref="ReportWorkflow"/>'s; figures come from <see cref="IndicatorCalculator"/> and are frozen at submission;
/// each submitted version is kept. Every change is audited by the interceptor; refusals are audited here. Two
/// reviewers acting at once: the report's <see cref="QuarterlyReport.Version"/> lets one win, and the other is told
/// who did what, with nothing written and nothing they typed lost. Reading a report is <see cref="ReportQueryService"/>'s.
/// </summary>
public sealed class ReportWorkflowService(IDbContextFactory<CnscdDbContext> contextFactory, AccessRefusals refusals, VietnamClock clock,
    ILogger<ReportWorkflowService> logger)
{
    private const int MaxCommentLength = 2000;

    /// <summary>Saves the narrative of a draft (or returned) report, creating the report on first save.</summary>
    public Task<CommandResult<ReportSaved>> SaveDraftAsync(int unitId, int year, int quarter, ReportNarrative narrative, int expectedVersion,
        CancellationToken cancellationToken = default) =>
        WriteAsync(unitId, year, quarter, narrative, expectedVersion, submit: false, cancellationToken);

    /// <summary>
    /// Submits the report: the three narrative parts are required (field-level messages otherwise, nothing submitted),
    /// the figures are computed as of the quarter's end and frozen, and the version is kept in the history.
    /// </summary>
    public Task<CommandResult<ReportSaved>> SubmitAsync(int unitId, int year, int quarter, ReportNarrative narrative, int expectedVersion,
        CancellationToken cancellationToken = default) =>
        WriteAsync(unitId, year, quarter, narrative, expectedVersion, submit: true, cancellationToken);

    /// <summary>Approves a submitted report of a child unit (district → commune, Department → district); it is locked from then on.</summary>
    public Task<CommandResult<ReportSaved>> ApproveAsync(int reportId, int expectedVersion, CancellationToken cancellationToken = default) =>
        ReviewAsync(reportId, ReportAction.Approve, null, expectedVersion, cancellationToken);

    /// <summary>Returns a submitted report of a child unit with the reason; it becomes editable again.</summary>
    public Task<CommandResult<ReportSaved>> ReturnAsync(int reportId, string comment, int expectedVersion, CancellationToken cancellationToken = default) =>
        ReviewAsync(reportId, ReportAction.Return, comment, expectedVersion, cancellationToken);

    /// <summary>
    /// Sets the date by which the communes of a district report for the quarter (rule R4; default the 15th of the
    /// quarter's last month): the district's officer for its communes, or, since the 2025 reform, the Department (a
    /// province administrator) for the communes placed directly under the province. It must fall inside the quarter and
    /// not after the unit's own deadline. Reports of those communes not yet submitted take the new date.
    /// </summary>
    public async Task<CommandResult<ReportSaved>> SetCommuneDeadlineAsync(int unitId, int year, int quarter, DateOnly dueDate,
        CancellationToken cancellationToken = default)
    {
        var period = new ReportingPeriod(year, quarter);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // The province is no reporting unit of its own here, but it sets its communes' deadline on its report row.
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId && (u.Level == UnitLevel.District || u.Level == UnitLevel.Province))
            .Select(u => new ReportingUnit(u.Id, u.Name, u.Level, u.Kind, u.ParentId)).FirstOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            throw await refusals.RefuseAsync<AdministrativeUnit>(unitId, ReportMessages.NotFound);
        }

        var actor = db.Actor;
        var setsForItsCommunes = unit.Level switch
        {
            UnitLevel.District => ReportQueryService.IsAuthor(actor, unit),
            UnitLevel.Province => actor.Role == AppRole.ProvinceAdmin && actor.UnitId == unit.Id,
            _ => false,
        };
        if (!setsForItsCommunes)
        {
            await refusals.RefuseAtAsync(nameof(AdministrativeUnit), unitId.ToString(CultureInfo.InvariantCulture), unitId, ReportMessages.NotTheDistrict);
            return CommandResult<ReportSaved>.Refused(ReportMessages.NotTheDistrict);
        }

        if (dueDate < period.Start || dueDate > period.DistrictDueDate)
        {
            return CommandResult<ReportSaved>.Invalid(ReportMessages.DeadlineOutsideQuarter);
        }

        var report = await db.QuarterlyReports.FirstOrDefaultAsync(r => r.UnitId == unitId && r.Year == year && r.Quarter == quarter, cancellationToken);
        if (report is null)
        {
            report = new QuarterlyReport { UnitId = unitId, Year = year, Quarter = quarter, DueDate = period.DistrictDueDate };
            db.QuarterlyReports.Add(report);
        }

        report.ChildrenDueDate = dueDate;
        // A district's communes carry its id; the province's own communes carry no district at all.
        int? districtOfCommunes = unit.Level == UnitLevel.District ? unitId : null;
        var communeReports = await db.QuarterlyReports
            .Where(r => r.DistrictId == districtOfCommunes && r.CommuneId != null && r.VillageId == null && r.Year == year && r.Quarter == quarter
                && r.SubmittedAtUtc == null)
            .ToListAsync(cancellationToken);
        foreach (var commune in communeReports)
        {
            commune.DueDate = dueDate;
        }

        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<ReportSaved>.Ok(new ReportSaved(report.Id, report.Version, report.Status));
    }

    private async Task<CommandResult<ReportSaved>> WriteAsync(int unitId, int year, int quarter, ReportNarrative narrative, int expectedVersion, bool submit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(narrative);
        var period = new ReportingPeriod(year, quarter);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var unit = await ReportQueryService.ReportingUnitAsync(db, unitId, cancellationToken);
        if (unit is null)
        {
            throw await refusals.RefuseAsync<AdministrativeUnit>(unitId, ReportMessages.NotFound);
        }

        if (!ReportQueryService.IsAuthor(db.Actor, unit))
        {
            await refusals.RefuseAtAsync(nameof(QuarterlyReport), unitId.ToString(CultureInfo.InvariantCulture), unitId, ReportMessages.NotTheAuthor);
            return CommandResult<ReportSaved>.Refused(ReportMessages.NotTheAuthor);
        }

        var text = narrative.Trimmed();
        var errors = submit ? text.ValidateForSubmission() : text.ValidateForDraft();
        if (errors.Count > 0)
        {
            return CommandResult<ReportSaved>.Invalid(errors, submit ? ReportMessages.MissingFields : errors.Values.First());
        }

        var report = await db.QuarterlyReports.Include(r => r.Submissions)
            .FirstOrDefaultAsync(r => r.UnitId == unitId && r.Year == year && r.Quarter == quarter, cancellationToken);
        if (report is null)
        {
            report = new QuarterlyReport
            {
                UnitId = unitId, Year = year, Quarter = quarter, Status = ReportStatus.Draft,
                DueDate = await ReportQueryService.DueDateAsync(db, unit, period, cancellationToken),
            };
            db.QuarterlyReports.Add(report);
        }
        else if (report.Version != expectedVersion)
        {
            return await ConflictAsync(db, report, cancellationToken);
        }
        else
        {
            db.Entry(report).Property(r => r.Version).OriginalValue = expectedVersion;
        }

        if (!ReportWorkflow.Allows(report.Status, submit ? ReportAction.Submit : ReportAction.EditNarrative))
        {
            return CommandResult<ReportSaved>.Invalid(new ReportTransitionException(report.Status, submit ? ReportAction.Submit : ReportAction.EditNarrative).Message);
        }

        if (submit)
        {
            var figures = await ReportQueryService.ComputeFiguresAsync(db, unit, period, cancellationToken);
            report.Submit(text, figures.ToJson(), db.Actor.UserId, clock.UtcNow);
        }
        else
        {
            report.EditNarrative(text);
        }

        return await SaveAsync(db, report, cancellationToken);
    }

    private async Task<CommandResult<ReportSaved>> ReviewAsync(int reportId, ReportAction action, string? comment, int expectedVersion, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var report = await db.QuarterlyReports.Include(r => r.Submissions).FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            throw await refusals.RefuseAsync<QuarterlyReport>(reportId, ReportMessages.NotFound);
        }

        var unit = (await ReportQueryService.ReportingUnitAsync(db, report.UnitId, cancellationToken))!;
        if (!ReportQueryService.IsReviewer(db.Actor, unit))
        {
            // Inside the reader's scope but not theirs to decide (a commune approving its own report): refused and on record.
            await refusals.RefuseAtAsync(nameof(QuarterlyReport), reportId.ToString(CultureInfo.InvariantCulture), report.UnitId, ReportMessages.NotTheReviewer);
            return CommandResult<ReportSaved>.Refused(ReportMessages.NotTheReviewer);
        }

        if (report.Version != expectedVersion)
        {
            return await ConflictAsync(db, report, cancellationToken);
        }

        if (!ReportWorkflow.Allows(report.Status, action))
        {
            return CommandResult<ReportSaved>.Invalid(new ReportTransitionException(report.Status, action).Message);
        }

        db.Entry(report).Property(r => r.Version).OriginalValue = expectedVersion;
        if (action == ReportAction.Approve)
        {
            report.Approve(db.Actor.UserId, clock.UtcNow);
        }
        else
        {
            var reason = comment?.Trim();
            if (string.IsNullOrEmpty(reason))
            {
                return CommandResult<ReportSaved>.Invalid(new Dictionary<string, string> { ["Comment"] = ReportMessages.CommentRequired }, ReportMessages.CommentRequired);
            }

            if (reason.Length > MaxCommentLength)
            {
                return CommandResult<ReportSaved>.Invalid(new Dictionary<string, string> { ["Comment"] = ReportMessages.CommentTooLong }, ReportMessages.CommentTooLong);
            }

            report.Return(reason, db.Actor.UserId, clock.UtcNow);
        }

        return await SaveAsync(db, report, cancellationToken);
    }

    private async Task<CommandResult<ReportSaved>> SaveAsync(CnscdDbContext db, QuarterlyReport report, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<ReportSaved>.Ok(new ReportSaved(report.Id, report.Version, report.Status));
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Report {ReportId} changed concurrently; the later action was not written", report.Id);
            await using var fresh = await contextFactory.CreateDbContextAsync(CancellationToken.None);
            var current = await fresh.QuarterlyReports.AsNoTracking().FirstAsync(r => r.Id == report.Id, CancellationToken.None);
            return await ConflictAsync(fresh, current, CancellationToken.None);
        }
        catch (DbUpdateException) when (report.Id == 0 || db.Entry(report).State == EntityState.Added)
        {
            // Two people created the same quarter's report at once (unique unit/year/quarter): the first one stands.
            await using var fresh = await contextFactory.CreateDbContextAsync(CancellationToken.None);
            var current = await fresh.QuarterlyReports.AsNoTracking()
                .FirstOrDefaultAsync(r => r.UnitId == report.UnitId && r.Year == report.Year && r.Quarter == report.Quarter, CancellationToken.None);
            if (current is null)
            {
                throw;
            }

            return await ConflictAsync(fresh, current, CancellationToken.None);
        }
    }

    /// <summary>Tells the one who lost the race what happened: who changed the report, to what, and when.</summary>
    private static async Task<CommandResult<ReportSaved>> ConflictAsync(CnscdDbContext db, QuarterlyReport current, CancellationToken cancellationToken)
    {
        var (userId, at) = current.Status switch
        {
            ReportStatus.Approved or ReportStatus.Returned => (current.ReviewedByUserId, current.ReviewedAtUtc),
            ReportStatus.Submitted => (current.SubmittedByUserId, current.SubmittedAtUtc),
            _ => (null, null),
        };
        var name = userId is null ? null : (await ReportQueryService.UserNamesAsync(db, [userId], cancellationToken)).GetValueOrDefault(userId);
        var who = name ?? "Người khác";
        var when = at is { } utc ? " lúc " + VietnamClock.ToVietnam(utc).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) : "";
        var message = current.Status switch
        {
            ReportStatus.Approved => $"{who} đã duyệt báo cáo này{when}. Thao tác của bạn chưa được ghi; nội dung bạn nhập vẫn còn trên màn hình.",
            ReportStatus.Returned => $"{who} đã trả lại báo cáo này{when} với lý do: \"{current.ReviewComment}\". Thao tác của bạn chưa được ghi; nội dung bạn nhập vẫn còn trên màn hình.",
            ReportStatus.Submitted => $"{who} đã gửi báo cáo này{when}. Thao tác của bạn chưa được ghi; nội dung bạn nhập vẫn còn trên màn hình.",
            _ => "Báo cáo vừa được người khác cập nhật. Thao tác của bạn chưa được ghi; hãy tải lại rồi thử lại — nội dung bạn nhập vẫn còn trên màn hình.",
        };
        return CommandResult<ReportSaved>.Conflicted(new EditConflict(message, current.Version, name, at),
            new ReportSaved(current.Id, current.Version, current.Status));
    }
}
