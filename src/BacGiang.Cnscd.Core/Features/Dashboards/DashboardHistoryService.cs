using System.Globalization;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Features.Restructuring;
using BacGiang.Cnscd.Core.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Features.Dashboards;

/// <summary>
/// The dashboard on a chosen past day (issue 12: "the dashboard shows the tree valid on a chosen date"): the units that
/// existed that day, each under its parent of that day (<see cref="TreeOnDate"/>), with household figures summed from
/// each village's quarterly snapshot — the latest one up to the end of the day's quarter, as the trend reads them. So
/// 30/06/2025 shows the ten districts and their communes with their figures of Q2 2025, before and after the reform was
/// applied alike (an apply moves ancestry, never a snapshot's counts). Team and report figures are today's facts only
/// (a team's governance has no history), so a past day shows households only. Reads go through the scope filter: a
/// unit outside the reader's subtree is not found, and asking for one is audited.
/// </summary>
public sealed class DashboardHistoryService(IDbContextFactory<CnscdDbContext> contextFactory, AccessRefusals refusals)
{
    /// <summary>The dashboard of <paramref name="unitId"/> (the top of the reader's scope when null) on <paramref name="on"/>; null outside the scope.</summary>
    public async Task<DashboardView?> GetAsync(int? unitId, DateOnly on, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var units = await db.Units.AsNoTracking()
            .Select(u => new UnitRow(u.Id, u.Code, u.Name, u.Level, u.ParentId, u.ValidFrom, u.ValidTo)).ToListAsync(cancellationToken);
        var byId = units.ToDictionary(u => u.Id);
        var root = unitId is { } asked ? byId.GetValueOrDefault(asked) : units.OrderBy(u => u.Level).ThenBy(u => u.Id).FirstOrDefault();
        if (root is null)
        {
            if (unitId is { } forged && await refusals.ExistsAsync<AdministrativeUnit>(forged, cancellationToken))
            {
                await refusals.RefuseAtAsync("Dashboard", forged.ToString(CultureInfo.InvariantCulture), forged, "unit outside the account's scope");
            }

            return null;
        }

        var quarter = ((on.Month - 1) / 3) + 1;
        var earlier = await TreeOnDate.EarlierParentsAsync(db, on, cancellationToken);
        int? ParentOn(UnitRow u) => earlier.TryGetValue(u.Id, out var parent) ? parent : u.ParentId;
        var path = await PathAsync(db, root, byId, ParentOn, on, cancellationToken);
        var history = new DashboardHistory(on, on.Year, quarter, root.IsValidOn(on), root.ValidFrom, root.ValidTo);
        if (!history.Existed)
        {
            return new DashboardView(root.Id, root.Code, path[^1].Name, root.Level, path, DashboardFigures.Empty(), [], [], on, history);
        }

        var children = units.Where(u => u.Id != root.Id && u.IsValidOn(on) && ParentOn(u) == root.Id)
            .OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var childIds = children.Select(c => c.Id).ToHashSet();

        // Each village of that day, and the child of the root it belongs to (null: outside the root's subtree then).
        var childOfVillage = new Dictionary<int, int>();
        foreach (var village in units.Where(u => u.Level == UnitLevel.Village && u.IsValidOn(on)))
        {
            int? child = null;
            var reachesRoot = village.Id == root.Id;
            for (var (at, steps) = (village, 0); at is not null && steps < 4 && !reachesRoot; steps++)
            {
                if (childIds.Contains(at.Id))
                {
                    child = at.Id;
                }

                var parentId = ParentOn(at);
                reachesRoot = parentId == root.Id;
                at = parentId is { } p ? byId.GetValueOrDefault(p) : null;
            }

            if (reachesRoot || village.Id == root.Id)
            {
                childOfVillage[village.Id] = child ?? root.Id;
            }
        }

        var last = (on.Year * 4) + quarter - 1;
        var snapshots = await db.VillageQuarterSummaries.AsNoTracking().Where(s => (s.Year * 4) + s.Quarter - 1 <= last).ToListAsync(cancellationToken);
        var total = new HouseholdCounts();
        var byChild = children.ToDictionary(c => c.Id, _ => new HouseholdCounts());
        var latestOfEach = snapshots.Where(s => childOfVillage.ContainsKey(s.UnitId)).GroupBy(s => s.UnitId)
            .Select(g => g.OrderByDescending(s => (s.Year * 4) + s.Quarter).First()).ToList();
        history = history with { HasSnapshots = latestOfEach.Count > 0 };
        foreach (var latest in latestOfEach)
        {
            var counts = HouseholdCounts.From(latest);
            total.Add(counts);
            if (byChild.TryGetValue(childOfVillage[latest.UnitId], out var child))
            {
                child.Add(counts);
            }
        }

        static DashboardFigures Households(HouseholdCounts counts) => DashboardFigures.Empty() with { Households = counts };
        var rows = children.Select(c => new DashboardRow(c.Id, c.Code, c.Name, c.Level, Households(byChild[c.Id]))).ToList();
        return new DashboardView(root.Id, root.Code, path[^1].Name, root.Level, path, Households(total), rows, [], on, history);
    }

    /// <summary>The breadcrumb of that day, the province under the name it had then.</summary>
    private static async Task<List<(int Id, string Name)>> PathAsync(CnscdDbContext db, UnitRow root, Dictionary<int, UnitRow> byId,
        Func<UnitRow, int?> parentOn, DateOnly on, CancellationToken cancellationToken)
    {
        var chain = new List<UnitRow> { root };
        for (var parentId = parentOn(root); parentId is { } id && byId.TryGetValue(id, out var parent) && chain.Count < 5; parentId = parentOn(parent))
        {
            chain.Insert(0, parent);
        }

        var path = new List<(int, string)>();
        foreach (var unit in chain)
        {
            path.Add((unit.Id, unit.Level == UnitLevel.Province ? await UnitNames.ProvinceNameOnAsync(db, unit.Name, on, cancellationToken) : unit.Name));
        }

        return path;
    }

    private sealed record UnitRow(int Id, string Code, string Name, UnitLevel Level, int? ParentId, DateOnly ValidFrom, DateOnly? ValidTo)
    {
        public bool IsValidOn(DateOnly on) => ValidFrom <= on && (ValidTo is null || ValidTo >= on);
    }
}
