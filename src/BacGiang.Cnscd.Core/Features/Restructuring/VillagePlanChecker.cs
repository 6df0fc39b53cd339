using System.Globalization;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common.Import;
using BacGiang.Cnscd.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Features.Restructuring;

/// <summary>One checked line of a village plan, with the units it names and the households that leave the village.</summary>
internal sealed record VillagePlanItem(VillagePlanRow Row, PlanUnit Village, PlanUnit Commune, PlanUnit? Into, IReadOnlyList<int> Households)
{
    public VillageAction Action => Row.Action;
}

/// <summary>A village plan that passed every check.</summary>
internal sealed record CheckedVillagePlan(IReadOnlyList<VillagePlanItem> Items, PlanUnit Province, DateOnly EffectiveOn)
{
    public DateOnly DayBefore => EffectiveOn.AddDays(-1);
}

/// <summary>
/// Checks a village plan against the tree the day before its effective date, and previews it. Refused, row by row and
/// with nothing applied, for an unknown or closed village, a name that is not the village's, a village listed twice, a
/// village that receives a merge and is changed itself in the same plan, a move to the village's own commune, a merge
/// into itself, a new code already used, and a split whose addresses take none or all of the village's households.
/// </summary>
internal static class VillagePlanChecker
{
    public static async Task<(CheckedVillagePlan? Plan, IReadOnlyList<ImportRowError> Errors)> CheckAsync(CnscdDbContext db,
        IReadOnlyList<VillagePlanRow> rows, DateOnly effectiveOn, CancellationToken cancellationToken)
    {
        var dayBefore = effectiveOn.AddDays(-1);
        var units = await UnitTree.Everywhere(db)
            .Select(u => new PlanUnit(u.Id, u.Code, u.Name, u.Level, u.ParentId, u.DistrictId, u.ValidFrom, u.ValidTo, u.SuccessorId))
            .ToListAsync(cancellationToken);
        var province = units.SingleOrDefault(u => u.Level == UnitLevel.Province && u.IsCurrent(dayBefore));
        if (province is null)
        {
            return (null, [new ImportRowError(0, "Không có đơn vị cấp tỉnh đang hiệu lực vào ngày trước ngày hiệu lực.")]);
        }

        PlanUnit? Current(UnitLevel level, string code) =>
            units.FirstOrDefault(u => u.Level == level && u.Code == code && u.IsCurrent(dayBefore) && u.IsCurrent(effectiveOn));

        var errors = new List<ImportRowError>();
        var items = new List<VillagePlanItem>();
        var subjects = rows.GroupBy(r => r.VillageCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Row, StringComparer.Ordinal);
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        var newCodes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (firstRow.TryGetValue(row.VillageCode, out var first))
            {
                errors.Add(new ImportRowError(row.Row, $"Thôn {row.VillageCode} đã có ở dòng {first}: mỗi thôn chỉ được sắp xếp một lần trong một kế hoạch."));
                continue;
            }

            firstRow[row.VillageCode] = row.Row;
            var village = Current(UnitLevel.Village, row.VillageCode);
            if (village is null)
            {
                var closed = units.Where(u => u.Level == UnitLevel.Village && u.Code == row.VillageCode && u.ValidTo is not null)
                    .OrderByDescending(u => u.ValidTo).FirstOrDefault();
                errors.Add(new ImportRowError(row.Row, closed is not null
                    ? string.Create(CultureInfo.InvariantCulture,
                        $"Thôn {closed.Name} ({row.VillageCode}) đã hết hiệu lực từ {closed.ValidTo!.Value.AddDays(1):dd/MM/yyyy}.")
                    : $"Mã thôn {row.VillageCode} không có trong danh mục thôn đang hiệu lực."));
                continue;
            }

            if (!RestructuringService.SameName(village.Name, row.VillageName))
            {
                errors.Add(new ImportRowError(row.Row, $"Thôn {row.VillageCode} là “{village.Name}”, không phải “{ImportText.Echo(row.VillageName)}”: hãy kiểm tra lại mã thôn."));
                continue;
            }

            if (village.ValidFrom >= effectiveOn)
            {
                errors.Add(new ImportRowError(row.Row, string.Create(CultureInfo.InvariantCulture,
                    $"Thôn {village.Name} chỉ có hiệu lực từ {village.ValidFrom:dd/MM/yyyy}, không trước ngày hiệu lực.")));
                continue;
            }

            var commune = units.First(u => u.Id == village.ParentId);
            switch (row.Action)
            {
                case VillageAction.Move:
                    var to = Current(UnitLevel.Commune, row.CommuneCode);
                    if (to is null)
                    {
                        errors.Add(new ImportRowError(row.Row, $"Mã xã {row.CommuneCode} không có trong danh mục xã đang hiệu lực."));
                    }
                    else if (to.Id == commune.Id)
                    {
                        errors.Add(new ImportRowError(row.Row, $"Thôn {village.Name} đã thuộc {commune.Name}."));
                    }
                    else
                    {
                        items.Add(new VillagePlanItem(row, village, to, null, []));
                    }

                    break;
                case VillageAction.Merge:
                    var into = Current(UnitLevel.Village, row.TargetVillageCode);
                    if (into is null)
                    {
                        errors.Add(new ImportRowError(row.Row, $"Mã thôn nhận nhập {row.TargetVillageCode} không có trong danh mục thôn đang hiệu lực."));
                    }
                    else if (into.Id == village.Id)
                    {
                        errors.Add(new ImportRowError(row.Row, $"Thôn {village.Name} không thể nhập vào chính nó."));
                    }
                    else if (subjects.TryGetValue(into.Code, out var other))
                    {
                        errors.Add(new ImportRowError(row.Row,
                            $"Thôn {into.Name} nhận nhập nhưng cũng được sắp xếp ở dòng {other}: hãy tách thành hai kế hoạch."));
                    }
                    else
                    {
                        var households = await HouseholdsOfAsync(db, village.Id, cancellationToken);
                        items.Add(new VillagePlanItem(row, village, units.First(u => u.Id == into.ParentId), into, households.Select(h => h.Id).ToList()));
                    }

                    break;
                case VillageAction.Split:
                    var splitTo = Current(UnitLevel.Commune, row.CommuneCode);
                    var taken = units.FirstOrDefault(u => u.Code == row.TargetVillageCode && u.IsCurrent(effectiveOn));
                    if (splitTo is null)
                    {
                        errors.Add(new ImportRowError(row.Row, $"Mã xã {row.CommuneCode} không có trong danh mục xã đang hiệu lực."));
                    }
                    else if (taken is not null)
                    {
                        errors.Add(new ImportRowError(row.Row, $"Mã thôn mới {row.TargetVillageCode} trùng với đơn vị đang hiệu lực: {taken.Name}."));
                    }
                    else if (newCodes.TryGetValue(row.TargetVillageCode, out var sameCode))
                    {
                        errors.Add(new ImportRowError(row.Row, $"Mã thôn mới {row.TargetVillageCode} đã dùng ở dòng {sameCode}."));
                    }
                    else
                    {
                        newCodes[row.TargetVillageCode] = row.Row;
                        var households = await HouseholdsOfAsync(db, village.Id, cancellationToken);
                        var keys = row.Addresses.Select(a => VietnameseText.ToSearchKey(a)).Where(k => k.Length > 0).ToList();
                        var leaving = households.Where(h => keys.Any(k => ContainsWords(h.AddressKey, k))).Select(h => h.Id).ToList();
                        if (leaving.Count == 0)
                        {
                            errors.Add(new ImportRowError(row.Row, $"Không hộ nào của {village.Name} có địa chỉ chứa “{ImportText.Echo(string.Join("; ", row.Addresses))}”."));
                        }
                        else if (leaving.Count == households.Count)
                        {
                            errors.Add(new ImportRowError(row.Row,
                                $"Mọi hộ của {village.Name} đều có địa chỉ này: cả thôn sẽ chuyển đi, hãy dùng move thay cho split."));
                        }
                        else
                        {
                            items.Add(new VillagePlanItem(row, village, splitTo, null, leaving));
                        }
                    }

                    break;
            }
        }

        return errors.Count > 0 ? (null, ImportErrors.Listed(errors.OrderBy(e => e.Row).ToList()))
            : (new CheckedVillagePlan(items, province, effectiveOn), []);
    }

    /// <summary>
    /// Whether <paramref name="fragment"/> is in <paramref name="address"/> as whole words: "xom 1" finds "xom 1, thon 3"
    /// but not "xom 11, thon 3" (a split along hamlets must not take the neighbouring hamlet's households).
    /// </summary>
    internal static bool ContainsWords(string address, string fragment)
    {
        for (var at = address.IndexOf(fragment, StringComparison.Ordinal); at >= 0; at = address.IndexOf(fragment, at + 1, StringComparison.Ordinal))
        {
            var end = at + fragment.Length;
            if ((at == 0 || !char.IsLetterOrDigit(address[at - 1])) && (end == address.Length || !char.IsLetterOrDigit(address[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<List<(int Id, string AddressKey)>> HouseholdsOfAsync(CnscdDbContext db, int villageId, CancellationToken cancellationToken) =>
        (await db.Households.AsNoTracking().Where(h => h.UnitId == villageId).OrderBy(h => h.Id).Select(h => new { h.Id, h.Address })
            .ToListAsync(cancellationToken))
        .Select(h => (h.Id, VietnameseText.ToSearchKey(h.Address))).ToList();

    /// <summary>What each line would move: households, their visits, and for a merge the people, the team's current members and the accounts.</summary>
    public static async Task<VillagePlanPreview> PreviewAsync(CnscdDbContext db, CheckedVillagePlan plan, CancellationToken cancellationToken)
    {
        var dayBefore = plan.DayBefore;
        var changes = new List<VillageChangePreview>();
        foreach (var item in plan.Items)
        {
            var villageId = item.Village.Id;
            var households = item.Households.ToList();
            var (householdCount, visits) = item.Action == VillageAction.Move
                ? (await db.Households.CountAsync(h => h.UnitId == villageId, cancellationToken),
                    await db.HouseholdVisits.CountAsync(v => v.VillageId == villageId, cancellationToken))
                : (households.Count, await db.HouseholdVisits.CountAsync(v => households.Contains(v.HouseholdId), cancellationToken));
            var merge = item.Action == VillageAction.Merge;
            var people = merge ? await db.People.CountAsync(p => p.UnitId == villageId, cancellationToken) : 0;
            var members = merge
                ? await db.TeamMembers.CountAsync(m => db.Teams.Any(t => t.Id == m.TeamId && t.UnitId == villageId && t.ClosedOn == null)
                    && m.StartDate <= dayBefore && (m.EndDate == null || m.EndDate > dayBefore), cancellationToken)
                : 0;
            var accounts = item.Action == VillageAction.Split ? 0 : await db.Users.CountAsync(u => u.UnitId == villageId, cancellationToken);
            var from = (await db.Units.AsNoTracking().Where(u => u.Id == item.Village.ParentId).Select(u => u.Name).SingleAsync(cancellationToken));
            var to = item.Action switch
            {
                VillageAction.Move => item.Commune.Name,
                VillageAction.Merge => $"{item.Into!.Name} ({item.Into.Code}), {item.Commune.Name}",
                _ => $"thôn mới {item.Row.TargetVillageName} ({item.Row.TargetVillageCode}), {item.Commune.Name}",
            };
            changes.Add(new VillageChangePreview(item.Row.Row, item.Action, $"{item.Village.Name} ({item.Village.Code})", from, to, householdCount, visits,
                people, members, accounts));
        }

        return new VillagePlanPreview(plan.EffectiveOn, changes);
    }
}
