using BacGiang.Cnscd.Core.Features.Common.Results;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>
/// Trainings and outreach events of a team (§1.2, §1.3, rule R2). Logging one moves
/// <see cref="Team.LastActivityOn"/> forward (never back), which is what the inactivity flag reads.
/// </summary>
public sealed class TeamActivityService(IDbContextFactory<CnscdDbContext> contextFactory, AccessRefusals refusals, VietnamClock clock)
{
    public const string DateMessage = "Ngày hoạt động không hợp lệ (không được ở tương lai hoặc trước năm 2020).";

    public const string TitleMessage = "Chưa nhập nội dung hoạt động.";

    public const string CountMessage = "Số người tham dự hoặc được tuyên truyền không hợp lệ.";

    public const string MembersMessage = "Số thành viên tổ tham gia không hợp lệ.";

    /// <summary>Records an activity of the team; the team's last-activity date follows if it is later.</summary>
    public async Task<CommandResult<int>> LogAsync(int teamId, ActivityInput input, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        if (input.Date > clock.Today || input.Date.Year < 2020)
        {
            errors.Add(DateMessage);
        }

        var title = TeamEdits.Clean(input.Title);
        if (title is null || title.Length > 300)
        {
            errors.Add(TitleMessage);
        }

        if (input.ParticipantCount is < 0 or > 100_000)
        {
            errors.Add(CountMessage);
        }

        if (input.MembersPresent is < 0 or > 500)
        {
            errors.Add(MembersMessage);
        }

        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add("Loại hoạt động không hợp lệ.");
        }

        if (errors.Count > 0)
        {
            return CommandResult<int>.Invalid([.. errors]);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!TeamService.MayEditTeams(db.Actor))
        {
            await refusals.RefuseAsync<Team>(teamId, "role may not edit teams");
            return CommandResult<int>.Refused(TeamService.RoleMessage);
        }

        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == teamId, cancellationToken);
        if (team is null)
        {
            await refusals.RefuseAsync<Team>(teamId, "team not in scope");
            return CommandResult<int>.Refused(TeamService.NotFoundMessage);
        }

        db.TeamActivities.Add(new TeamActivity
        {
            UnitId = team.UnitId, TeamId = team.Id, Kind = input.Kind, Date = input.Date, Title = title!, Topics = input.Topics & DigitalSkills.All,
            Place = TeamEdits.Clean(input.Place), ParticipantCount = input.ParticipantCount, MembersPresent = input.MembersPresent,
        });
        if (team.LastActivityOn is null || team.LastActivityOn < input.Date)
        {
            // Only a later date changes the team row (and its version): logging an old training leaves open forms alone.
            team.LastActivityOn = input.Date;
        }

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

    /// <summary>One page of the team's activities, newest first; empty when the team is not in the reader's scope.</summary>
    public async Task<PagedResult<ActivityRow>> ListAsync(int teamId, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var activities = db.TeamActivities.AsNoTracking().Where(a => a.TeamId == teamId);
        var total = await activities.CountAsync(cancellationToken);
        var items = await activities.OrderByDescending(a => a.Date).ThenByDescending(a => a.Id).Skip(page.Skip).Take(page.Take)
            .Select(a => new ActivityRow(a.Id, a.Date, a.Kind, a.Title, a.Topics, a.Place, a.ParticipantCount, a.MembersPresent))
            .ToListAsync(cancellationToken);
        return new PagedResult<ActivityRow>(items, total);
    }
}
