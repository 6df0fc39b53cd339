using BacGiang.Cnscd.Core.Time;
using System.Globalization;
using System.Text.Json;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Data.Interceptors;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>
/// What quarterly reports (§2.9e, rule R4) say, read through the scope filter: a report with its figures (frozen at
/// submission, otherwise as they would be frozen now) and history, the child units' status and timeliness, a submitted
/// version, and what falls due. The steps that change a report are <see cref="ReportWorkflowService"/>'s; the helpers
/// both share (the reporting unit, who writes and who reviews, the figures, the deadline) live here because a read
/// needs them first.
/// </summary>
public sealed class ReportQueryService(IDbContextFactory<CnscdDbContext> contextFactory, VietnamClock clock)
{

    /// <summary>
    /// The report of a commune or district for a quarter: stored state, figures (frozen once submitted, otherwise as
    /// they would be frozen now), history of submitted versions, and what the reader may do. Null when the unit is not
    /// a commune or district of the reader's scope.
    /// </summary>
    public async Task<ReportView?> GetAsync(int unitId, int year, int quarter, CancellationToken cancellationToken = default)
    {
        var period = new ReportingPeriod(year, quarter);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var unit = await ReportingUnitAsync(db, unitId, cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var report = await db.QuarterlyReports.AsNoTracking().Include(r => r.Submissions)
            .FirstOrDefaultAsync(r => r.UnitId == unitId && r.Year == year && r.Quarter == quarter, cancellationToken);
        var status = report?.Status ?? ReportStatus.Draft;
        var frozen = report?.FiguresJson is not null && !ReportWorkflow.IsEditable(status);
        var figures = frozen ? ReportFigures.FromJson(report!.FiguresJson!) : await ComputeFiguresAsync(db, unit, period, cancellationToken);
        var userNames = await UserNamesAsync(db, report?.Submissions.Select(s => s.SubmittedByUserId) ?? [], cancellationToken);
        var submissions = (report?.Submissions ?? []).OrderByDescending(s => s.Number)
            .Select(s => new SubmissionRow(s.Id, s.Number, s.SubmittedAtUtc, s.SubmittedByUserId is { } u ? userNames.GetValueOrDefault(u) : null,
                s.Outcome, s.ReviewComment, s.ReviewedAtUtc))
            .ToList();
        var due = report?.DueDate ?? await DueDateAsync(db, unit, period, cancellationToken);
        var firstSubmitted = report?.Submissions.Count > 0 ? report.Submissions.Min(s => s.SubmittedAtUtc) : (DateTime?)null;
        var actor = db.Actor;
        return new ReportView(report?.Id ?? 0, unit.Id, unit.Name, unit.Level, period, status, due, report?.ChildrenDueDate,
            report?.Narrative ?? new ReportNarrative(null, null, null), figures, frozen, report?.SubmittedAtUtc, report?.ReviewedAtUtc,
            report?.ReviewComment, report?.Version ?? 0, submissions, IsAuthor(actor, unit) && ReportWorkflow.IsEditable(status),
            IsReviewer(actor, unit) && ReportWorkflow.Allows(status, ReportAction.Approve), ReportLabels.Judge(due, firstSubmitted, clock.Today));
    }

    /// <summary>
    /// One page of the child units of a district (its communes) or of the province (its districts, and communes placed
    /// directly under it) with their report status and timeliness for the quarter. Empty when the unit is outside the
    /// reader's scope.
    /// </summary>
    public async Task<PagedResult<ChildReportRow>> ChildrenAsync(int unitId, int year, int quarter, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var period = new ReportingPeriod(year, quarter);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var parent = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Id, u.Level }).FirstOrDefaultAsync(cancellationToken);
        if (parent is null || parent.Level is UnitLevel.Village or UnitLevel.Commune)
        {
            return new PagedResult<ChildReportRow>([], 0);
        }

        var asOf = period.End;
        var children = db.Units.AsNoTracking()
            .Where(u => u.ParentId == unitId && (u.Level == UnitLevel.District || u.Level == UnitLevel.Commune)
                && u.ValidFrom <= asOf && (u.ValidTo == null || u.ValidTo >= asOf));
        var total = await children.CountAsync(cancellationToken);
        var rows = await children.OrderBy(u => u.Code).Skip(page.Skip).Take(page.Take)
            .Select(u => new
            {
                u.Id, u.Name, u.Level,
                Report = db.QuarterlyReports.Where(r => r.UnitId == u.Id && r.Year == year && r.Quarter == quarter)
                    .Select(r => new
                    {
                        r.Id, r.Status, r.DueDate, r.SubmittedAtUtc,
                        First = r.Submissions.OrderBy(s => s.Number).Select(s => (DateTime?)s.SubmittedAtUtc).FirstOrDefault(),
                    })
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var childrenDue = parent.Level == UnitLevel.District
            ? await db.QuarterlyReports.Where(r => r.UnitId == unitId && r.Year == year && r.Quarter == quarter).Select(r => r.ChildrenDueDate)
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        var day = clock.Today;
        return new PagedResult<ChildReportRow>(rows.Select(r =>
        {
            var due = r.Report?.DueDate ?? (r.Level == UnitLevel.Commune ? childrenDue ?? period.DefaultCommuneDueDate : period.DistrictDueDate);
            return new ChildReportRow(r.Id, r.Name, r.Report?.Id, r.Report?.Status, due, r.Report?.First, r.Report?.SubmittedAtUtc,
                ReportLabels.Judge(due, r.Report?.First, day));
        }).ToList(), total);
    }

    /// <summary>A submitted version as it was sent; null when it does not exist or lies outside the reader's scope.</summary>
    public async Task<SubmissionView?> GetSubmissionAsync(int submissionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var s = await db.QuarterlyReportSubmissions.AsNoTracking().Where(x => x.Id == submissionId)
            .Select(x => new
            {
                Submission = x,
                Report = db.QuarterlyReports.Where(r => r.Id == x.ReportId).Select(r => new { r.Year, r.Quarter }).First(),
                UnitName = db.Units.Where(u => u.Id == x.UnitId).Select(u => u.Name).First(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (s is null)
        {
            return null;
        }

        var x = s.Submission;
        return new SubmissionView(x.Id, x.ReportId, x.UnitId, s.UnitName, new ReportingPeriod(s.Report.Year, s.Report.Quarter), x.Number,
            x.SubmittedAtUtc, ReportFigures.FromJson(x.FiguresJson), new ReportNarrative(x.Results, x.Difficulties, x.Proposals), x.Outcome,
            x.ReviewComment, x.ReviewedAtUtc);
    }


    /// <summary>
    /// What the reader's unit must deliver within 7 days of <paramref name="today"/>: its own quarterly report while not
    /// yet submitted, the reports its children still owe (for the level above), and targets falling due.
    /// </summary>
    public async Task<IReadOnlyList<DueItem>> DueSoonAsync(CancellationToken cancellationToken = default)
    {
        var day = clock.Today;
        var until = day.AddDays(7);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var actor = db.Actor;
        if (actor.UnitId is not { } unitId)
        {
            return [];
        }

        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Id, u.Name, u.Level }).FirstOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return [];
        }

        var items = new List<DueItem>();
        // The quarter whose deadline can fall in the next 7 days: this one, or (early in a quarter) none.
        var period = ReportingPeriod.Containing(day);
        if (unit.Level is UnitLevel.Commune or UnitLevel.District)
        {
            var own = await db.QuarterlyReports.AsNoTracking()
                .Where(r => r.UnitId == unit.Id && r.Year == period.Year && r.Quarter == period.Quarter)
                .Select(r => new { r.Status, r.DueDate }).FirstOrDefaultAsync(cancellationToken);
            var reporting = (await ReportingUnitAsync(db, unit.Id, cancellationToken))!;
            var status = own?.Status ?? ReportStatus.Draft;
            var due = own?.DueDate ?? await DueDateAsync(db, reporting, period, cancellationToken);
            if (ReportWorkflow.IsEditable(status) && due >= day && due <= until)
            {
                items.Add(new DueItem($"Báo cáo {period} của {unit.Name} ({status.ToVietnamese().ToLowerInvariant()})", due,
                    $"/reports/{unit.Id}/{period.Year}/{period.Quarter}"));
            }
        }

        if (unit.Level is UnitLevel.District or UnitLevel.Province)
        {
            var children = await ChildrenAsync(unit.Id, period.Year, period.Quarter, new PageRequest(0, PageRequest.MaxPageSize), cancellationToken);
            var owing = children.Items.Count(c => c.Timeliness == Timeliness.NotYetDue && c.DueDate <= until);
            if (owing > 0)
            {
                var due = children.Items.Where(c => c.Timeliness == Timeliness.NotYetDue).Min(c => c.DueDate);
                items.Add(new DueItem($"{owing} đơn vị cấp dưới chưa gửi báo cáo {period}", due, $"/reports?unit={unit.Id}&year={period.Year}&quarter={period.Quarter}"));
            }
        }

        var targets = await db.Targets.AsNoTracking().Where(t => t.DueDate >= day && t.DueDate <= until)
            .OrderBy(t => t.DueDate).Take(20)
            .Select(t => new { t.Indicator, t.Percent, t.DueDate, t.UnitId, UnitName = db.Units.Where(u => u.Id == t.UnitId).Select(u => u.Name).First() })
            .ToListAsync(cancellationToken);
        items.AddRange(targets.Select(t => new DueItem(
            $"Chỉ tiêu {t.Indicator.ToVietnamese().ToLowerInvariant()} {t.Percent.ToString("0.#", CultureInfo.GetCultureInfo("vi-VN"))}% của {t.UnitName}",
            t.DueDate, "/reports/targets")));
        return items.OrderBy(i => i.DueDate).ToList();
    }

    /// <summary>
    /// The figures a report of <paramref name="unit"/> freezes: one row per child computed as of the quarter's end; for a
    /// district, a commune whose report is approved contributes its own frozen figures instead (consolidation).
    /// </summary>
    internal static async Task<ReportFigures> ComputeFiguresAsync(CnscdDbContext db, ReportingUnit unit, ReportingPeriod period,
        CancellationToken cancellationToken)
    {
        var rows = (await IndicatorCalculator.ForChildrenAsync(db, unit.Id, period, cancellationToken)).ToList();
        if (unit.Level is UnitLevel.District or UnitLevel.Province)
        {
            var childIds = rows.Select(r => r.UnitId).ToList();
            // A district consolidates approved commune reports; the Department reads what districts submitted.
            var frozen = await db.QuarterlyReports.AsNoTracking()
                .Where(r => childIds.Contains(r.UnitId) && r.Year == period.Year && r.Quarter == period.Quarter)
                .Select(r => new { r.UnitId, r.Status, r.FiguresJson })
                .ToListAsync(cancellationToken);
            var byUnit = frozen.ToDictionary(r => r.UnitId);
            for (var i = 0; i < rows.Count; i++)
            {
                if (!byUnit.TryGetValue(rows[i].UnitId, out var child))
                {
                    continue;
                }

                var usable = unit.Level == UnitLevel.District ? child.Status == ReportStatus.Approved
                    : child.Status is ReportStatus.Approved or ReportStatus.Submitted;
                rows[i] = usable && child.FiguresJson is { } json
                    ? rows[i] with { Figures = ReportFigures.FromJson(json).Total, FromSubmittedReport = true, ChildStatus = child.Status }
                    : rows[i] with { ChildStatus = child.Status };
            }
        }

        var targets = await IndicatorCalculator.TargetsInForceAsync(db, [.. rows.Select(r => r.UnitId), unit.Id], period.End, cancellationToken);
        rows = rows.Select(r => r with { Targets = targets.GetValueOrDefault(r.UnitId) ?? [] }).ToList();
        return new ReportFigures(period.End, rows, targets.GetValueOrDefault(unit.Id) ?? []);
    }

    /// <summary>A commune or district of the reader's scope (the only levels that write quarterly reports), or null.</summary>
    internal static async Task<ReportingUnit?> ReportingUnitAsync(CnscdDbContext db, int unitId, CancellationToken cancellationToken) =>
        await db.Units.AsNoTracking().Where(u => u.Id == unitId && (u.Level == UnitLevel.Commune || u.Level == UnitLevel.District))
            .Select(u => new ReportingUnit(u.Id, u.Name, u.Level, u.Kind, u.ParentId))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The unit's own officer (a commune officer for a commune, a district officer for a district) writes its report.</summary>
    internal static bool IsAuthor(Actor actor, ReportingUnit unit) =>
        actor.UnitId == unit.Id && actor.Role == (unit.Level == UnitLevel.Commune ? AppRole.CommuneOfficer : AppRole.DistrictOfficer);

    /// <summary>The level directly above reviews: a district officer for its communes, the Department (province admin) for districts.</summary>
    internal static bool IsReviewer(Actor actor, ReportingUnit unit) =>
        unit.ParentId is { } parent && actor.UnitId == parent && actor.Role is AppRole.DistrictOfficer or AppRole.ProvinceAdmin;


    /// <summary>The full names of the given accounts, by id (for history rows and conflict messages).</summary>
    internal static async Task<Dictionary<string, string>> UserNamesAsync(CnscdDbContext db, IEnumerable<string?> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.FullName }).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
    }

    /// <summary>A commune's deadline is its district's choice for the quarter (default the 15th); a district's is the 20th.</summary>
    internal static async Task<DateOnly> DueDateAsync(CnscdDbContext db, ReportingUnit unit, ReportingPeriod period, CancellationToken cancellationToken)
    {
        if (unit.Level != UnitLevel.Commune || unit.ParentId is not { } parentId)
        {
            return period.DistrictDueDate;
        }

        // A commune's deadline is set on its district's report, which lies outside the commune's scope: one column of it.
#pragma warning disable RS0030 // Reads the parent report's ChildrenDueDate only (the commune's own deadline).
        var set = await db.QuarterlyReports.IgnoreQueryFilters()
            .Where(r => r.UnitId == parentId && r.Year == period.Year && r.Quarter == period.Quarter)
            .Select(r => r.ChildrenDueDate).FirstOrDefaultAsync(cancellationToken);
#pragma warning restore RS0030
        return set ?? period.DefaultCommuneDueDate;
    }
}
