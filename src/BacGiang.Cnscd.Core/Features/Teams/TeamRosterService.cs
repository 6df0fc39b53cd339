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
/// Roster editing (§1.1): add a member, change a position, end a membership, move a member to another
/// team, set a member's task (§2.11). Memberships are never deleted: a change ends one membership the day
/// before and starts another, so "who held which position on date D" stays answerable. Every edit carries
/// the team's <see cref="Team.Version"/> as loaded (a save in between is a conflict, nothing is written),
/// recomputes <see cref="Team.IsConstituted"/> and bumps the version in the same transaction.
/// </summary>
public sealed class TeamRosterService(IDbContextFactory<CnscdDbContext> contextFactory, AccessRefusals refusals, VietnamClock clock)
{
    public const string MembershipNotFoundMessage = "Không tìm thấy thành viên, hoặc thành viên không thuộc phạm vi của tài khoản.";

    public const string NameMessage = "Chưa nhập họ tên.";

    public const string PhoneMessage = VietnamesePhone.Message;

    public const string ZaloFieldMessage = "Số Zalo không hợp lệ: " + VietnamesePhone.Rule + ".";

    public const string BirthYearMessage = "Năm sinh không hợp lệ.";

    public const string TitleMessage = "Chức vụ không phù hợp với cấp của tổ.";

    public const string AlreadyOnTeamMessage = "Người này đang là thành viên của tổ.";

    public const string EndDateMessage = "Ngày thôi tham gia không được trước ngày bắt đầu.";

    public const string AlreadyEndedMessage = "Thành viên này đã thôi tham gia tổ.";

    public const string SameTeamMessage = "Hãy chọn một tổ khác với tổ hiện tại.";

    public const string DateMessage = "Ngày hiệu lực không được trước ngày bắt đầu của thành viên.";

    public const string TaskTooLongMessage = "Nội dung phân công quá dài (tối đa 2000 ký tự).";

    /// <summary>Adds a member (a new person, or an existing one of the scope) to the team from <see cref="MemberInput.StartDate"/>.</summary>
    public async Task<CommandResult<int>> AddMemberAsync(int teamId, MemberInput input, int expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (team, failure) = await TeamEdits.OpenTeamAsync(db, refusals, teamId, expectedVersion, cancellationToken);
        if (team is null)
        {
            return failure!;
        }

        var errors = ValidateAssignment(team.Level, input.Title);
        Person? person;
        if (input.ExistingPersonId is { } personId)
        {
            person = await db.People.FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
            if (person is null)
            {
                await refusals.RefuseAsync<Person>(personId, "person not in scope");
                return CommandResult<int>.Refused(MembershipNotFoundMessage);
            }
        }
        else
        {
            var (candidate, personErrors) = TeamEdits.NewPerson(team.UnitId, input.FullName, input.BirthYear, input.Phone, input.Zalo, clock.Today);
            errors.AddRange(personErrors);
            person = candidate;
        }

        if (errors.Count > 0)
        {
            return CommandResult<int>.Invalid([.. errors]);
        }

        if (person!.Id == 0)
        {
            // The same phone already belongs to someone of the scope: that is the same person, not a new row.
            var known = await TeamEdits.FindSamePersonAsync(db, person, cancellationToken);
            if (known is not null)
            {
                person = known;
            }
        }

        if (person.Id != 0 && await db.TeamMembers.AnyAsync(m => m.TeamId == team.Id && m.PersonId == person.Id
                && (m.EndDate == null || m.EndDate >= input.StartDate), cancellationToken))
        {
            return CommandResult<int>.Invalid(AlreadyOnTeamMessage);
        }

        if (input.TaskAssignment is { Length: > 2000 })
        {
            return CommandResult<int>.Invalid(TaskTooLongMessage);
        }

        db.TeamMembers.Add(new TeamMember
        {
            UnitId = team.UnitId, TeamId = team.Id, Person = person, Position = input.Position, Title = input.Title, Affiliation = input.Affiliation,
            StartDate = input.StartDate, TaskAssignment = TeamEdits.Clean(input.TaskAssignment),
        });
        return await TeamEdits.SaveAsync(db, team, cancellationToken);
    }

    /// <summary>
    /// Gives a member another position (and office) from <paramref name="effectiveOn"/>: the old membership ends the
    /// day before and a new one starts, so the history keeps both. A membership that starts on that very day is changed in place.
    /// </summary>
    public async Task<CommandResult<int>> ChangePositionAsync(int membershipId, TeamPosition position, OfficialTitle title, DateOnly effectiveOn,
        int expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (member, team, failure) = await OpenMembershipAsync(db, membershipId, expectedVersion, cancellationToken);
        if (member is null || team is null)
        {
            return failure!;
        }

        var errors = ValidateAssignment(team.Level, title);
        if (effectiveOn < member.StartDate)
        {
            errors.Add(DateMessage);
        }

        if (errors.Count > 0)
        {
            return CommandResult<int>.Invalid([.. errors]);
        }

        if (effectiveOn == member.StartDate)
        {
            member.Position = position;
            member.Title = title;
        }
        else
        {
            member.EndDate = effectiveOn.AddDays(-1);
            db.TeamMembers.Add(Successor(member, team, position, title, effectiveOn));
        }

        return await TeamEdits.SaveAsync(db, team, cancellationToken);
    }

    /// <summary>Ends a membership: <paramref name="lastDay"/> is the member's last day on the team. Nothing is deleted.</summary>
    public async Task<CommandResult<int>> EndMembershipAsync(int membershipId, DateOnly lastDay, int expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (member, team, failure) = await OpenMembershipAsync(db, membershipId, expectedVersion, cancellationToken);
        if (member is null || team is null)
        {
            return failure!;
        }

        if (lastDay < member.StartDate)
        {
            return CommandResult<int>.Invalid(EndDateMessage);
        }

        member.EndDate = lastDay;
        return await TeamEdits.SaveAsync(db, team, cancellationToken);
    }

    /// <summary>
    /// Moves a member to another team of the scope from <paramref name="effectiveOn"/>: the membership here ends the day
    /// before, one on the other team starts that day; both teams' R1 results and versions change in one transaction.
    /// </summary>
    public async Task<CommandResult<int>> MoveMemberAsync(int membershipId, int targetTeamId, TeamPosition position, OfficialTitle title,
        DateOnly effectiveOn, int expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (member, team, failure) = await OpenMembershipAsync(db, membershipId, expectedVersion, cancellationToken);
        if (member is null || team is null)
        {
            return failure!;
        }

        if (targetTeamId == team.Id)
        {
            return CommandResult<int>.Invalid(SameTeamMessage);
        }

        var target = await db.Teams.FirstOrDefaultAsync(t => t.Id == targetTeamId, cancellationToken);
        if (target is null)
        {
            await refusals.RefuseAsync<Team>(targetTeamId, "move target not in scope");
            return CommandResult<int>.Refused(TeamService.NotFoundMessage);
        }

        var errors = ValidateAssignment(target.Level, title);
        if (effectiveOn <= member.StartDate)
        {
            errors.Add(DateMessage);
        }

        if (await db.TeamMembers.AnyAsync(m => m.TeamId == target.Id && m.PersonId == member.PersonId
                && (m.EndDate == null || m.EndDate >= effectiveOn), cancellationToken))
        {
            errors.Add(AlreadyOnTeamMessage);
        }

        if (errors.Count > 0)
        {
            return CommandResult<int>.Invalid([.. errors]);
        }

        await TeamEdits.LoadCurrentRosterAsync(db, target.Id, cancellationToken);
        member.EndDate = effectiveOn.AddDays(-1);
        var moved = Successor(member, target, position, title, effectiveOn);
        // The task belonged to the old team's villages or households; the new team assigns its own.
        moved.TaskAssignment = null;
        db.TeamMembers.Add(moved);
        TeamEdits.RecomputeTracked(db, target, clock.Today);
        return await TeamEdits.SaveAsync(db, team, cancellationToken);
    }

    /// <summary>Sets or clears a member's task assignment (§2.11, R5): duties and the villages or households covered.</summary>
    public async Task<CommandResult<int>> SetTaskAsync(int membershipId, string? task, int expectedVersion, CancellationToken cancellationToken = default)
    {
        if (task is { Length: > 2000 })
        {
            return CommandResult<int>.Invalid(TaskTooLongMessage);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (member, team, failure) = await OpenMembershipAsync(db, membershipId, expectedVersion, cancellationToken);
        if (member is null || team is null)
        {
            return failure!;
        }

        member.TaskAssignment = TeamEdits.Clean(task);
        return await TeamEdits.SaveAsync(db, team, cancellationToken);
    }

    /// <summary>People of the reader's scope whose name matches (diacritics ignored), for "add an existing person"; at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<PersonOption>> FindPeopleAsync(string? search, int max = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var key = VietnameseText.ToSearchKey(search);
        if (key.Length < 2)
        {
            return [];
        }

        var people = await db.People.AsNoTracking().Where(p => p.FullNameSearch.Contains(key))
            .OrderBy(p => p.FullNameSearch).ThenBy(p => p.Id).Take(Math.Clamp(max, 1, 50)).ToListAsync(cancellationToken);
        return people.Select(p => new PersonOption(p.Id, p.FullName, p.BirthYear, PersonalDataPolicy.Phone(db.Actor, p, p.Phone))).ToList();
    }

    /// <summary>Whether an office may be held on a team of this level (commune offices on commune teams, village offices on village teams).</summary>
    public static bool TitleFitsLevel(UnitLevel level, OfficialTitle title) => title switch
    {
        OfficialTitle.None => true,
        OfficialTitle.CommuneChair or OfficialTitle.CommunePoliceChief or OfficialTitle.CommuneYouthUnionSecretary => level == UnitLevel.Commune,
        _ => level == UnitLevel.Village,
    };

    private static List<string> ValidateAssignment(UnitLevel level, OfficialTitle title) =>
        TitleFitsLevel(level, title) ? [] : [TitleMessage];

    private static TeamMember Successor(TeamMember member, Team team, TeamPosition position, OfficialTitle title, DateOnly start) => new()
    {
        UnitId = team.UnitId, TeamId = team.Id, PersonId = member.PersonId, Position = position, Title = title, Affiliation = member.Affiliation,
        StartDate = start, TaskAssignment = member.TaskAssignment,
    };

    private async Task<(TeamMember? Member, Team? Team, CommandResult<int>? Failure)> OpenMembershipAsync(CnscdDbContext db, int membershipId,
        int expectedVersion, CancellationToken cancellationToken)
    {
        var teamId = await db.TeamMembers.Where(m => m.Id == membershipId).Select(m => (int?)m.TeamId).FirstOrDefaultAsync(cancellationToken);
        if (teamId is null)
        {
            await refusals.RefuseAsync<TeamMember>(membershipId, "membership not in scope");
            return (null, null, CommandResult<int>.Refused(MembershipNotFoundMessage));
        }

        var (team, failure) = await TeamEdits.OpenTeamAsync(db, refusals, teamId.Value, expectedVersion, cancellationToken);
        if (team is null)
        {
            return (null, null, failure);
        }

        var member = await db.TeamMembers.FirstAsync(m => m.Id == membershipId, cancellationToken);
        if (member.EndDate is not null && member.EndDate < clock.Today)
        {
            return (null, null, CommandResult<int>.Invalid(AlreadyEndedMessage));
        }

        return (member, team, null);
    }
}
