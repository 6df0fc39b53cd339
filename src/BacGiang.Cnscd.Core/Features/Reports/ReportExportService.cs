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
/// The export of a quarterly report in the administrative format, as the Excel workbook (<see cref="ReportWorkbook"/>) or
/// the Word document with its annex (<see cref="ReportWordDocument"/>): a commune's report (its villages), a district's
/// (all its communes) or the province's compilation, issued by the Department (its districts, or since the reform its
/// communes). A submitted report exports its frozen figures and narrative; an editable one exports the current figures
/// marked "DỰ THẢO", and so does the province's until every child unit has reported. Every export is audited; a unit
/// outside the reader's scope is refused and audited.
/// </summary>
public sealed class ReportExportService(IDbContextFactory<CnscdDbContext> contextFactory, IOptions<ReportOptions> options,
    AccessRefusals refusals, VietnamClock clock)
{
    /// <summary>Builds the file of <paramref name="unitId"/> (commune, district or province) for the quarter.</summary>
    /// <exception cref="ScopeViolationException">The unit is outside the reader's scope, or the reader's role does not export (audited).</exception>
    public async Task<ReportFile> ExportAsync(int unitId, int year, int quarter, ReportFormat format = ReportFormat.Excel,
        CancellationToken cancellationToken = default)
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
                ReportMessages.NotAnExporter, new { year, quarter, format = format.ToString() });
        }

        var document = unit.Level == UnitLevel.Province
            ? await ProvinceDocumentAsync(db, unit, period, cancellationToken)
            : await UnitDocumentAsync(db, unit, period, cancellationToken);
        var content = format == ReportFormat.Word ? ReportWordDocument.Write(document) : ReportWorkbook.Write(document);
        await RecordAsync(db, AuditActions.Export, unitId, unitId,
            new { report = "QuarterlyReport", year, quarter, format = format.ToString(), rows = document.Figures.Rows.Count });
        var fileName = $"bao-cao-quy-{quarter}-{year}-{VietnameseText.ToSearchKey(unit.Name).Replace(' ', '-')}{ReportFile.Extension(format)}";
        return new ReportFile(content, fileName, format);
    }

    /// <summary>
    /// The province's compilation, issued by the Department to the province's committee. Names and tree are those of the
    /// quarter reported on (issue 12): a Q2-2025 compilation keeps "Tỉnh Bắc Giang" and its districts, Q3-2025 lists the
    /// communes of "Tỉnh Bắc Ninh".
    /// </summary>
    private async Task<ReportDocument> ProvinceDocumentAsync(CnscdDbContext db, ReportingUnit unit, ReportingPeriod period,
        CancellationToken cancellationToken)
    {
        var namesOn = period.End;
        var figures = await ReportQueryService.ComputeFiguresAsync(db, unit, period, cancellationToken);
        var province = await UnitNames.ProvinceNameOnAsync(db, unit.Name, namesOn, cancellationToken);
        var hadDistricts = await db.Units.AnyAsync(u => u.ParentId == unit.Id && u.Level == UnitLevel.District
            && u.ValidFrom <= namesOn && (u.ValidTo == null || u.ValidTo >= namesOn), cancellationToken);
        var department = options.Value.RecipientName;
        // Still a draft while a child unit has not sent its report: its row holds live data, not what it reported.
        var allReported = figures.Rows.Where(r => r.UnitId != unit.Id)
            .All(r => r.ChildStatus is ReportStatus.Submitted or ReportStatus.Approved);
        return new ReportDocument(unit.Id, "UBND " + province.ToUpper(Vi), department.ToUpper(Vi), department,
            "BC-" + UnitNames.Initials(department), UnitNames.Place(province), clock.Today,
            "Ủy ban nhân dân " + UnitNames.InSentence(province), province, period, figures, null,
            hadDistricts ? "Huyện, thị xã, thành phố" : "Xã, phường", IsDraft: !allReported, ReportSignature.Department, ChildrenReport: true);
    }

    /// <summary>A commune's or a district's report: its frozen figures once submitted, the live ones (a draft) before.</summary>
    private async Task<ReportDocument> UnitDocumentAsync(CnscdDbContext db, ReportingUnit unit, ReportingPeriod period,
        CancellationToken cancellationToken)
    {
        var report = await db.QuarterlyReports.AsNoTracking()
            .FirstOrDefaultAsync(r => r.UnitId == unit.Id && r.Year == period.Year && r.Quarter == period.Quarter, cancellationToken);
        var frozen = report?.FiguresJson is not null && !ReportWorkflow.IsEditable(report.Status);
        var figures = frozen ? ReportFigures.FromJson(report!.FiguresJson!) : await ReportQueryService.ComputeFiguresAsync(db, unit, period, cancellationToken);
        var date = frozen && report!.SubmittedAtUtc is { } at ? DateOnly.FromDateTime(VietnamClock.ToVietnam(at)) : clock.Today;
        var parent = unit.ParentId is null ? null
            : await UnitTree.Everywhere(db).Where(u => u.Id == unit.ParentId).Select(u => new { u.Name, u.Level }).FirstAsync(cancellationToken);
        // A district reports to the Department, and so, since the reform, does a commune placed directly under the province.
        var recipient = unit.Level == UnitLevel.District || parent is null || parent.Level == UnitLevel.Province
            ? options.Value.RecipientName
            : "Ủy ban nhân dân " + UnitNames.InSentence(parent.Name);
        return new ReportDocument(unit.Id, null, "UBND " + unit.Name.ToUpper(Vi), "Ủy ban nhân dân " + UnitNames.InSentence(unit.Name), "BC-UBND",
            UnitNames.Place(unit.Name), date, recipient, unit.Name, period, figures, report?.Narrative,
            unit.Level == UnitLevel.District ? "Xã, phường, thị trấn" : "Thôn, tổ dân phố", IsDraft: !frozen,
            ReportSignature.PeoplesCommittee, ChildrenReport: unit.Level == UnitLevel.District);
    }

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private static async Task RecordAsync(CnscdDbContext db, string action, int entityId, int? unitId, object details) =>
        await AuditLog.RecordAsync(db, action, nameof(QuarterlyReport), entityId.ToString(CultureInfo.InvariantCulture), unitId,
            JsonSerializer.Serialize(details, AuditJson.Options), cancellationToken: CancellationToken.None);
}
