using System.Globalization;
using System.Text.Json;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Data.Interceptors;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Features.Reports;
using BacGiang.Cnscd.Core.Features.Units;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Core.Text;
using BacGiang.Cnscd.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>
/// The documents a clerk sends for the DX Day awards (issue 16): the list of nominations of a unit's subtree for a year
/// as the Word document in the Decree 30 layout (<see cref="AwardListWordDocument"/>) or the Excel list with the later
/// steps (<see cref="AwardListWorkbook"/>), and the annex of the province's commendation decisions
/// (<see cref="AwardDocumentAnnexWord"/>). The lists are issued as the quarterly report is (<see cref="ReportExportService"/>):
/// by a commune's or a district's People's Committee, and for the province by the Department under "UBND TỈNH …"
/// (<see cref="ReportOptions.RecipientName"/>). The nominations are read through the scope filter; a unit outside the
/// reader's scope, a village (its nominations are in its commune's list) or a role that does not export is refused once
/// through <see cref="AccessRefusals"/>, filed under the unit aimed at, and every export is audited.
/// </summary>
public sealed class AwardDocumentService(IDbContextFactory<CnscdDbContext> contextFactory, IOptions<ReportOptions> options,
    AccessRefusals refusals, VietnamClock clock)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private static readonly StringComparer ViOrder = StringComparer.Create(Vi, ignoreCase: true);

    /// <summary>The list of nominations of <paramref name="unitId"/>'s subtree for <paramref name="year"/>, as Word or Excel.</summary>
    /// <exception cref="ScopeViolationException">The unit is outside the reader's scope, is a village, or the reader's role does not export (audited).</exception>
    public async Task<ReportFile> ExportListAsync(int unitId, int year, ReportFormat format = ReportFormat.Word,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new ListUnit(u.Id, u.Name, u.Level, u.ParentId)).FirstOrDefaultAsync(cancellationToken);
        var actor = db.Actor;
        if (unit is null || unit.Level == UnitLevel.Village || actor.Role is null or AppRole.VillageLeader)
        {
            // Filed under the unit aimed at (located across the scope), so its commune and district see the attempt.
            var target = unit?.Id ?? await refusals.LocateAsync<AdministrativeUnit, int>(unitId, CancellationToken.None);
            throw await refusals.RefuseAtAsync(nameof(AwardNomination), null, target,
                unit is null ? AwardDocumentMessages.UnitOutOfScope : AwardDocumentMessages.NotAListIssuer,
                new { unitId, year, document = "AwardList", format = format.ToString() });
        }

        var nominations = await InSubtree(db.AwardNominations.AsNoTracking(), unit)
            .Where(n => n.Year == year && n.Status != AwardStatus.Draft && n.Status != AwardStatus.Returned)
            .ToListAsync(cancellationToken);
        var rows = (await RowsAsync(db, nominations, unit.Level == UnitLevel.Province ? null : unit.Id, cancellationToken))
            .OrderBy(r => r.Form).ThenBy(r => r.NominatingUnit, ViOrder).ThenBy(r => r.NomineeName, ViOrder).ThenBy(r => r.Id).ToList();
        var document = await DocumentAsync(db, unit, year, rows, cancellationToken);
        var content = format == ReportFormat.Word ? AwardListWordDocument.Write(document) : AwardListWorkbook.Write(document);
        await RecordAsync(db, unit.Id, new { document = "AwardList", year, format = format.ToString(), rows = rows.Count });
        var fileName = $"danh-sach-de-nghi-khen-thuong-{year}-{Slug(unit.Name)}{ReportFile.Extension(format)}";
        return new ReportFile(content, fileName, format);
    }

    /// <summary>
    /// The annex of the province's commendation decisions of <paramref name="year"/>: the nominations for the Chairman's
    /// certificate that are decided or awarded, one section per decision number. The decisions are the province's, so only
    /// a province account (the Department, its viewers, Home Affairs' appraiser) exports it: a lower level would see a
    /// partial annex through its scope.
    /// </summary>
    /// <exception cref="ScopeViolationException">The reader is not a province account (audited under the reader's unit).</exception>
    public async Task<ReportFile> ExportAnnexAsync(int year, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var actor = db.Actor;
        if (actor.Role is not (AppRole.ProvinceAdmin or AppRole.ProvinceViewer or AppRole.HomeAffairsAppraiser) || actor.Scope != DataScope.WholeProvince)
        {
            throw await refusals.RefuseAtAsync(nameof(AwardNomination), null, actor.UnitId, AwardDocumentMessages.NotTheProvince,
                new { year, document = "AwardAnnex" });
        }

        var province = await UnitTree.Everywhere(db).Where(u => u.ParentId == null && u.Level == UnitLevel.Province)
            .Select(u => new { u.Id, u.Name }).FirstAsync(cancellationToken);
        var nominations = await db.AwardNominations.AsNoTracking()
            .Where(n => n.Year == year && n.ProposedForm == AwardForm.ProvincialChairmanCertificate
                && (n.Status == AwardStatus.Decided || n.Status == AwardStatus.Awarded))
            .ToListAsync(cancellationToken);
        var rows = await RowsAsync(db, nominations, null, cancellationToken);
        var decisions = new List<AwardDecision>();
        foreach (var group in rows.GroupBy(r => r.DecisionNumber ?? "…"))
        {
            var date = group.Min(r => r.DecisionDate);
            // Named as on the decision's day (issue 12): a decision of 2025 before the merger is Bắc Giang's chairman's.
            var provinceName = await UnitNames.ProvinceNameOnAsync(db, province.Name, date ?? clock.Today, cancellationToken);
            decisions.Add(new AwardDecision(group.Key, date, "Chủ tịch Ủy ban nhân dân " + UnitNames.InSentence(provinceName),
                group.OrderBy(r => r.IsCollective ? 0 : 1).ThenBy(r => r.NominatingUnit, ViOrder).ThenBy(r => r.NomineeName, ViOrder).ThenBy(r => r.Id).ToList()));
        }

        decisions = decisions.OrderBy(d => d.Date ?? DateOnly.MaxValue).ThenBy(d => d.Number, StringComparer.Ordinal).ToList();
        var annex = new AwardDocumentAnnex(year, decisions);
        var content = AwardDocumentAnnexWord.Write(annex);
        await RecordAsync(db, province.Id, new { document = "AwardAnnex", year, format = nameof(ReportFormat.Word), rows = rows.Count, decisions = decisions.Count });
        return new ReportFile(content, $"phu-luc-quyet-dinh-khen-thuong-{year}.docx", ReportFormat.Word);
    }

    private sealed record ListUnit(int Id, string Name, UnitLevel Level, int? ParentId);

    /// <summary>The list's header facts, named as the quarterly report names them (decision 048).</summary>
    private async Task<AwardListDocument> DocumentAsync(CnscdDbContext db, ListUnit unit, int year, IReadOnlyList<AwardListRow> rows,
        CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var department = options.Value.RecipientName;
        if (unit.Level == UnitLevel.Province)
        {
            // The Department compiles the province's list and sends it to Home Affairs for the appraisal.
            return new AwardListDocument(unit.Id, unit.Name, year, "UBND " + unit.Name.ToUpper(Vi), department.ToUpper(Vi), department,
                "DS-" + UnitNames.Initials(department), UnitNames.Place(unit.Name), today, "các đơn vị trong " + UnitNames.InSentence(unit.Name),
                ["- Sở Nội vụ;", "- Lưu: VT."], ReportSignature.Department.Authority, ReportSignature.Department.Title, rows);
        }

        var parent = unit.ParentId is null ? null
            : await UnitTree.Everywhere(db).Where(u => u.Id == unit.ParentId).Select(u => new { u.Name, u.Level }).FirstAsync(cancellationToken);
        // The list goes where the nominations are reviewed: a district's (and, since the reform, a commune's placed directly
        // under the province) to the Department, a commune's to its district.
        var reviewer = parent is null || parent.Level == UnitLevel.Province ? department : "UBND " + UnitNames.InSentence(parent.Name);
        return new AwardListDocument(unit.Id, unit.Name, year, null, "UBND " + unit.Name.ToUpper(Vi), "Ủy ban nhân dân " + UnitNames.InSentence(unit.Name),
            "DS-UBND", UnitNames.Place(unit.Name), today, UnitNames.InSentence(unit.Name) + " và các đơn vị trực thuộc",
            [$"- {reviewer};", "- Lưu: VT."], ReportSignature.PeoplesCommittee.Authority, ReportSignature.PeoplesCommittee.Title, rows);
    }

    /// <summary>
    /// The nominations as printed rows, each nominating unit named with its ancestors up to the list's unit
    /// (<paramref name="listUnitId"/>; null: up to the province): "Thôn Đồng Tâm, xã Đồng Tiến, huyện Yên Thế" in the
    /// province's list, "Thôn Đồng Tâm" in the commune's, since village names repeat across communes.
    /// </summary>
    private static async Task<List<AwardListRow>> RowsAsync(CnscdDbContext db, IReadOnlyList<AwardNomination> nominations, int? listUnitId,
        CancellationToken cancellationToken)
    {
        var chains = nominations.Select(n => (n.Id, Chain: Chain(n, listUnitId))).ToDictionary(c => c.Id, c => c.Chain);
        var ids = chains.Values.SelectMany(c => c).Distinct().ToList();
        var names = await UnitTree.Everywhere(db).Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Name })
            .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        return nominations.Select(n =>
        {
            var chain = chains[n.Id].Select(id => names.GetValueOrDefault(id, "")).Where(name => name.Length > 0).ToList();
            var label = string.Join(", ", chain.Select((name, i) => i == 0 ? name : UnitNames.InSentence(name)));
            return new AwardListRow(n.Id, n.NomineeName, n.NomineeKind, label, n.Achievements, n.ProposedForm, n.Status, n.AppraisalOfficer,
                n.AppraisedOn, n.AppraisalComment, n.DecisionNumber, n.DecisionDate, n.DecisionSigner, n.AwardedOn);
        }).ToList();
    }

    /// <summary>The nominating unit and its ancestors, lowest first, stopping under the list's unit (the unit itself when it is that unit).</summary>
    private static List<int> Chain(AwardNomination nomination, int? listUnitId)
    {
        var chain = new List<int> { nomination.UnitId };
        foreach (var ancestor in new[] { nomination.VillageId, nomination.CommuneId, nomination.DistrictId })
        {
            if (ancestor is { } id && !chain.Contains(id))
            {
                chain.Add(id);
            }
        }

        var cut = listUnitId is { } own ? chain.IndexOf(own) : -1;
        return cut switch
        {
            0 => [nomination.UnitId],
            > 0 => chain[..cut],
            _ => chain,
        };
    }

    private static IQueryable<AwardNomination> InSubtree(IQueryable<AwardNomination> rows, ListUnit unit) => unit.Level switch
    {
        UnitLevel.District => rows.Where(n => n.DistrictId == unit.Id),
        UnitLevel.Commune => rows.Where(n => n.CommuneId == unit.Id),
        _ => rows, // the province: everything the scope filter lets through
    };

    /// <summary>A file name's part in ASCII: "Huyện Lục Nam" → "huyen-luc-nam".</summary>
    private static string Slug(string name) =>
        new(VietnameseText.ToSearchKey(name).Select(c => c == ' ' ? '-' : c).Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-').ToArray());

    private static async Task RecordAsync(CnscdDbContext db, int unitId, object details) =>
        await AuditLog.RecordAsync(db, AuditActions.Export, nameof(AwardNomination), null, unitId,
            JsonSerializer.Serialize(details, AuditJson.Options), cancellationToken: CancellationToken.None);
}
