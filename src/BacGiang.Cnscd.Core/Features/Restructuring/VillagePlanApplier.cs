using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Dashboards;
using Microsoft.EntityFrameworkCore;
using static BacGiang.Cnscd.Core.Features.Restructuring.RestructuringChanges;
using static BacGiang.Cnscd.Core.Features.Restructuring.VillagePlanChanges;

namespace BacGiang.Cnscd.Core.Features.Restructuring;

/// <summary>
/// The writes of applying and undoing a checked village plan, inside the caller's transaction. A village holds a few
/// hundred households, so the moves are UPDATE statements per line of the plan; the summaries of every village concerned
/// take the difference of their households' figures (the current quarter's snapshot with them), as an edit would. A
/// merged village closes (ValidTo, SuccessorId) with its team and roster kept, its people and accounts go to the village
/// it merged into; a split opens the new village with its own team; a moved village takes every row in it along
/// (<see cref="RestructuringApplier.MoveAllAsync"/>, as the commune merger does). Everything overwritten is in the journal.
/// </summary>
internal static class VillagePlanApplier
{
    public static async Task<VillagePlanChanges> ApplyAsync(CnscdDbContext db, CheckedVillagePlan plan, IProgress<RestructuringStep>? progress,
        CancellationToken cancellationToken)
    {
        var changes = new VillagePlanChanges
        {
            LastHouseholdId = await db.Households.MaxAsync(h => (int?)h.Id, cancellationToken) ?? 0,
            LastVisitId = await db.HouseholdVisits.MaxAsync(v => (long?)v.Id, cancellationToken) ?? 0,
        };
        var dayBefore = plan.DayBefore;

        // 1. The villages a split opens, each with its village team.
        var opened = new Dictionary<int, AdministrativeUnit>();
        foreach (var item in plan.Items.Where(i => i.Action == VillageAction.Split))
        {
            var village = new AdministrativeUnit
            {
                Code = item.Row.TargetVillageCode, Name = item.Row.TargetVillageName, Level = UnitLevel.Village, Kind = KindOf(item.Row.TargetVillageName),
                ParentId = item.Commune.Id, ValidFrom = plan.EffectiveOn,
            };
            db.Units.Add(village);
            opened[item.Row.Row] = village;
        }

        await db.SaveChangesAsync(cancellationToken);
        var teams = opened.Values.Select(v => new Team { UnitId = v.Id, Name = "Tổ CNSCĐ " + v.Name, Level = UnitLevel.Village, CreatedAtUtc = db.Clock.UtcNow })
            .ToList();
        db.Teams.AddRange(teams);
        await db.SaveChangesAsync(cancellationToken);
        changes.OpenedVillageIds = opened.Values.Select(v => v.Id).ToList();
        changes.OpenedTeamIds = teams.Select(t => t.Id).ToList();
        progress?.Report(RestructuringStep.UnitsOpened);

        // 2. Moved villages take everything in them; merged and split households change village, their visits with them.
        changes.Moves = plan.Items.Where(i => i.Action == VillageAction.Move)
            .Select(i => new VillageMove(i.Village.ParentId!.Value, i.Village.DistrictId, i.Commune.Id, i.Commune.DistrictId, [i.Village.Id])).ToList();
        var suspended = new List<Type>();
        await RestructuringApplier.MoveAllAsync(db, changes.Moves, m => (m.NewCommuneId, m.NewDistrictId), +1, suspended, cancellationToken);

        var moved = plan.Items.Where(i => i.Action != VillageAction.Move).ToList();
        var versions = await VersionsAsync(db, moved.SelectMany(i => i.Households).ToList(), cancellationToken);
        foreach (var item in moved)
        {
            var to = item.Action == VillageAction.Merge ? item.Into!.Id : opened[item.Row.Row].Id;
            changes.Households.AddRange(item.Households.Select(h => new MovedHousehold(h, item.Village.Id, to, versions[h])));
        }

        await SummariesFollowAsync(db, changes, changes.Households.SelectMany(h => new[] { h.FromVillageId, h.ToVillageId }).Distinct().ToList(),
            () => MoveHouseholdsAsync(db, changes.Households, forward: true, cancellationToken), record: true, cancellationToken);
        progress?.Report(RestructuringStep.VillagesMoved);

        // 3. A merged village closes; its team closes with its roster, its people go to the village it merged into.
        foreach (var item in plan.Items.Where(i => i.Action == VillageAction.Merge))
        {
            var village = item.Village;
            var into = item.Into!;
            changes.Merged.Add(new MergedVillage(village.Id, into.Id, village.ValidTo, village.SuccessorId));
            await db.Units.Where(u => u.Id == village.Id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.ValidTo, dayBefore).SetProperty(u => u.SuccessorId, into.Id).SetProperty(u => u.Version, u => u.Version + 1),
                cancellationToken);
            changes.People.AddRange((await db.People.Where(p => p.UnitId == village.Id).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken))
                .Select(id => new MovedRow(id, village.Id, into.Id)));
        }

        await MovePeopleAsync(db, changes.People, forward: true, cancellationToken);
        var mergedIds = changes.Merged.Select(m => m.Id).ToList();
        changes.ClosedTeamIds = await db.Teams.Where(t => mergedIds.Contains(t.UnitId) && t.ClosedOn == null).OrderBy(t => t.Id).Select(t => t.Id)
            .ToListAsync(cancellationToken);
        var closedTeams = changes.ClosedTeamIds;
        await db.Teams.Where(t => closedTeams.Contains(t.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClosedOn, dayBefore).SetProperty(t => t.Version, t => t.Version + 1), cancellationToken);
        var current = db.TeamMembers.Where(m => closedTeams.Contains(m.TeamId) && m.StartDate <= dayBefore && (m.EndDate == null || m.EndDate > dayBefore));
        changes.EndedMemberships = await current.OrderBy(m => m.Id).Select(m => new EndedMembership(m.Id, m.EndDate)).ToListAsync(cancellationToken);
        await current.ExecuteUpdateAsync(s => s.SetProperty(m => m.EndDate, dayBefore).SetProperty(m => m.Version, m => m.Version + 1), cancellationToken);
        progress?.Report(RestructuringStep.UnitsClosed);

        // 4. Accounts: a merged village's go to the village it merged into; a moved village's sign in again (new ancestry).
        var successorOf = changes.Merged.ToDictionary(m => m.Id, m => m.IntoId);
        var movedVillages = changes.Moves.SelectMany(m => m.VillageIds).ToList();
        foreach (var user in await db.Users.Where(u => mergedIds.Contains(u.UnitId) || movedVillages.Contains(u.UnitId)).OrderBy(u => u.Email)
                     .ToListAsync(cancellationToken))
        {
            var rescoped = successorOf.TryGetValue(user.UnitId, out var into);
            changes.Accounts.Add(new AccountBefore(user.Id, user.Email, user.UnitId, user.IsActive, user.SecurityStamp,
                rescoped ? AccountChange.Rescoped : AccountChange.Rechecked));
            if (rescoped)
            {
                user.UnitId = into;
            }

            user.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
        }

        await db.SaveChangesAsync(cancellationToken);
        progress?.Report(RestructuringStep.AccountsChanged);
        await RestructuringApplier.RestoreIndexesAsync(db, suspended, cancellationToken);
        return changes;
    }

    /// <summary>Gives back the state before <paramref name="changes"/>, in the reverse order.</summary>
    public static async Task UndoAsync(CnscdDbContext db, VillagePlanChanges changes, CancellationToken cancellationToken)
    {
        var accounts = changes.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var accountIds = accounts.Keys.ToList();
        foreach (var user in await db.Users.Where(u => accountIds.Contains(u.Id)).ToListAsync(cancellationToken))
        {
            var before = accounts[user.Id];
            (user.UnitId, user.IsActive, user.SecurityStamp) = (before.UnitId, before.IsActive, before.SecurityStamp);
        }

        await db.SaveChangesAsync(cancellationToken);
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
        await MovePeopleAsync(db, changes.People, forward: false, cancellationToken);
        foreach (var merged in changes.Merged)
        {
            await db.Units.Where(u => u.Id == merged.Id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.ValidTo, merged.ValidTo).SetProperty(u => u.SuccessorId, merged.SuccessorId).SetProperty(u => u.Version, u => u.Version - 1),
                cancellationToken);
        }

        var opened = changes.OpenedVillageIds;
        var back = changes.Households.SelectMany(h => new[] { h.FromVillageId, h.ToVillageId }).Distinct().Except(opened).ToList();
        await SummariesFollowAsync(db, changes, back, () => MoveHouseholdsAsync(db, changes.Households, forward: false, cancellationToken), record: false,
            cancellationToken);
        var created = changes.CreatedSummaries;
        await db.VillageSummaries.Where(s => created.Contains(s.UnitId) || opened.Contains(s.UnitId)).ExecuteDeleteAsync(cancellationToken);
        await db.VillageQuarterSummaries.Where(s => opened.Contains(s.UnitId)).ExecuteDeleteAsync(cancellationToken);
        foreach (var snapshot in changes.CreatedSnapshots)
        {
            await db.VillageQuarterSummaries.Where(s => s.UnitId == snapshot.VillageId && s.Year == snapshot.Year && s.Quarter == snapshot.Quarter)
                .ExecuteDeleteAsync(cancellationToken);
        }

        var suspended = new List<Type>();
        await RestructuringApplier.MoveAllAsync(db, changes.Moves, m => (m.OldCommuneId, m.OldDistrictId), -1, suspended, cancellationToken);
        var openedTeams = changes.OpenedTeamIds;
        await db.Teams.Where(t => openedTeams.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.Units.Where(u => opened.Contains(u.Id)).ExecuteDeleteAsync(cancellationToken);
        await RestructuringApplier.RestoreIndexesAsync(db, suspended, cancellationToken);
    }

    /// <summary>Why an applied village plan can no longer be undone (something written since into a village it changed); null when nothing was.</summary>
    public static async Task<string?> NewDataAsync(CnscdDbContext db, VillagePlanChanges changes, CancellationToken cancellationToken)
    {
        var villages = changes.AffectedVillages.ToList();
        var households = changes.Households.ToDictionary(h => h.Id);
        var householdIds = households.Keys.ToList();
        var found = new List<string>();
        if (await db.Households.AnyAsync(h => h.Id > changes.LastHouseholdId && villages.Contains(h.UnitId), cancellationToken)
            || (await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).Select(h => new { h.Id, h.Version }).ToListAsync(cancellationToken))
                .Any(h => h.Version != households[h.Id].Version + 1))
        {
            found.Add("hộ gia đình");
        }

        if (await db.HouseholdVisits.AnyAsync(v => v.Id > changes.LastVisitId && (villages.Contains(v.UnitId) || householdIds.Contains(v.HouseholdId)),
                cancellationToken))
        {
            found.Add("lượt thăm hộ");
        }

        var teams = changes.OpenedTeamIds;
        var opened = changes.OpenedVillageIds;
        if (await db.Teams.AnyAsync(t => teams.Contains(t.Id) && t.Version != 0, cancellationToken)
            || await db.TeamMembers.AnyAsync(m => teams.Contains(m.TeamId), cancellationToken)
            || await db.TeamActivities.AnyAsync(a => teams.Contains(a.TeamId), cancellationToken)
            || await db.AnnualPlans.AnyAsync(p => teams.Contains(p.TeamId), cancellationToken)
            || await db.People.AnyAsync(p => opened.Contains(p.UnitId), cancellationToken)
            || await db.Attachments.AnyAsync(a => opened.Contains(a.UnitId), cancellationToken))
        {
            found.Add("tổ Công nghệ số cộng đồng của thôn mới");
        }

        // An account moved by the plan goes back with undo; one opened in a new village since would lose its unit.
        if (await db.Users.AnyAsync(u => opened.Contains(u.UnitId), cancellationToken))
        {
            found.Add("tài khoản");
        }

        return found.Count == 0 ? null
            : $"Đã có dữ liệu mới ghi vào các thôn đã sắp xếp ({string.Join(", ", found)}): hoàn tác sẽ làm mất dữ liệu này nên không thực hiện.";
    }

    /// <summary>
    /// Runs <paramref name="move"/> and gives each village of <paramref name="villages"/> the difference of its households'
    /// figures, in its summary and its snapshot of the current quarter (as the summary interceptor does for an edit; the
    /// bulk UPDATEs do not pass through it). On apply (<paramref name="record"/>), notes the summary rows and snapshots
    /// that did not exist yet, so that undo removes them.
    /// </summary>
    private static async Task SummariesFollowAsync(CnscdDbContext db, VillagePlanChanges changes, List<int> villages, Func<Task> move, bool record,
        CancellationToken cancellationToken)
    {
        var (year, quarter) = SummaryMaintenance.QuarterOf(db.Clock.UtcNow);
        if (record)
        {
            var withSummary = await db.VillageSummaries.Where(s => villages.Contains(s.UnitId)).Select(s => s.UnitId).ToListAsync(cancellationToken);
            var withSnapshot = await db.VillageQuarterSummaries.Where(s => villages.Contains(s.UnitId) && s.Year == year && s.Quarter == quarter)
                .Select(s => s.UnitId).ToListAsync(cancellationToken);
            var opened = changes.OpenedVillageIds;
            changes.CreatedSummaries = villages.Except(withSummary).Except(opened).Order().ToList();
            changes.CreatedSnapshots = villages.Except(withSnapshot).Except(opened).Order().Select(v => new Snapshot(v, year, quarter)).ToList();
        }

        var before = new Dictionary<int, HouseholdCounts>();
        foreach (var village in villages)
        {
            before[village] = (await SummaryMaintenance.CountFromHouseholdsAsync(db, village, cancellationToken)).GetValueOrDefault(village) ?? new HouseholdCounts();
        }

        await move();
        foreach (var village in villages)
        {
            var after = (await SummaryMaintenance.CountFromHouseholdsAsync(db, village, cancellationToken)).GetValueOrDefault(village) ?? new HouseholdCounts();
            var delta = new HouseholdCounts().Add(after).Add(before[village], -1);
            if (!delta.IsZero)
            {
                await SummaryMaintenance.ApplyDeltaAsync(db, village, delta, year, quarter, cancellationToken);
            }
        }
    }

    /// <summary>Households to their new village (or back), with their visits; ancestry from the village they go to.</summary>
    private static async Task MoveHouseholdsAsync(CnscdDbContext db, List<MovedHousehold> households, bool forward, CancellationToken cancellationToken)
    {
        var step = forward ? +1 : -1;
        foreach (var group in households.GroupBy(h => (From: h.FromVillageId, To: h.ToVillageId)))
        {
            var villageId = forward ? group.Key.To : group.Key.From;
            var village = await db.Units.AsNoTracking().Where(u => u.Id == villageId).Select(u => new { u.DistrictId, u.CommuneId }).SingleAsync(cancellationToken);
            var ids = group.Select(h => h.Id).ToList();
            await db.Households.Where(h => ids.Contains(h.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(h => h.UnitId, villageId).SetProperty(h => h.VillageId, villageId)
                .SetProperty(h => h.CommuneId, village.CommuneId).SetProperty(h => h.DistrictId, village.DistrictId)
                .SetProperty(h => h.Version, h => h.Version + step), cancellationToken);
            await db.HouseholdVisits.Where(v => ids.Contains(v.HouseholdId)).ExecuteUpdateAsync(s => s
                .SetProperty(v => v.UnitId, villageId).SetProperty(v => v.VillageId, villageId)
                .SetProperty(v => v.CommuneId, village.CommuneId).SetProperty(v => v.DistrictId, village.DistrictId), cancellationToken);
        }
    }

    private static async Task MovePeopleAsync(CnscdDbContext db, List<MovedRow> people, bool forward, CancellationToken cancellationToken)
    {
        var step = forward ? +1 : -1;
        foreach (var group in people.GroupBy(p => forward ? p.NewUnitId : p.OldUnitId))
        {
            var villageId = group.Key;
            var village = await db.Units.AsNoTracking().Where(u => u.Id == villageId).Select(u => new { u.DistrictId, u.CommuneId }).SingleAsync(cancellationToken);
            var ids = group.Select(p => p.Id).ToList();
            await db.People.Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.UnitId, villageId).SetProperty(p => p.VillageId, villageId)
                .SetProperty(p => p.CommuneId, village.CommuneId).SetProperty(p => p.DistrictId, village.DistrictId)
                .SetProperty(p => p.Version, p => p.Version + step), cancellationToken);
        }
    }

    private static async Task<Dictionary<int, int>> VersionsAsync(CnscdDbContext db, List<int> households, CancellationToken cancellationToken) =>
        households.Count == 0 ? []
            : await db.Households.AsNoTracking().Where(h => households.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Version, cancellationToken);

    /// <summary>"Tổ dân phố …" is a residential group of a ward; every other new village is a thôn.</summary>
    private static UnitKind KindOf(string name) =>
        name.StartsWith("Tổ dân phố", StringComparison.OrdinalIgnoreCase) ? UnitKind.ResidentialGroup : UnitKind.Village;
}
