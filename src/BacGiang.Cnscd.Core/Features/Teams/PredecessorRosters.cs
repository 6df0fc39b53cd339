using BacGiang.Cnscd.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>
/// The last rosters of the teams of the units a unit took over in a restructuring (issue 12): a new commune's officer
/// builds its team from the closed communes' teams, which lie outside its scope (their rows keep the closed units'
/// ancestry). The one crossing for that (docs/security.md, "Crossings"): it reads only the memberships that ended the
/// day their team closed — the roster handed over — of the units whose <c>SuccessorId</c> is this unit, and is called
/// only after the merge tool has checked that the actor may edit this unit's team.
/// </summary>
internal static class PredecessorRosters
{
    public static async Task<IReadOnlyList<MergeEntry>> LastRostersAsync(CnscdDbContext db, int unitId, CancellationToken cancellationToken)
    {
        var predecessors = await UnitTree.Everywhere(db).Where(u => u.SuccessorId == unitId).Select(u => u.Id).ToListAsync(cancellationToken);
        if (predecessors.Count == 0)
        {
            return [];
        }

#pragma warning disable RS0030 // A successor takes over its predecessors' team rosters: read across scopes, ended memberships of closed teams only.
        var members = await db.TeamMembers.IgnoreQueryFilters().AsNoTracking()
            .Where(m => predecessors.Contains(m.Team!.UnitId) && m.Team.ClosedOn != null && m.EndDate == m.Team.ClosedOn)
            .OrderByDescending(m => m.Position).ThenBy(m => m.Person!.FullNameSearch).ThenBy(m => m.Id)
            .Select(m => new { m.PersonId, m.Person!.FullName, m.Person.BirthYear, m.Person.Phone, m.Affiliation, m.Title, m.Position })
            .ToListAsync(cancellationToken);
#pragma warning restore RS0030
        return members.DistinctBy(m => m.PersonId)
            .Select(m => new MergeEntry(m.FullName, m.BirthYear, m.Phone, m.Affiliation, m.Title, m.Position)).ToList();
    }
}
