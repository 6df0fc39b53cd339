using System.Reflection;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using Microsoft.EntityFrameworkCore;
using static BacGiang.Cnscd.Core.Features.Restructuring.RestructuringChanges;

namespace BacGiang.Cnscd.Core.Features.Restructuring;

/// <summary>
/// The writes of applying and undoing a checked plan, inside the caller's transaction. The set-based moves (a village's
/// households, visits, summaries … get the new commune as ancestry) are UPDATE statements per old commune and table
/// (or one per big table on PostgreSQL, see <see cref="SuspendedIndexes"/>), not tracked entities: 3 million rows at
/// province scale. They change only the derived ancestry columns and the
/// versions of rows whose content changed (units, teams, targets, reports), and every value they overwrite is in the
/// journal. Units and teams that open are inserted through the change tracker, and accounts change through it, so the
/// scope guard checks them and the audit interceptor records each one.
/// </summary>
internal static class RestructuringApplier
{
    public static async Task<RestructuringChanges> ApplyAsync(CnscdDbContext db, CheckedPlan plan, IProgress<RestructuringStep>? progress,
        CancellationToken cancellationToken)
    {
        var changes = new RestructuringChanges { ProvinceId = plan.Province.Id };
        var dayBefore = plan.DayBefore;
        var province = plan.Province;
        if (plan.NewProvinceName != province.Name)
        {
            changes.ProvinceNameBefore = province.Name;
            var name = plan.NewProvinceName;
            await db.Units.Where(u => u.Id == province.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Name, name).SetProperty(u => u.Version, u => u.Version + 1), cancellationToken);
        }

        // 1. The new communes, directly under the province, each with its commune team.
        var opened = plan.NewCommunes.Select(c => new AdministrativeUnit
        {
            Code = c.Code, Name = c.Name, Level = UnitLevel.Commune, Kind = KindOf(c.Name), ParentId = province.Id, ValidFrom = plan.EffectiveOn,
        }).ToList();
        db.Units.AddRange(opened);
        await db.SaveChangesAsync(cancellationToken);
        var teams = opened.Select(c => new Team
        {
            UnitId = c.Id, Name = "Tổ CNSCĐ " + c.Name, Level = UnitLevel.Commune, CreatedAtUtc = db.Clock.UtcNow,
        }).ToList();
        db.Teams.AddRange(teams);
        await db.SaveChangesAsync(cancellationToken);
        changes.OpenedUnitIds = opened.Select(c => c.Id).ToList();
        changes.OpenedTeamIds = teams.Select(t => t.Id).ToList();
        progress?.Report(RestructuringStep.UnitsOpened);

        // 2. The villages, and every row under them, move to the new commune.
        var successorOf = new Dictionary<int, int>();
        for (var i = 0; i < opened.Count; i++)
        {
            foreach (var old in plan.NewCommunes[i].Old)
            {
                successorOf[old.Id] = opened[i].Id;
                var villages = plan.VillagesOf(old).Select(v => v.Id).ToList();
                if (villages.Count > 0)
                {
                    changes.VillageMoves.Add(new VillageMove(old.Id, old.DistrictId, opened[i].Id, null, villages));
                }
            }
        }

        var suspended = new List<Type>();
        await MoveAllAsync(db, changes.VillageMoves, m => (m.NewCommuneId, m.NewDistrictId), +1, suspended, cancellationToken);
        progress?.Report(RestructuringStep.VillagesMoved);

        // 3. The old communes and the districts close (never deleted); the old commune teams close with their rosters.
        var oldIds = successorOf.Keys.ToList();
        changes.ClosedTeamIds = await db.Teams.Where(t => oldIds.Contains(t.UnitId) && t.ClosedOn == null).Select(t => t.Id).ToListAsync(cancellationToken);
        var closedTeams = changes.ClosedTeamIds;
        await db.Teams.Where(t => closedTeams.Contains(t.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClosedOn, dayBefore).SetProperty(t => t.Version, t => t.Version + 1), cancellationToken);
        var current = db.TeamMembers.Where(m => closedTeams.Contains(m.TeamId) && m.StartDate <= dayBefore && (m.EndDate == null || m.EndDate > dayBefore));
        changes.EndedMemberships = await current.OrderBy(m => m.Id).Select(m => new EndedMembership(m.Id, m.EndDate)).ToListAsync(cancellationToken);
        await current.ExecuteUpdateAsync(s => s.SetProperty(m => m.EndDate, dayBefore).SetProperty(m => m.Version, m => m.Version + 1), cancellationToken);
        var closing = plan.OldCommuneByRow.Values.Concat(plan.Districts).ToList();
        changes.ClosedUnits = closing.Select(u => new ClosedUnit(u.Id, u.ValidTo, u.SuccessorId)).ToList();
        foreach (var group in successorOf.GroupBy(p => p.Value, p => p.Key))
        {
            var ids = group.ToList();
            var successor = group.Key;
            await db.Units.Where(u => ids.Contains(u.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.ValidTo, dayBefore).SetProperty(u => u.SuccessorId, successor).SetProperty(u => u.Version, u => u.Version + 1),
                cancellationToken);
        }

        var districtIds = plan.Districts.Select(d => d.Id).ToList();
        await db.Units.Where(u => districtIds.Contains(u.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.ValidTo, dayBefore).SetProperty(u => u.Version, u => u.Version + 1), cancellationToken);
        progress?.Report(RestructuringStep.UnitsClosed);

        // 4. What an old commune owns for the quarters after the date moves to its successor.
        changes.MovedTargets = await TargetsToMoveAsync(db, successorOf, plan.EffectiveOn, cancellationToken);
        changes.MovedReports = await ReportsToMoveAsync(db, successorOf, plan.EffectiveOn, cancellationToken);
        await MoveOwnedRowsAsync(db, changes, +1, cancellationToken);

        // People recorded at an old commune itself (its commune-level members) live in the successor now: the merge tool
        // offers the old team's roster to the new team (PredecessorRosters) and finds them there as the same people.
        changes.MovedPeople = (await db.People.Where(p => oldIds.Contains(p.UnitId)).OrderBy(p => p.Id).Select(p => new { p.Id, p.UnitId })
            .ToListAsync(cancellationToken)).Select(p => new MovedRow(p.Id, p.UnitId, successorOf[p.UnitId])).ToList();
        await MovePeopleAsync(db, changes.MovedPeople, +1, cancellationToken);

        // 5. Accounts follow the tree; their sessions end at the next check (a new security stamp).
        changes.Accounts = await ChangeAccountsAsync(db, successorOf, changes.VillageMoves.SelectMany(m => m.VillageIds).ToList(), districtIds,
            cancellationToken);
        progress?.Report(RestructuringStep.AccountsChanged);
        await RestoreIndexesAsync(db, suspended, cancellationToken);
        return changes;
    }

    /// <summary>Gives back the state before <paramref name="changes"/> were applied, in the reverse order.</summary>
    public static async Task UndoAsync(CnscdDbContext db, RestructuringChanges changes, CancellationToken cancellationToken)
    {
        var accounts = changes.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var accountIds = accounts.Keys.ToList();
        foreach (var user in await db.Users.Where(u => accountIds.Contains(u.Id)).ToListAsync(cancellationToken))
        {
            var before = accounts[user.Id];
            (user.UnitId, user.IsActive, user.SecurityStamp) = (before.UnitId, before.IsActive, before.SecurityStamp);
        }

        await db.SaveChangesAsync(cancellationToken);
        await MovePeopleAsync(db, changes.MovedPeople, -1, cancellationToken);
        await MoveOwnedRowsAsync(db, changes, -1, cancellationToken);

        var suspended = new List<Type>();
        await MoveAllAsync(db, changes.VillageMoves, m => (m.OldCommuneId, m.OldDistrictId), -1, suspended, cancellationToken);

        foreach (var group in changes.EndedMemberships.GroupBy(m => m.EndDate))
        {
            var ids = group.Select(m => m.Id).ToList();
            var endDate = group.Key;
            await db.TeamMembers.Where(m => ids.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.EndDate, endDate).SetProperty(m => m.Version, m => m.Version - 1), cancellationToken);
        }

        var closedTeams = changes.ClosedTeamIds;
        await db.Teams.Where(t => closedTeams.Contains(t.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClosedOn, (DateOnly?)null).SetProperty(t => t.Version, t => t.Version - 1), cancellationToken);
        foreach (var unit in changes.ClosedUnits)
        {
            await db.Units.Where(u => u.Id == unit.Id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.ValidTo, unit.ValidTo).SetProperty(u => u.SuccessorId, unit.SuccessorId).SetProperty(u => u.Version, u => u.Version - 1),
                cancellationToken);
        }

        var openedTeams = changes.OpenedTeamIds;
        await db.Teams.Where(t => openedTeams.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);
        var openedUnits = changes.OpenedUnitIds;
        await db.Units.Where(u => openedUnits.Contains(u.Id)).ExecuteDeleteAsync(cancellationToken);
        if (changes.ProvinceNameBefore is { } name)
        {
            await db.Units.Where(u => u.Id == changes.ProvinceId)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Name, name).SetProperty(u => u.Version, u => u.Version - 1), cancellationToken);
        }

        await RestoreIndexesAsync(db, suspended, cancellationToken);
    }

    /// <summary>The indexes <see cref="MoveAllAsync"/> dropped, built again as the transaction's last statements.</summary>
    internal static async Task RestoreIndexesAsync(CnscdDbContext db, List<Type> suspended, CancellationToken cancellationToken)
    {
        foreach (var table in suspended)
        {
            await SuspendedIndexes.CreateAsync(db, table, cancellationToken);
        }
    }

    /// <summary>
    /// Why an applied plan can no longer be undone: something was written into a unit it opened (a member, a target,
    /// an account, a village …) since. Null when undo would lose nothing.
    /// </summary>
    public static async Task<string?> NewDataInOpenedUnitsAsync(CnscdDbContext db, RestructuringChanges changes, CancellationToken cancellationToken)
    {
        var units = changes.OpenedUnitIds;
        var teams = changes.OpenedTeamIds;
        var movedVillages = changes.VillageMoves.SelectMany(m => m.VillageIds).ToList();
        var accounts = changes.Accounts.Select(a => a.Id).ToList();
        var targets = changes.MovedTargets.Select(t => t.Id).ToList();
        var reports = changes.MovedReports.Select(r => r.Id).ToList();
        var movedPeople = changes.MovedPeople.Select(p => p.Id).ToList();
        var found = new List<string>();
        if (await db.Units.AnyAsync(u => u.ParentId != null && units.Contains(u.ParentId.Value) && !movedVillages.Contains(u.Id), cancellationToken))
        {
            found.Add("thôn mới");
        }

        if (await db.Teams.AnyAsync(t => teams.Contains(t.Id) && t.Version != 0, cancellationToken)
            || await db.TeamMembers.AnyAsync(m => teams.Contains(m.TeamId), cancellationToken)
            || await db.TeamActivities.AnyAsync(a => teams.Contains(a.TeamId), cancellationToken)
            || await db.AnnualPlans.AnyAsync(p => teams.Contains(p.TeamId), cancellationToken)
            || await db.People.AnyAsync(p => units.Contains(p.UnitId) && !movedPeople.Contains(p.Id), cancellationToken)
            || await db.Attachments.AnyAsync(a => units.Contains(a.UnitId), cancellationToken))
        {
            found.Add("tổ Công nghệ số cộng đồng của xã mới");
        }

        if (await db.Targets.AnyAsync(t => units.Contains(t.UnitId) && !targets.Contains(t.Id), cancellationToken))
        {
            found.Add("chỉ tiêu");
        }

        if (await db.QuarterlyReports.AnyAsync(r => units.Contains(r.UnitId) && !reports.Contains(r.Id), cancellationToken))
        {
            found.Add("báo cáo");
        }

        if (await db.Users.AnyAsync(u => units.Contains(u.UnitId) && !accounts.Contains(u.Id), cancellationToken))
        {
            found.Add("tài khoản");
        }

        return found.Count == 0 ? null
            : $"Đã có dữ liệu mới ghi vào các xã mới ({string.Join(", ", found)}): hoàn tác sẽ làm mất dữ liệu này nên không thực hiện.";
    }

    /// <summary>The tables that hold millions of rows at province scale: see <see cref="SuspendedIndexes"/>. Nothing after the
    /// move reads them in the same transaction, which would find no index on them.</summary>
    private static readonly Type[] BigTables = [typeof(Household), typeof(HouseholdVisit)];

    /// <summary>
    /// Every move of <paramref name="moves"/> (to the commune <paramref name="target"/> names): the village rows, then the
    /// ancestry of every scoped row they own (rows of every unit-scoped table, found from the model so that a new register
    /// moves too). Village rows change content (their parent), so their version moves by <paramref name="versionStep"/>;
    /// the owned rows keep theirs. On PostgreSQL, when the moves take most of the province, each big table is rewritten in
    /// one statement with its secondary indexes rebuilt (<see cref="SuspendedIndexes"/>); otherwise per move through the
    /// village index.
    /// </summary>
    internal static async Task MoveAllAsync(CnscdDbContext db, List<VillageMove> moves, Func<VillageMove, (int CommuneId, int? DistrictId)> target,
        int versionStep, List<Type> suspended, CancellationToken cancellationToken)
    {
        var villages = await db.Units.CountAsync(u => u.Level == UnitLevel.Village, cancellationToken);
        // When most villages move, one join per table re-derives every row's ancestry from its village (on SQLite the demo's
        // 195 moves × 16 tables took 2.5 s one statement at a time, 1.2 s this way); a few moves keep one statement each.
        var rederive = moves.Sum(m => m.VillageIds.Count) > SuspendedIndexes.RebuildAbove * villages;
        foreach (var move in moves)
        {
            var (communeId, districtId) = target(move);
            var ids = move.VillageIds;
            await db.Units.Where(u => ids.Contains(u.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.ParentId, communeId).SetProperty(u => u.CommuneId, communeId).SetProperty(u => u.DistrictId, districtId)
                .SetProperty(u => u.Version, u => u.Version + versionStep), cancellationToken);
        }

        foreach (var type in ScopedRowTypes(db))
        {
            if (rederive)
            {
                var rebuild = SuspendedIndexes.Applies(db) && BigTables.Contains(type);
                if (rebuild)
                {
                    await SuspendedIndexes.DropAsync(db, type, cancellationToken);
                    suspended.Add(type);
                }

                await (Task)RederiveMethod.MakeGenericMethod(type).Invoke(null, [db, cancellationToken])!;
                continue;
            }

            var moveAncestry = MoveAncestryMethod.MakeGenericMethod(type);
            foreach (var move in moves)
            {
                var (communeId, districtId) = target(move);
                await (Task)moveAncestry.Invoke(null, [db, move.VillageIds, communeId, districtId, cancellationToken])!;
            }
        }
    }

    private static readonly MethodInfo RederiveMethod =
        typeof(RestructuringApplier).GetMethod(nameof(RederiveAncestryAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// Every row of a village whose ancestry differs from the village's takes the village's: one UPDATE … FROM join of the
    /// table with the units (a correlated sub-select per row took half as long again on the 2.5 million visits).
    /// </summary>
    private static Task<int> RederiveAncestryAsync<T>(CnscdDbContext db, CancellationToken cancellationToken)
        where T : UnitScopedEntity =>
        db.Set<T>().Join(db.Units, r => r.VillageId, u => (int?)u.Id, (r, u) => new { Row = r, Village = u })
            .Where(x => x.Village.CommuneId != x.Row.CommuneId || x.Village.DistrictId != x.Row.DistrictId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Row.CommuneId, x => x.Village.CommuneId)
                .SetProperty(x => x.Row.DistrictId, x => x.Village.DistrictId), cancellationToken);

    private static readonly MethodInfo MoveAncestryMethod =
        typeof(RestructuringApplier).GetMethod(nameof(MoveAncestryAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static Task<int> MoveAncestryAsync<T>(CnscdDbContext db, List<int> villageIds, int communeId, int? districtId,
        CancellationToken cancellationToken)
        where T : UnitScopedEntity =>
        db.Set<T>().Where(r => r.VillageId != null && villageIds.Contains(r.VillageId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CommuneId, communeId).SetProperty(r => r.DistrictId, districtId), cancellationToken);

    /// <summary>Every table of rows owned by a unit (households, visits, teams, summaries …), from the model.</summary>
    internal static IEnumerable<Type> ScopedRowTypes(CnscdDbContext db) =>
        db.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => t.IsSubclassOf(typeof(UnitScopedEntity)) && !t.IsAbstract)
            .Where(t => db.Model.FindEntityType(t)!.BaseType is null).OrderBy(t => t.Name, StringComparer.Ordinal);

    /// <summary>
    /// An old commune's targets due on or after the date move to its successor; where several predecessors have one for
    /// the same indicator and date, the successor takes the highest (the others stay with their closed commune).
    /// </summary>
    private static async Task<List<MovedRow>> TargetsToMoveAsync(CnscdDbContext db, Dictionary<int, int> successorOf, DateOnly effectiveOn,
        CancellationToken cancellationToken)
    {
        var oldIds = successorOf.Keys.ToList();
        var targets = await db.Targets.AsNoTracking().Where(t => oldIds.Contains(t.UnitId) && t.DueDate >= effectiveOn)
            .Select(t => new { t.Id, t.UnitId, t.Indicator, t.DueDate, t.Percent, t.SetAtUtc }).ToListAsync(cancellationToken);
        return targets.GroupBy(t => (Successor: successorOf[t.UnitId], t.Indicator, t.DueDate))
            .Select(g => g.OrderByDescending(t => t.Percent).ThenByDescending(t => t.SetAtUtc).ThenBy(t => t.Id).First())
            .Select(t => new MovedRow(t.Id, t.UnitId, successorOf[t.UnitId])).OrderBy(t => t.Id).ToList();
    }

    /// <summary>An old commune's reports not yet approved, of quarters that end on or after the date (the check refuses collisions).</summary>
    private static async Task<List<MovedRow>> ReportsToMoveAsync(CnscdDbContext db, Dictionary<int, int> successorOf, DateOnly effectiveOn,
        CancellationToken cancellationToken)
    {
        var oldIds = successorOf.Keys.ToList();
        var reports = await db.QuarterlyReports.AsNoTracking().Where(r => oldIds.Contains(r.UnitId) && r.Status != ReportStatus.Approved)
            .Select(r => new { r.Id, r.UnitId, r.Year, r.Quarter }).ToListAsync(cancellationToken);
        return reports.Where(r => new ReportingPeriod(r.Year, r.Quarter).End >= effectiveOn)
            .Select(r => new MovedRow(r.Id, r.UnitId, successorOf[r.UnitId])).OrderBy(r => r.Id).ToList();
    }

    /// <summary>Moves the targets and reports to their new owner (forward) or back to the old one (<paramref name="direction"/> −1).</summary>
    private static async Task MoveOwnedRowsAsync(CnscdDbContext db, RestructuringChanges changes, int direction, CancellationToken cancellationToken)
    {
        var ancestry = await AncestryOfAsync(db, changes.MovedTargets.Concat(changes.MovedReports)
            .Select(r => direction > 0 ? r.NewUnitId : r.OldUnitId).Distinct().ToList(), cancellationToken);
        foreach (var row in changes.MovedTargets)
        {
            var (unit, district) = Owner(row);
            await db.Targets.Where(t => t.Id == row.Id).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.UnitId, unit).SetProperty(t => t.DistrictId, district).SetProperty(t => t.CommuneId, unit)
                .SetProperty(t => t.Version, t => t.Version + direction), cancellationToken);
        }

        foreach (var row in changes.MovedReports)
        {
            var (unit, district) = Owner(row);
            await db.QuarterlyReports.Where(r => r.Id == row.Id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.UnitId, unit).SetProperty(r => r.DistrictId, district).SetProperty(r => r.CommuneId, unit)
                .SetProperty(r => r.Version, r => r.Version + direction), cancellationToken);
            await db.QuarterlyReportSubmissions.Where(s => s.ReportId == row.Id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.UnitId, unit).SetProperty(r => r.DistrictId, district).SetProperty(r => r.CommuneId, unit), cancellationToken);
        }

        (int Unit, int? District) Owner(MovedRow row)
        {
            var unit = direction > 0 ? row.NewUnitId : row.OldUnitId;
            return (unit, ancestry[unit]);
        }
    }

    /// <summary>People to their new commune (forward) or back to the old one, ancestry from that commune, version ±1.</summary>
    private static async Task MovePeopleAsync(CnscdDbContext db, List<MovedRow> people, int direction, CancellationToken cancellationToken)
    {
        var ancestry = await AncestryOfAsync(db, people.Select(p => direction > 0 ? p.NewUnitId : p.OldUnitId).Distinct().ToList(), cancellationToken);
        foreach (var group in people.GroupBy(p => direction > 0 ? p.NewUnitId : p.OldUnitId))
        {
            var (unit, district) = (group.Key, ancestry[group.Key]);
            var ids = group.Select(p => p.Id).ToList();
            await db.People.Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.UnitId, unit).SetProperty(p => p.CommuneId, unit).SetProperty(p => p.DistrictId, district)
                .SetProperty(p => p.VillageId, (int?)null).SetProperty(p => p.Version, p => p.Version + direction), cancellationToken);
        }
    }

    private static async Task<Dictionary<int, int?>> AncestryOfAsync(CnscdDbContext db, List<int> communeIds, CancellationToken cancellationToken) =>
        communeIds.Count == 0 ? []
            : await db.Units.AsNoTracking().Where(u => communeIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DistrictId, cancellationToken);

    private static async Task<List<AccountBefore>> ChangeAccountsAsync(CnscdDbContext db, Dictionary<int, int> successorOf, List<int> villageIds,
        List<int> districtIds, CancellationToken cancellationToken)
    {
        var oldIds = successorOf.Keys.ToList();
        var users = await db.Users.Where(u => oldIds.Contains(u.UnitId) || villageIds.Contains(u.UnitId) || districtIds.Contains(u.UnitId))
            .OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var before = new List<AccountBefore>();
        foreach (var user in users)
        {
            // A district account that was already disabled is only re-checked: the list of disabled accounts names the
            // ones this apply disabled.
            var change = successorOf.ContainsKey(user.UnitId) ? AccountChange.Rescoped
                : districtIds.Contains(user.UnitId) && user.IsActive ? AccountChange.Disabled : AccountChange.Rechecked;
            before.Add(new AccountBefore(user.Id, user.Email, user.UnitId, user.IsActive, user.SecurityStamp, change));
            switch (change)
            {
                case AccountChange.Rescoped: user.UnitId = successorOf[user.UnitId]; break;
                case AccountChange.Disabled: user.IsActive = false; break;
            }

            user.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
        }

        await db.SaveChangesAsync(cancellationToken);
        return before;
    }

    /// <summary>"Phường …" is a ward; every other new unit of the 2025 map is a commune (xã).</summary>
    internal static UnitKind KindOf(string name) =>
        name.StartsWith("Phường ", StringComparison.Ordinal) ? UnitKind.Ward : UnitKind.Commune;
}

/// <summary>How far an apply has got, for a progress bar (and for tests that stop it halfway).</summary>
public enum RestructuringStep
{
    Checked = 1,
    UnitsOpened = 2,
    VillagesMoved = 3,
    UnitsClosed = 4,
    AccountsChanged = 5,
}
