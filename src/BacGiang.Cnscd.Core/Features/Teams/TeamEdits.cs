using BacGiang.Cnscd.Core.Features.Common.Results;
using BacGiang.Cnscd.Core.Time;
using System.Globalization;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Common.Import;
using BacGiang.Cnscd.Core.Features.Privacy;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Core.Text;
using Microsoft.EntityFrameworkCore;


namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>
/// The steps every team edit shares (the roster, the merge, governance, activities, the Excel import): validate a typed
/// person and find the same one already stored, open the team after the role check and the version check, and save with
/// rule R1 recomputed on the tracked roster, so each service edits a team the same way.
/// </summary>
internal static class TeamEdits
{
    /// <summary>A new, unsaved person after validation of what was typed; the errors are Vietnamese.</summary>
    internal static (Person Person, List<string> Errors) NewPerson(int unitId, string? fullName, int? birthYear, string? phone, string? zalo,
        DateOnly today)
    {
        var errors = new List<string>();
        var name = string.Join(' ', (fullName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (name.Length == 0)
        {
            errors.Add(TeamRosterService.NameMessage);
        }
        else if (name.Length > 150)
        {
            errors.Add("Họ tên quá dài (tối đa 150 ký tự).");
        }

        // One rule for every phone the portal stores (VietnamesePhone): the same number typed as 0…, 84… or +84… is one person.
        if (!VietnamesePhone.TryNormalise(phone, out var mobile))
        {
            errors.Add(TeamRosterService.PhoneMessage);
        }

        if (!VietnamesePhone.TryNormalise(zalo, out var zaloNumber))
        {
            errors.Add(TeamRosterService.ZaloFieldMessage);
        }

        if (birthYear is { } year && (year < 1920 || year > today.Year - 14))
        {
            errors.Add(TeamRosterService.BirthYearMessage);
        }

        var person = new Person { UnitId = unitId, FullName = name, FullNameSearch = VietnameseText.ToSearchKey(name), BirthYear = birthYear, Phone = mobile, Zalo = zaloNumber };
        return (person, errors);
    }

    /// <summary>The stored person who is the same as this one: same phone, or same name (diacritics ignored) and year of birth.</summary>
    internal static async Task<Person?> FindSamePersonAsync(CnscdDbContext db, Person person, CancellationToken cancellationToken)
    {
        if (person.Phone is { } phone)
        {
            var byPhone = await db.People.Where(p => p.Phone == phone).OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
            if (byPhone is not null)
            {
                return byPhone;
            }
        }

        return person.BirthYear is { } year
            ? await db.People.Where(p => p.FullNameSearch == person.FullNameSearch && p.BirthYear == year).OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken)
            : null;
    }

    /// <summary>Loads the team for an edit after the role check; a forged id or a stale version comes back as the failure.</summary>
    internal static async Task<(Team? Team, CommandResult<int>? Failure)> OpenTeamAsync(CnscdDbContext db, AccessRefusals refusals, int teamId, int expectedVersion,
        CancellationToken cancellationToken)
    {
        if (!TeamService.MayEditTeams(db.Actor))
        {
            await refusals.RefuseAsync<Team>(teamId, "role may not edit teams");
            return (null, CommandResult<int>.Refused(TeamService.RoleMessage));
        }

        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == teamId, cancellationToken);
        if (team is null)
        {
            await refusals.RefuseAsync<Team>(teamId, "team not in scope");
            return (null, CommandResult<int>.Refused(TeamService.NotFoundMessage));
        }

        if (team.Version != expectedVersion)
        {
            return (null, CommandResult<int>.Conflicted(new EditConflict(TeamService.ConflictMessage, team.Version)));
        }

        await LoadCurrentRosterAsync(db, team.Id, cancellationToken);
        return (team, null);
    }

    /// <summary>
    /// Marks the team changed (so its version moves even when the R1 result does not), stores today's R1 result of the
    /// tracked roster, and saves everything in one transaction; a concurrent save of the team is reported as a conflict.
    /// </summary>
    internal static async Task<CommandResult<int>> SaveAsync(CnscdDbContext db, Team team, CancellationToken cancellationToken)
    {
        RecomputeTracked(db, team, db.Clock.Today);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<int>.Conflicted(new EditConflict(TeamService.ConflictMessage, null));
        }

        return CommandResult<int>.Ok(team.Version);
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Tracks today's memberships of the team, so R1 is recomputed on what the edit changes.</summary>
    internal static async Task LoadCurrentRosterAsync(CnscdDbContext db, int teamId, CancellationToken cancellationToken)
    {
        var today = db.Clock.Today;
        await db.TeamMembers.Where(m => m.TeamId == teamId && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today)).LoadAsync(cancellationToken);
    }

    /// <summary>R1 on today's roster as tracked (the loaded memberships with the pending changes), and a forced version bump.</summary>
    internal static void RecomputeTracked(CnscdDbContext db, Team team, DateOnly today)
    {
        
        var holders = db.ChangeTracker.Entries<TeamMember>()
            .Where(e => e.State != EntityState.Deleted && e.Entity.TeamId == team.Id && e.Entity.IsActiveOn(today))
            .Select(e => new TeamCompositionRule.Holder(e.Entity.Position, e.Entity.Title));
        team.IsConstituted = TeamCompositionRule.IsConstituted(team.Level, holders);
        db.Entry(team).State = EntityState.Modified;
    }
}
