using System.Globalization;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common.Import;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Features.Restructuring;

/// <summary>
/// The 1 July 2025 reform as data (issue 12): a merger plan — old commune → new commune, in the columns of the
/// official map — is checked against the current tree and previewed. The preview lists the units to close and to
/// open, the villages and the data that would move into each new commune, the commune teams to merge and the
/// district accounts that lose their scope; it writes nothing. Only the province's administrators (and system work)
/// may preview a plan.
/// </summary>
public sealed class RestructuringService(IDbContextFactory<CnscdDbContext> contextFactory, AccessRefusals refusals)
{
    public const string NotAProvinceAdmin = "Chỉ quản trị cấp tỉnh được sắp xếp đơn vị hành chính.";

    /// <summary>
    /// Reads the plan and checks it against the tree as it stands the day before <paramref name="effectiveOn"/>.
    /// Refused (row-level messages, nothing read further) for a malformed file, an unknown or closed old commune, an
    /// old commune listed twice, a current commune the plan leaves out (it would stay under a closed district), a new
    /// code taken by another current unit, or an effective date that would rewrite an approved report.
    /// </summary>
    /// <exception cref="Tenancy.ScopeViolationException">The actor is not a province administrator (audited).</exception>
    public async Task<RestructuringPreviewResult> PreviewAsync(Stream plan, DateOnly effectiveOn, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var actor = db.Actor;
        if (!(actor.Scope.IsUnrestricted || actor.Role == AppRole.ProvinceAdmin))
        {
            throw await refusals.RefuseAtAsync("Restructuring", null, actor.UnitId, NotAProvinceAdmin);
        }

        var (rows, fileErrors) = MergerPlanReader.Read(plan);
        if (fileErrors.Count > 0)
        {
            return new RestructuringPreviewResult(null, fileErrors);
        }

        var dayBefore = effectiveOn.AddDays(-1);
        var units = await UnitTree.Everywhere(db)
            .Select(u => new Unit(u.Id, u.Code, u.Name, u.Level, u.ParentId, u.ValidFrom, u.ValidTo))
            .ToListAsync(cancellationToken);
        var errors = new List<ImportRowError>();
        var province = units.SingleOrDefault(u => u.Level == UnitLevel.Province && u.IsCurrent(dayBefore));
        if (province is null)
        {
            return new RestructuringPreviewResult(null, [new ImportRowError(0, "Không có đơn vị cấp tỉnh đang hiệu lực vào ngày trước ngày hiệu lực.")]);
        }

        // The units the plan closes must still be valid on the effective date itself: one that ends the day before was
        // closed already (ValidTo is the last valid day), which is what applying a plan does.
        var communes = units.Where(u => u.Level == UnitLevel.Commune && u.IsCurrent(dayBefore) && u.IsCurrent(effectiveOn))
            .ToDictionary(u => u.Code, StringComparer.Ordinal);
        var oldCommunes = CheckOldCommunes(rows, units, communes, effectiveOn, errors);
        CheckNewCommunes(rows, units, oldCommunes, province, effectiveOn, errors);
        foreach (var left in communes.Values.Where(c => oldCommunes.Values.All(o => o.Id != c.Id)).OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            errors.Add(new ImportRowError(0,
                $"Xã {left.Name} ({left.Code}) không có trong kế hoạch: sau ngày hiệu lực xã sẽ nằm dưới một huyện đã giải thể."));
        }

        var closing = oldCommunes.Values.Select(c => c.Id).ToHashSet();
        var districts = units.Where(u => u.Level == UnitLevel.District && u.IsCurrent(dayBefore) && u.IsCurrent(effectiveOn)).ToList();
        closing.UnionWith(districts.Select(d => d.Id));
        var approved = await db.QuarterlyReports.AsNoTracking()
            .Where(r => closing.Contains(r.UnitId) && r.Status == ReportStatus.Approved)
            .Select(r => new { r.UnitId, r.Year, r.Quarter }).ToListAsync(cancellationToken);
        foreach (var report in approved.Where(r => new ReportingPeriod(r.Year, r.Quarter).End >= effectiveOn).OrderBy(r => r.Year).ThenBy(r => r.Quarter))
        {
            var unit = units.First(u => u.Id == report.UnitId);
            errors.Add(new ImportRowError(0, string.Create(CultureInfo.InvariantCulture,
                $"Báo cáo quý {report.Quarter}/{report.Year} của {unit.Name} đã được duyệt: ngày hiệu lực {effectiveOn:dd/MM/yyyy} sẽ làm thay đổi báo cáo này.")));
        }

        if (errors.Count > 0)
        {
            return new RestructuringPreviewResult(null, ImportErrors.Listed(errors.OrderBy(e => e.Row).ToList()));
        }

        var preview = await PreviewOfAsync(db, rows, oldCommunes, units, province, districts, effectiveOn, cancellationToken);
        return new RestructuringPreviewResult(preview, []);
    }

    private static Dictionary<int, Unit> CheckOldCommunes(IReadOnlyList<MergerPlanRow> rows, List<Unit> units, Dictionary<string, Unit> communes,
        DateOnly effectiveOn, List<ImportRowError> errors)
    {
        var byRow = new Dictionary<int, Unit>();
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (firstRow.TryGetValue(row.OldCommuneCode, out var first))
            {
                errors.Add(new ImportRowError(row.Row, $"Xã cũ {row.OldCommuneCode} đã có ở dòng {first}: mỗi xã cũ chỉ thuộc một xã mới."));
                continue;
            }

            firstRow[row.OldCommuneCode] = row.Row;
            if (communes.TryGetValue(row.OldCommuneCode, out var commune))
            {
                if (commune.ValidFrom >= effectiveOn)
                {
                    errors.Add(new ImportRowError(row.Row, string.Create(CultureInfo.InvariantCulture,
                        $"Xã {commune.Name} chỉ có hiệu lực từ {commune.ValidFrom:dd/MM/yyyy}, không trước ngày hiệu lực.")));
                }
                else
                {
                    byRow[row.Row] = commune;
                }

                continue;
            }

            var closed = units.Where(u => u.Level == UnitLevel.Commune && u.Code == row.OldCommuneCode && u.ValidTo is not null)
                .OrderByDescending(u => u.ValidTo).FirstOrDefault();
            errors.Add(new ImportRowError(row.Row, closed is not null
                ? string.Create(CultureInfo.InvariantCulture,
                    $"Xã {closed.Name} ({row.OldCommuneCode}) đã hết hiệu lực từ {closed.ValidTo!.Value.AddDays(1):dd/MM/yyyy}: kế hoạch này đã được áp dụng.")
                : $"Mã xã cũ {row.OldCommuneCode} không có trong danh mục xã đang hiệu lực."));
        }

        return byRow;
    }

    private static void CheckNewCommunes(IReadOnlyList<MergerPlanRow> rows, List<Unit> units, Dictionary<int, Unit> oldCommunes, Unit province,
        DateOnly effectiveOn, List<ImportRowError> errors)
    {
        var closing = oldCommunes.Values.Select(c => c.Id).ToHashSet();
        var names = new Dictionary<string, MergerPlanRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.NewProvinceCode != province.Code)
            {
                errors.Add(new ImportRowError(row.Row, $"Mã tỉnh mới {row.NewProvinceCode} khác mã tỉnh {province.Code}: kế hoạch chỉ sắp xếp trong một tỉnh."));
            }

            if (rows[0].NewProvinceName != row.NewProvinceName)
            {
                errors.Add(new ImportRowError(row.Row, $"Tên tỉnh mới “{ImportText.Echo(row.NewProvinceName)}” khác dòng {rows[0].Row} (“{ImportText.Echo(rows[0].NewProvinceName)}”)."));
            }

            if (names.TryGetValue(row.NewCommuneCode, out var first))
            {
                if (!SameName(first.NewCommuneName, row.NewCommuneName))
                {
                    errors.Add(new ImportRowError(row.Row, $"Xã mới {row.NewCommuneCode} có tên khác ở dòng {first.Row} (“{ImportText.Echo(first.NewCommuneName)}”)."));
                }

                continue;
            }

            names[row.NewCommuneCode] = row;
            // A new commune may reuse the code of one it replaces (07210); never that of a unit that stays.
            var taken = units.FirstOrDefault(u => u.Code == row.NewCommuneCode && u.IsCurrent(effectiveOn) && !closing.Contains(u.Id));
            if (taken is not null)
            {
                errors.Add(new ImportRowError(row.Row, $"Mã xã mới {row.NewCommuneCode} trùng với đơn vị đang hiệu lực: {taken.Name}."));
            }
        }
    }

    /// <summary>
    /// Two spellings of one name: the official map itself writes "Hiệp Hòa" and "Hiệp Hoà" (old and new tone-mark
    /// placement). Same letters and the same tone marks, wherever on the syllable they sit; "Hòa" and "Hóa" still differ.
    /// </summary>
    internal static bool SameName(string a, string b) =>
        string.Equals(Text.VietnameseText.ToSearchKey(a), Text.VietnameseText.ToSearchKey(b), StringComparison.Ordinal)
        && Marks(a).SequenceEqual(Marks(b));

    private static IEnumerable<char> Marks(string name) =>
        name.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark).Order();

    private static async Task<RestructuringPreview> PreviewOfAsync(CnscdDbContext db, IReadOnlyList<MergerPlanRow> rows, Dictionary<int, Unit> oldCommunes,
        List<Unit> units, Unit province, List<Unit> districts, DateOnly effectiveOn, CancellationToken cancellationToken)
    {
        var dayBefore = effectiveOn.AddDays(-1);
        var ids = oldCommunes.Values.Select(c => c.Id).ToList();
        var households = await CountByCommuneAsync(db.Households.AsNoTracking().Where(h => ids.Contains(h.CommuneId!.Value)).Select(h => h.CommuneId), cancellationToken);
        var visits = await CountByCommuneAsync(db.HouseholdVisits.AsNoTracking().Where(v => ids.Contains(v.CommuneId!.Value)).Select(v => v.CommuneId), cancellationToken);
        var members = await CountByCommuneAsync(db.TeamMembers.AsNoTracking()
            .Where(m => ids.Contains(m.CommuneId!.Value) && m.StartDate <= dayBefore && (m.EndDate == null || m.EndDate >= dayBefore)).Select(m => m.CommuneId),
            cancellationToken);
        var targets = await CountByCommuneAsync(db.Targets.AsNoTracking().Where(t => ids.Contains(t.UnitId)).Select(t => (int?)t.UnitId), cancellationToken);
        var openReports = await CountByCommuneAsync(db.QuarterlyReports.AsNoTracking()
            .Where(r => ids.Contains(r.UnitId) && r.Status != ReportStatus.Approved).Select(r => (int?)r.UnitId), cancellationToken);
        var communeTeams = await CountByCommuneAsync(db.Teams.AsNoTracking().Where(t => ids.Contains(t.UnitId)).Select(t => (int?)t.UnitId), cancellationToken);
        var villages = units.Where(u => u.Level == UnitLevel.Village && u.IsCurrent(dayBefore) && u.ParentId is { } p && ids.Contains(p)).ToList();
        var communeOfUnit = villages.ToDictionary(v => v.Id, v => v.ParentId!.Value);
        foreach (var id in ids)
        {
            communeOfUnit[id] = id;
        }

        var accountUnits = communeOfUnit.Keys.ToList();
        var accountCommunes = (await db.Users.AsNoTracking().Where(u => u.IsActive && accountUnits.Contains(u.UnitId)).Select(u => u.UnitId).ToListAsync(cancellationToken))
            .GroupBy(unitId => communeOfUnit[unitId]).ToDictionary(g => g.Key, g => g.Count());
        var districtIds = districts.Select(d => d.Id).ToList();
        var districtAccounts = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Role == AppRole.DistrictOfficer && districtIds.Contains(u.UnitId))
            .OrderBy(u => u.Email).Select(u => u.Email ?? u.UserName ?? u.Id).ToListAsync(cancellationToken);

        int Sum(Dictionary<int, int> counts, IEnumerable<Unit> of) => of.Sum(c => counts.GetValueOrDefault(c.Id));
        var opened = rows.GroupBy(r => r.NewCommuneCode, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var old = g.Select(r => oldCommunes[r.Row]).ToList();
            return new NewCommunePreview(g.Key, g.First().NewCommuneName, old.Select(c => $"{c.Name} ({c.Code})").ToList(),
                villages.Count(v => old.Any(c => c.Id == v.ParentId)), Sum(communeTeams, old), Sum(households, old), Sum(visits, old),
                Sum(members, old), Sum(accountCommunes, old), Sum(targets, old), Sum(openReports, old));
        }).ToList();
        var newProvinceName = rows[0].NewProvinceName == province.Name ? null : rows[0].NewProvinceName;
        return new RestructuringPreview(effectiveOn, province.Name, newProvinceName,
            districts.OrderBy(d => d.Code, StringComparer.Ordinal).Select(d => $"{d.Name} ({d.Code})").ToList(),
            oldCommunes.Values.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => $"{c.Name} ({c.Code})").ToList(),
            opened, districtAccounts);
    }

    private static async Task<Dictionary<int, int>> CountByCommuneAsync(IQueryable<int?> communeIds, CancellationToken cancellationToken) =>
        (await communeIds.GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
        .Where(g => g.Key is not null).ToDictionary(g => g.Key!.Value, g => g.Count);

    private sealed record Unit(int Id, string Code, string Name, UnitLevel Level, int? ParentId, DateOnly ValidFrom, DateOnly? ValidTo)
    {
        public bool IsCurrent(DateOnly on) => ValidFrom <= on && (ValidTo is null || ValidTo >= on);
    }
}
