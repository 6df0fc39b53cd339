using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Teams;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.IntegrationTests.Teams;

public abstract class TeamRosterServiceTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(VietnamClock.ToVietnam(DateTime.UtcNow));

    private TeamRosterService RosterFor(Actor actor) => CoreServices.Create<TeamRosterService>(new ActorContextFactory(Database, actor));

    private TeamService TeamsFor(Actor actor) =>
        CoreServices.Create<TeamService>(new ActorContextFactory(Database, actor), Options.Create(new TeamOptions()));

    private async Task<Team> TeamAsync(AdministrativeUnit unit)
    {
        await using var db = Database.CreateSystemContext();
        return await db.Teams.AsNoTracking().SingleAsync(t => t.UnitId == unit.Id);
    }

    private static MemberInput Member(string name, TeamPosition position, OfficialTitle title, DateOnly start, string? phone = null) =>
        new(name, 1980, phone, null, position, title, Affiliation.Official, start);

    /// <summary>Adds the three R1 holders of a commune team, starting on <paramref name="start"/>; returns the version after.</summary>
    private async Task<int> ConstituteAsync(TeamRosterService roster, AdministrativeUnit commune, DateOnly start)
    {
        var team = await TeamAsync(commune);
        var version = team.Version;
        foreach (var (name, position, title, phone) in new[]
        {
            ("Nguyễn Văn Chủ", TeamPosition.Leader, OfficialTitle.CommuneChair, "0911000001"),
            ("Trần Văn Công", TeamPosition.Deputy, OfficialTitle.CommunePoliceChief, "0911000002"),
            ("Lê Thị Đoàn", TeamPosition.Deputy, OfficialTitle.CommuneYouthUnionSecretary, "0911000003"),
        })
        {
            var result = await roster.AddMemberAsync(team.Id, Member(name, position, title, start, phone), version);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            version = result.Value;
        }

        return version;
    }

    [Fact]
    public async Task AddMember_ThreeR1Holders_ConstituteTheTeam_AndBumpTheVersionEachTime()
    {
        var roster = RosterFor(MiniProvince.ActorFor(Mini.C1));
        var before = await TeamAsync(Mini.C1);

        var version = await ConstituteAsync(roster, Mini.C1, new DateOnly(2025, 1, 1));

        var after = await TeamAsync(Mini.C1);
        Assert.True(after.IsConstituted);
        Assert.Equal(before.Version + 3, version);
        Assert.Equal(version, after.Version);
        var detail = (await TeamsFor(MiniProvince.ActorFor(Mini.C1)).GetTeamAsync(Mini.C1.Id))!;
        Assert.Equal("Đã kiện toàn", detail.Status);
        Assert.Equal(["Nguyễn Văn Chủ", "Lê Thị Đoàn", "Trần Văn Công"], detail.Members.Select(m => m.FullName));
    }

    [Fact]
    public async Task AddMember_RejectsBadInput_WithVietnameseMessages_AndSavesNothing()
    {
        var roster = RosterFor(MiniProvince.ActorFor(Mini.C1));
        var team = await TeamAsync(Mini.C1);

        var bad = await roster.AddMemberAsync(team.Id,
            new MemberInput("  ", 1700, "12345", "abc", TeamPosition.Deputy, OfficialTitle.VillagePoliceOfficer, Affiliation.Police, Today), team.Version);

        Assert.False(bad.Succeeded);
        Assert.Equal(
            [TeamRosterService.TitleMessage, TeamRosterService.NameMessage, TeamRosterService.PhoneMessage, TeamRosterService.ZaloFieldMessage,
                TeamRosterService.BirthYearMessage],
            bad.Errors);
        await using var db = Database.CreateSystemContext();
        Assert.False(await db.TeamMembers.AnyAsync(m => m.TeamId == team.Id));
        Assert.Equal(team.Version, (await TeamAsync(Mini.C1)).Version);
    }

    [Fact]
    public async Task AddMember_TheSamePhoneTwice_IsTheSamePerson_AndIsRefused()
    {
        var roster = RosterFor(MiniProvince.ActorFor(Mini.C1));
        var team = await TeamAsync(Mini.C1);
        var first = await roster.AddMemberAsync(team.Id, Member("Nguyễn Văn An", TeamPosition.Member, OfficialTitle.None, Today, "0912 345 678"), team.Version);
        Assert.True(first.Succeeded);

        var again = await roster.AddMemberAsync(team.Id, Member("Nguyen Van An", TeamPosition.Member, OfficialTitle.None, Today, "+84912345678"), first.Value);

        Assert.Equal([TeamRosterService.AlreadyOnTeamMessage], again.Errors);
        await using var db = Database.CreateSystemContext();
        Assert.Equal(1, await db.People.CountAsync(p => p.Phone == "0912345678"));
    }

    [Fact]
    public async Task ChangePosition_KeepsTheHistory_WhoHeldWhatOnDateD()
    {
        var actor = MiniProvince.ActorFor(Mini.C1);
        var roster = RosterFor(actor);
        var version = await ConstituteAsync(roster, Mini.C1, new DateOnly(2025, 1, 1));
        var added = await roster.AddMemberAsync((await TeamAsync(Mini.C1)).Id,
            Member("Phạm Văn Bình", TeamPosition.Member, OfficialTitle.None, new DateOnly(2025, 1, 1)), version);
        var membershipId = await MembershipIdAsync("Phạm Văn Bình");

        var changed = await roster.ChangePositionAsync(membershipId, TeamPosition.Deputy, OfficialTitle.None, new DateOnly(2025, 7, 1), added.Value);

        Assert.True(changed.Succeeded, string.Join("; ", changed.Errors));
        var teams = TeamsFor(actor);
        var inMay = (await teams.GetTeamOnAsync(Mini.C1.Id, new DateOnly(2025, 5, 1)))!;
        var inAugust = (await teams.GetTeamOnAsync(Mini.C1.Id, new DateOnly(2025, 8, 1)))!;
        Assert.Equal("Thành viên", inMay.Members.Single(m => m.FullName == "Phạm Văn Bình").PositionLabel);
        var now = inAugust.Members.Single(m => m.FullName == "Phạm Văn Bình");
        Assert.Equal("Tổ phó", now.PositionLabel);
        Assert.Equal(new DateOnly(2025, 7, 1), now.StartDate);
        await using var db = Database.CreateSystemContext();
        // Two memberships, none deleted: the old one ends the day before the change.
        var rows = await db.TeamMembers.Where(m => m.Person!.FullName == "Phạm Văn Bình").OrderBy(m => m.StartDate).ToListAsync();
        Assert.Equal([new DateOnly(2025, 6, 30), null], rows.Select(r => r.EndDate));
    }

    [Fact]
    public async Task EndMembership_OfTheChair_TurnsTheTeamNotConstituted_ButThePastStillShowsThem()
    {
        var actor = MiniProvince.ActorFor(Mini.C1);
        var roster = RosterFor(actor);
        var version = await ConstituteAsync(roster, Mini.C1, new DateOnly(2025, 1, 1));
        var chair = await MembershipIdAsync("Nguyễn Văn Chủ");

        Assert.Equal([TeamRosterService.EndDateMessage], (await roster.EndMembershipAsync(chair, new DateOnly(2024, 12, 1), version)).Errors);
        var ended = await roster.EndMembershipAsync(chair, Today.AddDays(-1), version);

        Assert.True(ended.Succeeded);
        Assert.False((await TeamAsync(Mini.C1)).IsConstituted);
        var teams = TeamsFor(actor);
        Assert.DoesNotContain((await teams.GetTeamAsync(Mini.C1.Id))!.Members, m => m.FullName == "Nguyễn Văn Chủ");
        Assert.Contains((await teams.GetTeamOnAsync(Mini.C1.Id, new DateOnly(2025, 3, 1)))!.Members, m => m.FullName == "Nguyễn Văn Chủ");
        await using var db = Database.CreateSystemContext();
        Assert.True(await db.TeamMembers.AnyAsync(m => m.Id == chair), "an ended membership is kept, never deleted");
        // An ended membership cannot be ended or changed again.
        Assert.Equal([TeamRosterService.AlreadyEndedMessage], (await roster.EndMembershipAsync(chair, Today, ended.Value)).Errors);
    }

    [Fact]
    public async Task MoveMember_EndsHereAndStartsThere_InOneSave_AndRecomputesBothTeams()
    {
        var actor = MiniProvince.ActorFor(Mini.C1);
        var roster = RosterFor(actor);
        var commune = await TeamAsync(Mini.C1);
        var village = await TeamAsync(Mini.V11);
        var added = await roster.AddMemberAsync(commune.Id,
            Member("Giáp Văn Thôn", TeamPosition.Member, OfficialTitle.None, new DateOnly(2025, 1, 1), "0988000111"), commune.Version);
        var membershipId = await MembershipIdAsync("Giáp Văn Thôn");

        var wrongTitle = await roster.MoveMemberAsync(membershipId, village.Id, TeamPosition.Leader, OfficialTitle.CommuneChair, Today, added.Value);
        Assert.Equal([TeamRosterService.TitleMessage], wrongTitle.Errors);
        var moved = await roster.MoveMemberAsync(membershipId, village.Id, TeamPosition.Leader, OfficialTitle.VillageHead, Today, added.Value);

        Assert.True(moved.Succeeded, string.Join("; ", moved.Errors));
        var teams = TeamsFor(actor);
        Assert.DoesNotContain((await teams.GetTeamAsync(Mini.C1.Id))!.Members, m => m.FullName == "Giáp Văn Thôn");
        Assert.Contains((await teams.GetTeamOnAsync(Mini.C1.Id, Today.AddDays(-1)))!.Members, m => m.FullName == "Giáp Văn Thôn");
        var there = (await teams.GetTeamAsync(Mini.V11.Id))!;
        Assert.Equal("Tổ trưởng", Assert.Single(there.Members).PositionLabel);
        Assert.Equal(village.Version + 1, there.Version);
        await using var db = Database.CreateSystemContext();
        // One person, two memberships.
        Assert.Equal(1, await db.People.CountAsync(p => p.Phone == "0988000111"));
        Assert.Equal(2, await db.TeamMembers.CountAsync(m => m.Person!.Phone == "0988000111"));
    }

    [Fact]
    public async Task MoveMember_ToATeamOutsideTheScope_IsRefusedAndAudited_AndNothingChanges()
    {
        var actor = MiniProvince.ActorFor(Mini.C1);
        var roster = RosterFor(actor);
        var commune = await TeamAsync(Mini.C1);
        var added = await roster.AddMemberAsync(commune.Id, Member("Hà Văn Đi", TeamPosition.Member, OfficialTitle.None, new DateOnly(2025, 1, 1)), commune.Version);
        var membershipId = await MembershipIdAsync("Hà Văn Đi");
        var foreign = await TeamAsync(Mini.V31);

        var result = await roster.MoveMemberAsync(membershipId, foreign.Id, TeamPosition.Member, OfficialTitle.None, Today, added.Value);

        Assert.Equal([TeamService.NotFoundMessage], result.Errors);
        await using var db = Database.CreateSystemContext();
        Assert.Null((await db.TeamMembers.SingleAsync(m => m.Id == membershipId)).EndDate);
        Assert.False(await db.TeamMembers.AnyAsync(m => m.TeamId == foreign.Id));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.EntityType == nameof(Team)
            && a.EntityId == foreign.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task ConcurrentRosterEdits_TheSecondGetsAConflict_AndTheFirstIsKept()
    {
        var actor = MiniProvince.ActorFor(Mini.C1);
        var first = RosterFor(actor);
        var second = RosterFor(actor);
        var team = await TeamAsync(Mini.C1);

        var saved = await first.AddMemberAsync(team.Id, Member("Người Thứ Nhất", TeamPosition.Member, OfficialTitle.None, Today), team.Version);
        var lost = await second.AddMemberAsync(team.Id, Member("Người Thứ Hai", TeamPosition.Member, OfficialTitle.None, Today), team.Version);

        Assert.True(saved.Succeeded);
        Assert.True(lost.IsConflict);
        Assert.Equal([TeamService.ConflictMessage], lost.Errors);
        await using var db = Database.CreateSystemContext();
        Assert.Equal(["Người Thứ Nhất"], await db.TeamMembers.Where(m => m.TeamId == team.Id).Select(m => m.Person!.FullName).ToListAsync());
    }

    [Fact]
    public async Task RosterEdits_ByTheDistrict_AreRefusedAndAudited()
    {
        var team = await TeamAsync(Mini.C1);
        var result = await RosterFor(MiniProvince.ActorFor(Mini.D1))
            .AddMemberAsync(team.Id, Member("Người Huyện", TeamPosition.Member, OfficialTitle.None, Today), team.Version);

        Assert.Equal([TeamService.RoleMessage], result.Errors);
        await using var db = Database.CreateSystemContext();
        Assert.False(await db.TeamMembers.AnyAsync(m => m.TeamId == team.Id));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.EntityType == nameof(Team)));
    }

    [Fact]
    public async Task SetTask_FillsTheR5Assignment_AndAnExistingPersonCanJoinAnotherTeam()
    {
        var actor = MiniProvince.ActorFor(Mini.C1);
        var roster = RosterFor(actor);
        var team = await TeamAsync(Mini.C1);
        var added = await roster.AddMemberAsync(team.Id, Member("Đỗ Thị Giao", TeamPosition.Member, OfficialTitle.None, Today, "0977000222"), team.Version);
        var membershipId = await MembershipIdAsync("Đỗ Thị Giao");
        Assert.Equal(1, (await TeamsFor(actor).GetTeamAsync(Mini.C1.Id))!.Governance.MembersWithoutTask);

        var set = await roster.SetTaskAsync(membershipId, "  Phụ trách Tổ dân phố số 1 và số 2  ", added.Value);

        Assert.True(set.Succeeded);
        Assert.True((await TeamsFor(actor).GetTeamAsync(Mini.C1.Id))!.Governance.EveryMemberHasTask);
        var found = Assert.Single(await roster.FindPeopleAsync("do thi giao"));
        Assert.Equal("0977000222", found.Phone);
        var village = await TeamAsync(Mini.V11);
        var joined = await roster.AddMemberAsync(village.Id,
            new MemberInput(null, null, null, null, TeamPosition.Member, OfficialTitle.None, Affiliation.Official, Today, ExistingPersonId: found.PersonId), village.Version);
        Assert.True(joined.Succeeded, string.Join("; ", joined.Errors));
        Assert.Empty(await RosterFor(MiniProvince.ActorFor(Mini.C3)).FindPeopleAsync("do thi giao"));
    }

    private async Task<int> MembershipIdAsync(string name)
    {
        await using var db = Database.CreateSystemContext();
        return await db.TeamMembers.Where(m => m.Person!.FullName == name && m.EndDate == null).Select(m => m.Id).SingleAsync();
    }
}

public sealed class SqliteTeamRosterServiceTests() : TeamRosterServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlTeamRosterServiceTests() : TeamRosterServiceTests(DatabaseProvider.PostgreSql);
