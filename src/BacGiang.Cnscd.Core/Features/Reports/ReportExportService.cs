using BacGiang.Cnscd.Core.Time;
using System.Globalization;
using System.Text.Json;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Data.Interceptors;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Units;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>
/// The Excel export of a quarterly report in the administrative format (<see cref="ReportWorkbook"/>): a commune's
/// report (its villages), a district's (all its communes) or the province's compilation (all districts). A submitted
/// report exports its frozen figures and narrative; an editable one exports the current figures marked "DỰ THẢO".
/// Every export is audited; a unit outside the reader's scope is refused and audited.
/// </summary>
public sealed class ReportExportService(IDbContextFactory<CnscdDbContext> contextFactory, IOptions<ReportOptions> options,
    AccessRefusals refusals, VietnamClock clock)
{
    /// <summary>Builds the workbook of <paramref name="unitId"/> (commune, district or province) for the quarter.</summary>
    /// <exception cref="ScopeViolationException">The unit is outside the reader's scope, or the reader's role does not export (audited).</exception>
    public async Task<ReportFile> ExportAsync(int unitId, int year, int quarter, CancellationToken cancellationToken = default)
    {
        var period = new ReportingPeriod(year, quarter);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new ReportingUnit(u.Id, u.Name, u.Level, u.Kind, u.ParentId)).FirstOrDefaultAsync(cancellationToken);
        var actor = db.Actor;
        if (unit is null || unit.Level == UnitLevel.Village || actor.Role is null or AppRole.VillageLeader)
        {
            var target = unit?.Id ?? await refusals.LocateAsync<AdministrativeUnit, int>(unitId, CancellationToken.None);
            throw await refusals.RefuseAtAsync(nameof(QuarterlyReport), unitId.ToString(CultureInfo.InvariantCulture), target,
                ReportMessages.NotAnExporter, new { year, quarter });
        }

        var day = clock.Today;
        // Names and tree are those of the quarter reported on (issue 12): a Q2-2025 report keeps "Tỉnh Bắc Giang" and its
        // district, a Q3-2025 commune report goes to the Department under "Tỉnh Bắc Ninh".
        var namesOn = period.End;
        ReportDocument document;
        if (unit.Level == UnitLevel.Province)
        {
            var figures = await ReportQueryService.ComputeFiguresAsync(db, unit, period, cancellationToken);
            var province = await UnitNames.ProvinceNameOnAsync(db, unit.Name, namesOn, cancellationToken);
            var hadDistricts = await db.Units.AnyAsync(u => u.ParentId == unit.Id && u.Level == UnitLevel.District
                && u.ValidFrom <= namesOn && (u.ValidTo == null || u.ValidTo >= namesOn), cancellationToken);
            document = new ReportDocument("UBND " + province.ToUpper(Vi), Place(province), day,
                "Ủy ban nhân dân " + UnitNames.InSentence(province), province, period, figures, null,
                hadDistricts ? "Huyện, thị xã, thành phố" : "Xã, phường", IsDraft: false);
        }
        else
        {
            var report = await db.QuarterlyReports.AsNoTracking()
                .FirstOrDefaultAsync(r => r.UnitId == unitId && r.Year == year && r.Quarter == quarter, cancellationToken);
            var frozen = report?.FiguresJson is not null && !ReportWorkflow.IsEditable(report.Status);
            var figures = frozen ? ReportFigures.FromJson(report!.FiguresJson!) : await ReportQueryService.ComputeFiguresAsync(db, unit, period, cancellationToken);
            var date = frozen && report!.SubmittedAtUtc is { } at ? DateOnly.FromDateTime(VietnamClock.ToVietnam(at)) : day;
            var parent = unit.ParentId is null ? null
                : await UnitTree.Everywhere(db).Where(u => u.Id == unit.ParentId).Select(u => new { u.Name, u.Level }).FirstAsync(cancellationToken);
            // A district reports to the Department, and so, since the reform, does a commune placed directly under the province.
            var recipient = unit.Level == UnitLevel.District || parent is null || parent.Level == UnitLevel.Province
                ? options.Value.RecipientName
                : "Ủy ban nhân dân " + UnitNames.InSentence(parent.Name);
            document = new ReportDocument("UBND " + unit.Name.ToUpper(Vi), Place(unit.Name), date, recipient, unit.Name, period, figures,
                report?.Narrative, unit.Level == UnitLevel.District ? "Xã, phường, thị trấn" : "Thôn, tổ dân phố", IsDraft: !frozen);
        }

        var content = ReportWorkbook.Write(document);
        await RecordAsync(db, AuditActions.Export, unitId, unitId, new { report = "QuarterlyReport", year, quarter, rows = document.Figures.Rows.Count });
        var fileName = $"bao-cao-quy-{quarter}-{year}-{VietnameseText.ToSearchKey(unit.Name).Replace(' ', '-')}.xlsx";
        return new ReportFile(content, fileName);
    }

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The place of the date line: the unit's name without its kind ("Huyện Lục Nam" → "Lục Nam").</summary>
    public static string Place(string unitName)
    {
        ArgumentNullException.ThrowIfNull(unitName);
        string[] kinds = ["Thành phố ", "Thị xã ", "Thị trấn ", "Huyện ", "Phường ", "Xã ", "Tỉnh "];
        var kind = kinds.FirstOrDefault(k => unitName.StartsWith(k, StringComparison.Ordinal));
        return kind is null ? unitName : unitName[kind.Length..];
    }

    private static async Task RecordAsync(CnscdDbContext db, string action, int entityId, int? unitId, object details) =>
        await AuditLog.RecordAsync(db, action, nameof(QuarterlyReport), entityId.ToString(CultureInfo.InvariantCulture), unitId,
            JsonSerializer.Serialize(details, AuditJson.Options), cancellationToken: CancellationToken.None);
}
