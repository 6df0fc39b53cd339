using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Teams;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.IntegrationTests.Teams;

public abstract class TeamActivityServiceTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(VietnamClock.ToVietnam(DateTime.UtcNow));

    private TeamActivityService ActivitiesFor(Actor actor) => CoreServices.Create<TeamActivityService>(new ActorContextFactory(Database, actor));

    private TeamService TeamsFor(Actor actor, int inactiveAfterDays = 90) =>
        CoreServices.Create<TeamService>(new ActorContextFactory(Database, actor), Options.Create(new TeamOptions { InactiveAfterDays = inactiveAfterDays }));

    private async Task<Team> TeamAsync(AdministrativeUnit unit)
    {
        await using var db = Database.CreateSystemContext();
        return await db.Teams.AsNoTracking().SingleAsync(t => t.UnitId == unit.Id);
    }

    private static ActivityInput Outreach(DateOnly date, string title = "Tuyên truyền VNeID tại nhà văn hóa") =>
        new(ActivityKind.Outreach, date, title, DigitalSkills.OnlinePublicServices | DigitalSkills.OnlineSafety, "Nhà văn hóa thôn", 85, 6);

    [Fact]
    public async Task Log_MovesTheLastActivityForward_NeverBack_AndClearsTheInactiveFlag()
    {
        var actor = MiniProvince.ActorFor(Mini.V11);
        var activities = ActivitiesFor(actor);
        var team = await TeamAsync(Mini.V11);
        await using (var db = Database.CreateSystemContext())
        {
            (await db.Teams.SingleAsync(t => t.Id == team.Id)).CreatedAtUtc = DateTime.UtcNow.AddDays(-200);
            await db.SaveChangesAsync();
        }

        Assert.True((await TeamsFor(actor).GetTeamAsync(Mini.V11.Id))!.IsInactive);

        Assert.True((await activities.LogAsync(team.Id, Outreach(Today.AddDays(-3)))).Succeeded);
        var training = new ActivityInput(ActivityKind.Training, Today.AddDays(-40), "Tập huấn kỹ năng số cho thành viên", DigitalSkills.All, null, 12, 12);
        Assert.True((await activities.LogAsync(team.Id, training)).Succeeded);

        var detail = (await TeamsFor(actor).GetTeamAsync(Mini.V11.Id))!;
        Assert.Equal(Today.AddDays(-3), detail.LastActivityOn);
        Assert.False(detail.IsInactive);
        // The threshold is the setting Teams:InactiveAfterDays.
        Assert.True((await TeamsFor(actor, inactiveAfterDays: 2).GetTeamAsync(Mini.V11.Id))!.IsInactive);

        var list = await activities.ListAsync(team.Id, new PageRequest(0, 1));
        Assert.Equal(2, list.TotalCount);
        var newest = Assert.Single(list.Items);
        Assert.Equal(("Tuyên truyền", 85, 6), (newest.KindLabel, newest.ParticipantCount, newest.MembersPresent));
        Assert.Equal("Sử dụng dịch vụ công trực tuyến, Tự bảo vệ mình trên không gian mạng", newest.TopicsLabel);
        Assert.Equal("Tập huấn", (await activities.ListAsync(team.Id, new PageRequest(1, 1))).Items.Single().KindLabel);
    }

    [Fact]
    public async Task Log_BadInput_OrADistrictOfficer_SavesNothing()
    {
        var team = await TeamAsync(Mini.C1);
        var bad = await ActivitiesFor(MiniProvince.ActorFor(Mini.C1)).LogAsync(team.Id,
            new ActivityInput(ActivityKind.Outreach, Today.AddDays(1), " ", DigitalSkills.None, null, -1, -2));
        var district = await ActivitiesFor(MiniProvince.ActorFor(Mini.D1)).LogAsync(team.Id, Outreach(Today));

        Assert.Equal([TeamActivityService.DateMessage, TeamActivityService.TitleMessage, TeamActivityService.CountMessage, TeamActivityService.MembersMessage],
            bad.Errors);
        Assert.Equal([TeamService.RoleMessage], district.Errors);
        await using var db = Database.CreateSystemContext();
        Assert.False(await db.TeamActivities.AnyAsync());
        Assert.Null((await db.Teams.SingleAsync(t => t.Id == team.Id)).LastActivityOn);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.EntityType == nameof(Team)));
    }
}

public sealed class SqliteTeamActivityServiceTests() : TeamActivityServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlTeamActivityServiceTests() : TeamActivityServiceTests(DatabaseProvider.PostgreSql);
