using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Features.Units;

/// <summary>
/// The administrative-unit browser: a unit, and its children one page at a time with the counts of
/// villages, teams, current members and households under each. Everything goes through the scope
/// filter, so a unit outside the reader's subtree is simply not found.
/// </summary>
public sealed class UnitDirectoryService(IDbContextFactory<CnscdDbContext> contextFactory, AccessRefusals refusals, VietnamClock clock)
{
    /// <summary>The top unit of the reader's scope (the province for province roles).</summary>
    public async Task<UnitSummary?> GetRootAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var root = await db.Units.AsNoTracking()
            .OrderBy(u => u.Level).ThenBy(u => u.Id)
            .Select(u => u.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return root == 0 ? null : await GetAsync(db, root, cancellationToken);
    }

    /// <summary>
    /// A unit by id, or null when it does not exist or lies outside the reader's scope. Asking for a
    /// unit that exists outside the scope (a forged or copied URL) is recorded as a refused attempt.
    /// </summary>
    public async Task<UnitSummary?> GetAsync(int unitId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var unit = await GetAsync(db, unitId, cancellationToken);
        // Existence across scopes is checked only to tell "no such unit" from "not yours" for the audit.
        if (unit is null && await refusals.ExistsAsync<AdministrativeUnit>(unitId, cancellationToken))
        {
            await refusals.RefuseAsync<AdministrativeUnit>(unitId, "unit outside the account's scope");
        }

        return unit;
    }

    private static async Task<UnitSummary?> GetAsync(CnscdDbContext db, int unitId, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, cancellationToken);
        if (unit is null)
        {
            return null;
        }

        // Walk up while the ancestors are visible: the breadcrumb stops at the top of the reader's scope.
        var path = new List<(int, string)> { (unit.Id, unit.Name) };
        var parentId = unit.ParentId;
        while (parentId is not null)
        {
            var parent = await db.Units.AsNoTracking().Where(u => u.Id == parentId)
                .Select(u => new { u.Id, u.Name, u.ParentId }).FirstOrDefaultAsync(cancellationToken);
            if (parent is null)
            {
                break;
            }

            path.Insert(0, (parent.Id, parent.Name));
            parentId = parent.ParentId;
        }

        return new UnitSummary(unit.Id, unit.Code, unit.Name, unit.Level, unit.Kind, path);
    }

    /// <summary>One page of a unit's current children, optionally filtered by name (diacritics ignored).</summary>
    public async Task<PagedResult<UnitRow>> GetChildrenAsync(int parentId, PageRequest page, string? search,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var today = clock.Today;
        var children = db.Units.AsNoTracking()
            .Where(u => u.ParentId == parentId && u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo >= today));

        // A unit has at most a few dozen children, so the name filter runs on them in memory.
        // Official code order is the order of the official lists (and numbers villages naturally: 02 before 10).
        var all = await children.OrderBy(u => u.Code).Select(u => new { u.Id, u.Code, u.Name, u.Level, u.Kind }).ToListAsync(cancellationToken);
        var key = VietnameseText.ToSearchKey(search);
        var filtered = key.Length == 0 ? all : all.Where(u => VietnameseText.ToSearchKey(u.Name).Contains(key, StringComparison.Ordinal)).ToList();
        var pageRows = filtered.Skip(page.Skip).Take(page.Take).ToList();
        if (pageRows.Count == 0)
        {
            return new PagedResult<UnitRow>([], filtered.Count);
        }

        var counts = await CountsAsync(db, pageRows[0].Level, pageRows.Select(u => u.Id).ToList(), today, cancellationToken);
        var rows = pageRows.Select(u => counts(u.Id, u.Code, u.Name, u.Level, u.Kind)).ToList();
        return new PagedResult<UnitRow>(rows, filtered.Count);
    }

    /// <summary>The unit itself as a row with the counts of its whole subtree (null when not visible).</summary>
    public async Task<UnitRow?> GetTotalsAsync(int unitId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new { u.Id, u.Code, u.Name, u.Level, u.Kind }).FirstOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return null;
        }

        if (unit.Level == UnitLevel.Province)
        {
            // The province is the whole (visible) table: no grouping column needed.
            var today = clock.Today;
            return new UnitRow(unit.Id, unit.Code, unit.Name, unit.Level, unit.Kind,
                await db.Units.CountAsync(u => u.Level == UnitLevel.Village, cancellationToken),
                await db.Teams.CountAsync(t => t.ClosedOn == null || t.ClosedOn >= today, cancellationToken),
                await db.TeamMembers.CountAsync(m => m.StartDate <= today && (m.EndDate == null || m.EndDate >= today), cancellationToken),
                await db.Households.CountAsync(cancellationToken));
        }

        var counts = await CountsAsync(db, unit.Level, [unit.Id], clock.Today, cancellationToken);
        return counts(unit.Id, unit.Code, unit.Name, unit.Level, unit.Kind);
    }

    private static async Task<Func<int, string, string, UnitLevel, UnitKind, UnitRow>> CountsAsync(CnscdDbContext db, UnitLevel level,
        List<int> ids, DateOnly today, CancellationToken cancellationToken)
    {
        var villages = await CountBy(db.Units.Where(u => u.Level == UnitLevel.Village), level, ids, cancellationToken);
        var teams = await CountBy(db.Teams.Where(t => t.ClosedOn == null || t.ClosedOn >= today), level, ids, cancellationToken);
        var members = await CountBy(db.TeamMembers.Where(m => m.StartDate <= today && (m.EndDate == null || m.EndDate >= today)), level, ids, cancellationToken);
        var households = await CountBy(db.Households, level, ids, cancellationToken);
        return (id, code, name, lvl, kind) => new UnitRow(id, code, name, lvl, kind,
            villages.GetValueOrDefault(id), teams.GetValueOrDefault(id), members.GetValueOrDefault(id), households.GetValueOrDefault(id));
    }

    /// <summary>Counts rows under each of the given units, grouping on the ancestry column of their level.</summary>
    private static async Task<Dictionary<int, int>> CountBy<T>(IQueryable<T> source, UnitLevel level, List<int> unitIds,
        CancellationToken cancellationToken)
        where T : class, IUnitScoped
    {
        var column = level switch
        {
            UnitLevel.District => nameof(IUnitScoped.DistrictId),
            UnitLevel.Commune => nameof(IUnitScoped.CommuneId),
            UnitLevel.Village => nameof(IUnitScoped.VillageId),
            _ => throw new ArgumentOutOfRangeException(nameof(level)),
        };
        var counts = await source
            .Where(e => EF.Property<int?>(e, column) != null && unitIds.Contains(EF.Property<int?>(e, column)!.Value))
            .GroupBy(e => EF.Property<int?>(e, column))
            .Select(g => new { UnitId = g.Key!.Value, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.UnitId, c => c.Count);
    }
}
