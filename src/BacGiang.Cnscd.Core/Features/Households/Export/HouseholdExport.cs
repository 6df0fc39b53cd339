using BacGiang.Cnscd.Core.Time;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Data.Interceptors;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Privacy;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace BacGiang.Cnscd.Core.Features.Households.Export;

/// <summary>
/// The household register of a unit's whole subtree as an .xlsx, with the register's filter chips and search.
/// Rows go from the database cursor straight into MiniExcel's sheet writer, one at a time: a district's
/// 60,000 households are never a list in memory (ClosedXML would build the whole workbook first; see the
/// engineering guide). Phones are what <see cref="PersonalDataPolicy"/> lets the reader see; every export is audited.
/// </summary>
public sealed class HouseholdExport(IDbContextFactory<CnscdDbContext> contextFactory, AccessRefusals refusals, VietnamClock clock)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string SheetName = "Sổ hộ gia đình";

    /// <summary>The columns of the export, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "Mã thôn", "Thôn", "Họ và tên chủ hộ", "Địa chỉ", "Năm sinh chủ hộ", "Số điện thoại", "Số nhân khẩu",
        "Kỹ năng đã hướng dẫn (/5)", "VNeID mức 2", "Tài khoản DVC trực tuyến", "Cần người hỗ trợ", "Người hỗ trợ",
        "Tình trạng phủ", "Lần thăm gần nhất",
    ];

    /// <summary>
    /// Checks that <paramref name="unitId"/> lies in the reader's scope and audits the export
    /// (<see cref="AuditActions.Export"/>, with the filter); the file is then written by <see cref="WriteAsync"/>.
    /// A unit outside the scope (a forged id) is refused with <see cref="ScopeViolationException"/> and audited.
    /// </summary>
    public async Task<HouseholdExportRequest> PrepareAsync(int unitId, HouseholdFilter filter, string? search,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // The scope filter hides a unit the reader does not cover: "not found" and "not yours" look the same.
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new { u.Id, u.Level, u.Code }).FirstOrDefaultAsync(cancellationToken);
        if (unit is null || db.Actor.Scope.IsNothing)
        {
            throw await refusals.RefuseAtAsync(nameof(Household), null, await refusals.LocateAsync<AdministrativeUnit, int>(unitId, CancellationToken.None),
                HouseholdMessages.ExportRefused, new { export = unitId });
        }

        var on = clock.Today;
        await AuditLog.RecordAsync(db, AuditActions.Export, nameof(Household), null, unit.Id,
            JsonSerializer.Serialize(new { filter, search = string.IsNullOrWhiteSpace(search) ? null : search.Trim() }, AuditJson.Options),
            cancellationToken: cancellationToken);
        var fileName = string.Create(CultureInfo.InvariantCulture, $"so-ho-gia-dinh-{AsciiCode(unit.Code)}-{on:yyyyMMdd}.xlsx");
        return new HouseholdExportRequest(unit.Id, unit.Level, filter, search, on, fileName);
    }

    /// <summary>
    /// Writes the export to <paramref name="output"/>, reading the households one by one, ordered by village and
    /// name. <paramref name="output"/> receives synchronous writes (the zip writer's), so a response body is fed
    /// through a pipe by the caller.
    /// </summary>
    public async Task WriteAsync(HouseholdExportRequest request, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var config = new OpenXmlConfiguration { FreezeRowCount = 1, AutoFilter = true, EnableAutoWidth = false, TableStyles = TableStyles.None };
        await MiniExcel.SaveAsAsync(output, Rows(db, request, cancellationToken), sheetName: SheetName, configuration: config,
            cancellationToken: cancellationToken);
    }

    private static async IAsyncEnumerable<HouseholdExportRow> Rows(CnscdDbContext db, HouseholdExportRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = request.UnitId;
        IQueryable<Household> households = request.Level switch
        {
            UnitLevel.Village => db.Households.AsNoTracking().Where(h => h.VillageId == id),
            UnitLevel.Commune => db.Households.AsNoTracking().Where(h => h.CommuneId == id),
            UnitLevel.District => db.Households.AsNoTracking().Where(h => h.DistrictId == id),
            // The province: the scope filter alone bounds it.
            _ => db.Households.AsNoTracking(),
        };
        households = HouseholdQueries.ApplyFilter(households, request.Filter, request.Today);
        households = await HouseholdQueries.ApplySearchAsync(households, request.Search, cancellationToken);

        var query = households
            .Join(db.Units, h => h.UnitId, u => u.Id, (h, u) => new { h, u.Code, u.Name })
            .OrderBy(x => x.h.UnitId).ThenBy(x => x.h.SearchKey).ThenBy(x => x.h.Id)
            .Select(x => new
            {
                x.Code, x.Name, x.h.HeadName, x.h.Address, x.h.HeadBirthYear, x.h.Phone, x.h.Size, x.h.SkillsGuided,
                x.h.HasVneidLevel2, x.h.HasPublicServiceAccount, x.h.NeedsAssistance, x.h.Coverage, x.h.LastVisitedOn,
                x.h.UnitId, x.h.DistrictId, x.h.CommuneId, x.h.VillageId,
                AssistantName = db.TeamMembers.Where(m => m.Id == x.h.AssistantMemberId).Select(m => m.Person!.FullName).FirstOrDefault(),
            });
        var actor = db.Actor;
        await foreach (var h in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new HouseholdExportRow
            {
                VillageCode = h.Code,
                VillageName = h.Name,
                HeadName = h.HeadName,
                Address = h.Address,
                HeadBirthYear = h.HeadBirthYear,
                Phone = PersonalDataPolicy.Phone(actor, new ScopedRef(h.UnitId, h.DistrictId, h.CommuneId, h.VillageId), h.Phone),
                Size = h.Size,
                SkillsGuided = h.SkillsGuided.Count(),
                Vneid = YesNo(h.HasVneidLevel2),
                PublicServices = YesNo(h.HasPublicServiceAccount),
                NeedsAssistance = YesNo(h.NeedsAssistance),
                Assistant = h.AssistantName ?? "",
                Coverage = CoverageLabels[(int)h.Coverage],
                LastVisitedOn = h.LastVisitedOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "",
            };
        }
    }

    private static string YesNo(bool value) => value ? "Có" : "Không";

    // The three labels once, not a string per row.
    private static readonly string[] CoverageLabels =
        [CoverageStatus.NotCovered.ToVietnamese(), CoverageStatus.CoveredByOwnMember.ToVietnamese(), CoverageStatus.CoveredByAssistance.ToVietnamese()];

    /// <summary>The unit code for a file name: ASCII letters, digits and dashes only.</summary>
    private static string AsciiCode(string code) =>
        new(VietnameseText.ToSearchKey(code).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    private sealed record ScopedRef(int? UnitId, int? DistrictId, int? CommuneId, int? VillageId) : IUnitScoped
    {
        public int? DistrictId { get; set; } = DistrictId;

        public int? CommuneId { get; set; } = CommuneId;

        public int? VillageId { get; set; } = VillageId;
    }
}
