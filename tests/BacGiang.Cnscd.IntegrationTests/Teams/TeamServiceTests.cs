using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Teams;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Core.Text;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.IntegrationTests.Teams;

public abstract class TeamServiceTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(VietnamClock.ToVietnam(DateTime.UtcNow));

    private TeamService ServiceFor(Actor actor, int inactiveAfterDays = 90) =>
        CoreServices.Create<TeamService>(new ActorContextFactory(Database, actor), Options.Create(new TeamOptions { InactiveAfterDays = inactiveAfterDays }));

    private async Task<int> TeamIdAsync(AdministrativeUnit unit)
    {
        await using var db = Database.CreateSystemContext();
        return await db.Teams.Where(t => t.UnitId == unit.Id).Select(t => t.Id).SingleAsync();
    }

    /// <summary>Adds a person and their membership to the team of <paramref name="unit"/>, as the system.</summary>
    private async Task<int> AddMemberAsync(AdministrativeUnit unit, string name, TeamPosition position, OfficialTitle title,
        DateOnly? start = null, DateOnly? end = null, string? task = "Hỗ trợ hộ gia đình", string? phone = "0912345678")
    {
        var teamId = await TeamIdAsync(unit);
        await using var db = Database.CreateSystemContext();
        var person = new Person { UnitId = unit.Id, FullName = name, FullNameSearch = VietnameseText.ToSearchKey(name), Phone = phone };
        var member = new TeamMember
        {
            UnitId = unit.Id, TeamId = teamId, Person = person, Position = position, Title = title, Affiliation = Affiliation.Official,
            StartDate = start ?? new DateOnly(2025, 1, 1), EndDate = end, TaskAssignment = task,
        };
        db.TeamMembers.Add(member);
        await db.SaveChangesAsync();
        return member.Id;
    }

    private async Task ConstituteCommuneTeamAsync(AdministrativeUnit commune)
    {
        await AddMemberAsync(commune, "Nguyễn Văn Chủ", TeamPosition.Leader, OfficialTitle.CommuneChair);
        await AddMemberAsync(commune, "Trần Văn Công", TeamPosition.Deputy, OfficialTitle.CommunePoliceChief);
        await AddMemberAsync(commune, "Lê Thị Đoàn", TeamPosition.Deputy, OfficialTitle.CommuneYouthUnionSecretary);
    }

    private async Task UpdateTeamAsync(AdministrativeUnit unit, Action<Team> change)
    {
        await using var db = Database.CreateSystemContext();
        change(await db.Teams.SingleAsync(t => t.UnitId == unit.Id));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task GetTeam_ListsExactlyWhatIsMissing_AndTheStatus()
    {
        await AddMemberAsync(Mini.C1, "Nguyễn Văn Chủ", TeamPosition.Leader, OfficialTitle.CommuneChair);
        var service = ServiceFor(MiniProvince.ActorFor(Mini.C1));

        var team = await service.GetTeamAsync(Mini.C1.Id);

        Assert.NotNull(team);
        Assert.Equal("Thị trấn Đồi Ngô", team.UnitName);
        Assert.Equal(
            [(true, null), (false, "Chưa có Trưởng Công an xã làm Tổ phó"), (false, "Chưa có Bí thư Đoàn xã làm Tổ phó")],
            team.Checklist.Select(c => (c.IsMet, c.MissingMessage)));
        Assert.Equal("Chủ tịch UBND xã làm Tổ trưởng", team.Checklist[0].Requirement);
        Assert.Equal("Chưa kiện toàn", team.Status);

        await AddMemberAsync(Mini.C1, "Trần Văn Công", TeamPosition.Deputy, OfficialTitle.CommunePoliceChief);
        await AddMemberAsync(Mini.C1, "Lê Thị Đoàn", TeamPosition.Deputy, OfficialTitle.CommuneYouthUnionSecretary);
        team = await service.GetTeamAsync(Mini.C1.Id);
        Assert.All(team!.Checklist, c => Assert.True(c.IsMet));
        Assert.Equal("Đã kiện toàn", team.Status);
        Assert.Equal(["Tổ trưởng", "Tổ phó", "Tổ phó"], team.Members.Select(m => m.PositionLabel));
    }

    [Fact]
    public async Task GetTeam_VillageTeam_UsesTheVillageRequirements_AndFlagsTwoLeaders()
    {
        await AddMemberAsync(Mini.V11, "Giáp Văn Thôn", TeamPosition.Leader, OfficialTitle.VillageHead);
        await AddMemberAsync(Mini.V11, "Giáp Văn Hai", TeamPosition.Leader, OfficialTitle.None);
        var team = await ServiceFor(MiniProvince.ActorFor(Mini.V11)).GetTeamAsync(Mini.V11.Id);

        Assert.Equal(
            ["Chưa có Công an viên làm Tổ phó", "Chưa có Bí thư Chi đoàn thôn làm Tổ phó", "Tổ có nhiều hơn một Tổ trưởng"],
            team!.Checklist.Where(c => !c.IsMet).Select(c => c.MissingMessage));
    }

    [Fact]
    public async Task GetTeam_OnAPastDate_ShowsAMemberWhoHasSinceLeft()
    {
        await ConstituteCommuneTeamAsync(Mini.C1);
        await AddMemberAsync(Mini.C1, "Phạm Thị Đã Nghỉ", TeamPosition.Member, OfficialTitle.None,
            new DateOnly(2025, 2, 1), new DateOnly(2025, 6, 30));
        var service = ServiceFor(MiniProvince.ActorFor(Mini.C1));

        var past = await service.GetTeamOnAsync(Mini.C1.Id, new DateOnly(2025, 5, 1));
        var now = await service.GetTeamAsync(Mini.C1.Id);

        var left = Assert.Single(past!.Members, m => m.FullName == "Phạm Thị Đã Nghỉ");
        Assert.Equal(new DateOnly(2025, 6, 30), left.EndDate);
        Assert.Equal(new DateOnly(2025, 5, 1), past.On);
        Assert.DoesNotContain(now!.Members, m => m.FullName == "Phạm Thị Đã Nghỉ");
        Assert.Equal(3, now.Members.Count);

        // Before anyone joined, the same team was not constituted.
        var before = await service.GetTeamOnAsync(Mini.C1.Id, new DateOnly(2024, 12, 31));
        Assert.Empty(before!.Members);
        Assert.Equal("Chưa kiện toàn", before.Status);
    }

    [Fact]
    public async Task GetTeam_Phones_AreFullForTheCommune_AndMaskedForTheDistrict()
    {
        await AddMemberAsync(Mini.C1, "Nguyễn Văn Chủ", TeamPosition.Leader, OfficialTitle.CommuneChair, phone: "0912345678");

        var commune = (await ServiceFor(MiniProvince.ActorFor(Mini.C1)).GetTeamAsync(Mini.C1.Id))!.Members.Single();
        var district = (await ServiceFor(MiniProvince.ActorFor(Mini.D1)).GetTeamAsync(Mini.C1.Id))!.Members.Single();

        Assert.Equal("0912345678", commune.Phone);
        Assert.True(commune.CanContact);
        Assert.Equal("09xx xxx 678", district.Phone);
        Assert.False(district.CanContact);
    }

    [Fact]
    public async Task GetTeam_OfAnotherUnit_OrOfADistrict_IsNull()
    {
        var service = ServiceFor(MiniProvince.ActorFor(Mini.C1));
        Assert.Null(await service.GetTeamAsync(Mini.C3.Id));
        Assert.Null(await service.GetTeamAsync(Mini.V31.Id));
        Assert.Null(await ServiceFor(MiniProvince.ActorFor(Mini.D1)).GetTeamAsync(Mini.D1.Id));
        Assert.Null(await ServiceFor(MiniProvince.ActorFor(Mini.V11)).GetTeamAsync(Mini.C1.Id));
    }

    [Fact]
    public async Task Governance_FlagsRegulationTasksAndThisYearsPlan()
    {
        await AddMemberAsync(Mini.C1, "Nguyễn Văn Chủ", TeamPosition.Leader, OfficialTitle.CommuneChair);
        await AddMemberAsync(Mini.C1, "Trần Văn Chưa Giao", TeamPosition.Member, OfficialTitle.None, task: null);
        var teamId = await TeamIdAsync(Mini.C1);
        await using (var db = Database.CreateSystemContext())
        {
            db.AnnualPlans.Add(new AnnualPlan { UnitId = Mini.C1.Id, TeamId = teamId, Year = Today.Year - 1, KeyTargets = "Năm trước" });
            await db.SaveChangesAsync();
        }

        var service = ServiceFor(MiniProvince.ActorFor(Mini.C1));
        var governance = (await service.GetTeamAsync(Mini.C1.Id))!.Governance;
        Assert.False(governance.HasRegulation);
        Assert.Equal(1, governance.MembersWithoutTask);
        Assert.False(governance.HasAnnualPlan);
        Assert.Equal(
            ["Chưa có Quy chế hoạt động (số và ngày ban hành)", "1 thành viên chưa được phân công nhiệm vụ", $"Chưa có Kế hoạch năm {Today.Year}"],
            governance.Missing);

        await UpdateTeamAsync(Mini.C1, t => { t.RegulationNumber = "15/QĐ-UBND"; t.RegulationIssuedOn = new DateOnly(2025, 3, 10); });
        await using (var db = Database.CreateSystemContext())
        {
            db.AnnualPlans.Add(new AnnualPlan { UnitId = Mini.C1.Id, TeamId = teamId, Year = Today.Year, KeyTargets = "Phủ 100% hộ" });
            (await db.TeamMembers.SingleAsync(m => m.TaskAssignment == null)).TaskAssignment = "Phụ trách Tổ dân phố số 2";
            await db.SaveChangesAsync();
        }

        governance = (await service.GetTeamAsync(Mini.C1.Id))!.Governance;
        Assert.True(governance.IsComplete);
        Assert.Empty(governance.Missing);
    }

    [Fact]
    public async Task Inactive_AfterTheConfiguredNumberOfDaysWithoutActivity()
    {
        await UpdateTeamAsync(Mini.C1, t => t.LastActivityOn = Today.AddDays(-91));
        await UpdateTeamAsync(Mini.C3, t => t.LastActivityOn = Today.AddDays(-10));
        await UpdateTeamAsync(Mini.V11, t => { t.LastActivityOn = null; t.CreatedAtUtc = DateTime.UtcNow.AddDays(-200); });
        var district = ServiceFor(MiniProvince.ActorFor(Mini.D1));

        Assert.True((await district.GetTeamAsync(Mini.C1.Id))!.IsInactive);
        Assert.False((await district.GetTeamAsync(Mini.C3.Id))!.IsInactive);
        Assert.True((await district.GetTeamAsync(Mini.V11.Id))!.IsInactive);
        // A team created today has had no chance to be active yet.
        Assert.False((await district.GetTeamAsync(Mini.V12.Id))!.IsInactive);
        // The threshold is configuration (Teams:InactiveAfterDays).
        Assert.True((await ServiceFor(MiniProvince.ActorFor(Mini.D1), inactiveAfterDays: 5).GetTeamAsync(Mini.C3.Id))!.IsInactive);

        var list = await district.ListTeamsAsync(new TeamListFilter(InactiveOnly: true), new PageRequest(0, 20), new TeamSort());
        Assert.Equal(new[] { Mini.C1.Id, Mini.V11.Id }.Order(), list.Items.Select(r => r.UnitId).Order());
    }

    [Fact]
    public async Task List_IsScoped_Filtered_Sorted_AndPagedOnTheServer()
    {
        await ConstituteCommuneTeamAsync(Mini.C1);
        await AddMemberAsync(Mini.V11, "Giáp Văn Thôn", TeamPosition.Leader, OfficialTitle.VillageHead);
        var system = ServiceFor(Actor.System("test"));
        await system.RecomputeConstitutedAsync(await TeamIdAsync(Mini.C1));
        await UpdateTeamAsync(Mini.C3, t => t.LastActivityOn = Today.AddDays(-3));
        await UpdateTeamAsync(Mini.V31, t => t.LastActivityOn = Today.AddDays(-30));
        var district = ServiceFor(MiniProvince.ActorFor(Mini.D1));

        var all = await district.ListTeamsAsync(new TeamListFilter(), new PageRequest(0, 20), new TeamSort());
        Assert.Equal(5, all.TotalCount); // C1, C3, V11, V12, V31 — nothing of Yên Thế
        Assert.DoesNotContain(all.Items, r => r.UnitId == Mini.C2.Id || r.UnitId == Mini.V21.Id);

        var notConstituted = await district.ListTeamsAsync(new TeamListFilter(NotConstitutedOnly: true), new PageRequest(0, 20), new TeamSort());
        Assert.Equal(4, notConstituted.TotalCount);
        Assert.DoesNotContain(notConstituted.Items, r => r.UnitId == Mini.C1.Id);

        // Nobody has a regulation or a plan yet: every team misses governance.
        var governance = await district.ListTeamsAsync(new TeamListFilter(GovernanceMissingOnly: true), new PageRequest(0, 20), new TeamSort());
        Assert.Equal(5, governance.TotalCount);

        var inCommune = await district.ListTeamsAsync(new TeamListFilter(CommuneId: Mini.C1.Id), new PageRequest(0, 20), new TeamSort());
        Assert.Equal(new[] { Mini.C1.Id, Mini.V11.Id, Mini.V12.Id }.Order(), inCommune.Items.Select(r => r.UnitId).Order());

        var byMembers = await district.ListTeamsAsync(new TeamListFilter(), new PageRequest(0, 20), new TeamSort(TeamSortField.Members, Descending: true));
        Assert.Equal([3, 1, 0, 0, 0], byMembers.Items.Select(r => r.MemberCount));
        Assert.Equal(Mini.C1.Id, byMembers.Items[0].UnitId);
        Assert.Equal("Đã kiện toàn", byMembers.Items[0].Status);

        var byActivity = await district.ListTeamsAsync(new TeamListFilter(), new PageRequest(0, 20), new TeamSort(TeamSortField.LastActivity, Descending: true));
        Assert.Equal([Mini.C3.Id, Mini.V31.Id], byActivity.Items.Take(2).Select(r => r.UnitId));

        var byUnit = await district.ListTeamsAsync(new TeamListFilter(), new PageRequest(0, 20), new TeamSort(TeamSortField.Unit, Descending: true));
        Assert.Equal("Xã Đông Hưng", byUnit.Items[0].UnitName);  // "X…" after every "T…" under any collation

        var first = await district.ListTeamsAsync(new TeamListFilter(), new PageRequest(0, 2), new TeamSort());
        var second = await district.ListTeamsAsync(new TeamListFilter(), new PageRequest(1, 2), new TeamSort());
        var third = await district.ListTeamsAsync(new TeamListFilter(), new PageRequest(2, 2), new TeamSort());
        Assert.Equal(5, first.TotalCount);
        Assert.Equal([2, 2, 1], new[] { first.Items.Count, second.Items.Count, third.Items.Count });
        Assert.Equal(5, first.Items.Concat(second.Items).Concat(third.Items).Select(r => r.TeamId).Distinct().Count());
        Assert.Equal(PageRequest.MaxPageSize, new PageRequest(0, 100_000).Take);

        var province = ServiceFor(MiniProvince.ActorFor(Mini.Province));
        var yenThe = await province.ListTeamsAsync(new TeamListFilter(DistrictId: Mini.D2.Id), new PageRequest(0, 20), new TeamSort());
        Assert.Equal(new[] { Mini.C2.Id, Mini.V21.Id }.Order(), yenThe.Items.Select(r => r.UnitId).Order());
    }

    [Fact]
    public async Task ContactEdit_ByADistrictOfficer_IsRefusedAndAudited()
    {
        var team = await Database.CreateSystemContext().Teams.AsNoTracking().SingleAsync(t => t.UnitId == Mini.C1.Id);
        var service = ServiceFor(MiniProvince.ActorFor(Mini.D1));

        var result = await service.UpdateContactAsync(team.Id, "https://zalo.me/g/abc", "0204111222", team.Version);

        Assert.False(result.Succeeded);
        Assert.Contains(TeamService.RoleMessage, result.Errors);
        await using var check = Database.CreateSystemContext();
        Assert.Null((await check.Teams.SingleAsync(t => t.Id == team.Id)).Hotline);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.EntityType == nameof(Team)));
    }

    [Fact]
    public async Task ConcurrentContactEdits_TheSecondIsToldToReload_AndTheFirstIsKept()
    {
        var actor = MiniProvince.ActorFor(Mini.C1);
        var first = ServiceFor(actor);
        var second = ServiceFor(actor);
        var loadedByFirst = (await first.GetTeamAsync(Mini.C1.Id))!;
        var loadedBySecond = (await second.GetTeamAsync(Mini.C1.Id))!;

        var saved = await first.UpdateContactAsync(loadedByFirst.TeamId, "https://zalo.me/g/doingo2025", "0204 3 854 123", loadedByFirst.Version);
        var lost = await second.UpdateContactAsync(loadedBySecond.TeamId, "https://zalo.me/g/khac", "0912345678", loadedBySecond.Version);

        Assert.True(saved.Succeeded);
        Assert.Equal(loadedByFirst.Version + 1, saved.Value);
        Assert.False(lost.Succeeded);
        Assert.True(lost.IsConflict);
        Assert.Equal(["Tổ đã được người khác cập nhật; hãy tải lại để xem thay đổi."], lost.Errors);
        var stored = (await first.GetTeamAsync(Mini.C1.Id))!;
        Assert.Equal("https://zalo.me/g/doingo2025", stored.ZaloGroupUrl);
        Assert.Equal("02043854123", stored.Hotline);

        // After reloading, the second editor's change goes through.
        var retried = await second.UpdateContactAsync(stored.TeamId, "https://zalo.me/g/khac", "0912345678", stored.Version);
        Assert.True(retried.Succeeded);
    }

    [Fact]
    public async Task ContactEdit_ValidatesTheZaloLinkAndTheHotline_AndSavesNothingWhenWrong()
    {
        var service = ServiceFor(MiniProvince.ActorFor(Mini.C1));
        var team = (await service.GetTeamAsync(Mini.C1.Id))!;

        var wrong = await service.UpdateContactAsync(team.TeamId, "http://zalo.me/g/abc", "12345", team.Version);
        Assert.Equal([TeamService.ZaloMessage, TeamService.HotlineMessage], wrong.Errors);
        Assert.False((await service.UpdateContactAsync(team.TeamId, "https://evil.example/zalo.me/g/abc", null, team.Version)).Succeeded);
        Assert.True((await service.UpdateContactAsync(team.TeamId, null, "1800 1234", team.Version)).Succeeded);

        var stored = (await service.GetTeamAsync(Mini.C1.Id))!;
        Assert.Null(stored.ZaloGroupUrl);
        Assert.Equal("18001234", stored.Hotline);
    }

    [Fact]
    public async Task RecomputeConstituted_FollowsTheCurrentRoster()
    {
        var teamId = await TeamIdAsync(Mini.C1);
        var service = ServiceFor(MiniProvince.ActorFor(Mini.C1));
        await ConstituteCommuneTeamAsync(Mini.C1);

        Assert.True(await service.RecomputeConstitutedAsync(teamId));
        await using (var db = Database.CreateSystemContext())
        {
            Assert.True((await db.Teams.SingleAsync(t => t.Id == teamId)).IsConstituted);
            // The police chief leaves: memberships end, they are never deleted.
            (await db.TeamMembers.SingleAsync(m => m.Title == OfficialTitle.CommunePoliceChief && m.TeamId == teamId)).EndDate = Today.AddDays(-1);
            await db.SaveChangesAsync();
        }

        Assert.False(await service.RecomputeConstitutedAsync(teamId));
        await using var check = Database.CreateSystemContext();
        Assert.False((await check.Teams.SingleAsync(t => t.Id == teamId)).IsConstituted);
        Assert.Null(await service.RecomputeConstitutedAsync(await TeamIdAsync(Mini.C3)));
    }
}

public sealed class SqliteTeamServiceTests() : TeamServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlTeamServiceTests() : TeamServiceTests(DatabaseProvider.PostgreSql);
