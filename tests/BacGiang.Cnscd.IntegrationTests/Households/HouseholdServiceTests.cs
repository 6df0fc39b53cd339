using System.Text;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Households;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace BacGiang.Cnscd.IntegrationTests.Households;

/// <summary>The household register, search and visits (rule R3), on both engines.</summary>
public abstract class HouseholdServiceTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private HouseholdService ServiceFor(Actor actor) => CoreServices.CreateOn<HouseholdService>(Today, new ActorContextFactory(Database, actor));

    private HouseholdVisitService VisitsFor(Actor actor) => CoreServices.CreateOn<HouseholdVisitService>(Today, new ActorContextFactory(Database, actor));

    private HouseholdAssistanceService AssistanceFor(Actor actor) => CoreServices.CreateOn<HouseholdAssistanceService>(Today, new ActorContextFactory(Database, actor));

    private HouseholdService VillageLeader => ServiceFor(MiniProvince.ActorFor(Mini.V11, "leader-v11"));

    private HouseholdVisitService VillageLeaderVisits => VisitsFor(MiniProvince.ActorFor(Mini.V11, "leader-v11"));

    private HouseholdAssistanceService VillageLeaderAssistance => AssistanceFor(MiniProvince.ActorFor(Mini.V11, "leader-v11"));

    /// <summary>Adds an active member to the team of a village and returns the membership id.</summary>
    private async Task<int> AddMemberAsync(AdministrativeUnit village, string name, DateOnly? endDate = null)
    {
        await using var db = Database.CreateSystemContext();
        var team = await db.Teams.SingleAsync(t => t.UnitId == village.Id);
        var person = new Person { UnitId = village.Id, FullName = name, FullNameSearch = Core.Text.VietnameseText.ToSearchKey(name) };
        var member = new TeamMember
        {
            UnitId = village.Id, TeamId = team.Id, Person = person, Position = TeamPosition.Member, StartDate = new DateOnly(2025, 1, 1), EndDate = endDate,
        };
        db.TeamMembers.Add(member);
        await db.SaveChangesAsync();
        return member.Id;
    }

    private async Task<int> HouseholdIdAsync(AdministrativeUnit village, string head)
    {
        await using var db = Database.CreateSystemContext();
        return await db.Households.Where(h => h.UnitId == village.Id && h.HeadName == head).Select(h => h.Id).SingleAsync();
    }

    private static VisitRequest Visit(int householdId, int memberId, DigitalSkills skills = DigitalSkills.OnlinePayment, DateOnly? on = null,
        Guid? requestId = null, bool vneid = false, bool dvc = false) =>
        new(requestId ?? Guid.NewGuid(), householdId, on ?? Today, memberId, skills, vneid, dvc, "Hướng dẫn tại nhà");

    [Fact]
    public async Task Assign_InBulk_PutsHouseholdsOnTheMembersList_WithWhatEachStillLacks()
    {
        var memberId = await AddMemberAsync(Mini.V11, "Hoàng Văn Phụ Trách");
        var duc = await HouseholdIdAsync(Mini.V11, "Nguyễn Văn Đức");
        var hang = await HouseholdIdAsync(Mini.V11, "Trần Thị Hằng");

        var result = await VillageLeaderAssistance.AssignAsync([duc, hang], memberId);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, result.Value);
        var mine = await VillageLeaderAssistance.AssignedToAsync(memberId, new PageRequest(0, 20));
        Assert.Equal(2, mine.TotalCount);
        Assert.All(mine.Items, r => Assert.Contains("Tài khoản VNeID mức 2", r.Missing));
        Assert.Contains("Thanh toán trực tuyến", mine.Items[0].Missing);

        // Once a household is covered it has nothing left to do and moves to the end of the list.
        await VillageLeaderVisits.LogVisitAsync(Visit(duc, memberId, DigitalSkills.All, vneid: true, dvc: true));
        mine = await VillageLeaderAssistance.AssignedToAsync(memberId, new PageRequest(0, 20));
        Assert.Equal(hang, mine.Items[0].Id);
        Assert.Empty(mine.Items[1].Missing);
    }

    [Fact]
    public async Task Assign_ToAMemberOfAnotherVillagesTeam_IsRefusedWithTheMessage_AndChangesNothing()
    {
        var otherVillageMember = await AddMemberAsync(Mini.V12, "Lê Thị Thôn Bên");
        var duc = await HouseholdIdAsync(Mini.V11, "Nguyễn Văn Đức");
        var communeOfficer = AssistanceFor(MiniProvince.ActorFor(Mini.C1, "officer-c1"));

        var result = await communeOfficer.AssignAsync([duc], otherVillageMember);

        Assert.False(result.Succeeded);
        Assert.Equal(HouseholdMessages.AssigneeNotInTeam, result.Error);
        await using var db = Database.CreateSystemContext();
        Assert.Null((await db.Households.SingleAsync(h => h.Id == duc)).AssignedMemberId);
    }

    [Fact]
    public async Task Assign_ByADistrictOfficer_IsRefused_AndAudited()
    {
        var memberId = await AddMemberAsync(Mini.V11, "Hoàng Văn Phụ Trách");
        var duc = await HouseholdIdAsync(Mini.V11, "Nguyễn Văn Đức");
        var district = AssistanceFor(MiniProvince.ActorFor(Mini.D1, "district-d1"));

        await Assert.ThrowsAsync<ScopeViolationException>(() => district.AssignAsync([duc], memberId));

        await using var db = Database.CreateSystemContext();
        Assert.Null((await db.Households.SingleAsync(h => h.Id == duc)).AssignedMemberId);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.UserId == "district-d1"));
    }

    [Fact]
    public async Task Register_FiltersByEachChip()
    {
        var memberId = await AddMemberAsync(Mini.V11, "Hoàng Văn Tổ");
        await using (var db = Database.CreateSystemContext())
        {
            var all = await db.Households.Where(h => h.UnitId == Mini.V11.Id).ToListAsync();
            var duc = all.Single(h => h.HeadName == "Nguyễn Văn Đức");
            duc.RecordGuidance(DigitalSkills.All, Today.AddDays(-3), memberId);
            duc.SetAccounts(true, true);
            duc.LastVisitedOn = Today.AddDays(-3);
            var hang = all.Single(h => h.HeadName == "Trần Thị Hằng");
            hang.SetAccounts(true, false);
            hang.SetAssistance(true, null);
            hang.LastVisitedOn = Today.AddDays(-40);
            var nam = all.Single(h => h.HeadName == "Lê Văn Nam");
            nam.SetAssistance(true, memberId);
            await db.SaveChangesAsync();
        }

        var service = VillageLeader;
        async Task<string[]> Heads(HouseholdFilter filter) =>
            (await service.RegisterAsync(Mini.V11.Id, filter, null, new PageRequest(0, 50))).Items.Select(r => r.HeadName).Order().ToArray();

        Assert.Equal(["Lê Văn Nam", "Nguyễn Văn Đức", "Trần Thị Hằng"], await Heads(HouseholdFilter.None));
        Assert.Equal(["Trần Thị Hằng"], await Heads(new HouseholdFilter(NotCovered: true)));
        Assert.Equal(["Lê Văn Nam"], await Heads(new HouseholdFilter(NoVneid: true)));
        Assert.Equal(["Lê Văn Nam", "Trần Thị Hằng"], await Heads(new HouseholdFilter(NoPublicServiceAccount: true)));
        Assert.Equal(["Trần Thị Hằng"], await Heads(new HouseholdFilter(NeedsAssistanceUnassigned: true)));
        Assert.Equal(["Lê Văn Nam", "Trần Thị Hằng"], await Heads(new HouseholdFilter(NotVisitedForDays: 30)));
        Assert.Equal(["Trần Thị Hằng"], await Heads(new HouseholdFilter(NotCovered: true, NotVisitedForDays: 30)));

        var rows = (await service.RegisterAsync(Mini.V11.Id, HouseholdFilter.None, null, new PageRequest(0, 50))).Items;
        var ducRow = rows.Single(r => r.HeadName == "Nguyễn Văn Đức");
        Assert.Equal(CoverageStatus.CoveredByOwnMember, ducRow.Coverage);
        Assert.Equal(5, ducRow.SkillsCount);
        Assert.Equal(Today.AddDays(-3), ducRow.LastVisitedOn);
        Assert.Equal("0912345678", ducRow.Phone); // the village leader works with the household: in full
        Assert.Equal("Hoàng Văn Tổ", rows.Single(r => r.HeadName == "Lê Văn Nam").AssistantName);
        Assert.Equal(CoverageStatus.CoveredByAssistance, rows.Single(r => r.HeadName == "Lê Văn Nam").Coverage);
    }

    [Fact]
    public async Task Register_OfACommune_ListsItsVillages_AndADistrictSeesPhonesMasked()
    {
        var commune = await ServiceFor(MiniProvince.ActorFor(Mini.C1)).RegisterAsync(Mini.C1.Id, HouseholdFilter.None, null, new PageRequest(0, 50));
        Assert.Equal(6, commune.TotalCount); // V11 and V12

        var district = await ServiceFor(MiniProvince.ActorFor(Mini.D1)).RegisterAsync(Mini.C1.Id, HouseholdFilter.None, null, new PageRequest(0, 50));
        Assert.Equal(6, district.TotalCount);
        Assert.All(district.Items, r => Assert.Equal("09xx xxx 678", r.Phone));
    }

    [Theory]
    [InlineData("nguyen van duc")]
    [InlineData("NGUYEN VAN DUC")]
    [InlineData("Nguyễn Văn Đức")]
    [InlineData("nguyễn  văn   đ")]
    [InlineData("decomposed")]
    public async Task Search_IgnoresDiacriticsCaseAndSpacing_AsAPrefixOfTheHeadName(string typed)
    {
        var text = typed == "decomposed" ? "Nguyễn Văn Đức".Normalize(NormalizationForm.FormD) : typed;
        if (typed == "decomposed")
        {
            Assert.NotEqual("Nguyễn Văn Đức", text, StringComparer.Ordinal); // really a different sequence of code points
        }

        var found = await VillageLeader.RegisterAsync(Mini.V11.Id, HouseholdFilter.None, text, new PageRequest(0, 50));
        Assert.Equal(["Nguyễn Văn Đức"], found.Items.Select(r => r.HeadName));
        Assert.Equal(1, found.TotalCount);
    }

    [Fact]
    public async Task Search_FindsAGivenNameOrAnAddressWord_WhenNoHeadStartsWithIt()
    {
        await using (var db = Database.CreateSystemContext())
        {
            db.Households.Add(MiniProvince.NewHousehold(Mini.V11, "Đỗ Thị Mai", "Xóm Đồng Quýt"));
            await db.SaveChangesAsync();
        }

        var service = VillageLeader;
        Assert.Equal(["Trần Thị Hằng"], (await service.RegisterAsync(Mini.V11.Id, HouseholdFilter.None, "hang", new PageRequest(0, 50))).Items.Select(r => r.HeadName));
        Assert.Equal(["Đỗ Thị Mai"], (await service.RegisterAsync(Mini.V11.Id, HouseholdFilter.None, "dong quyt", new PageRequest(0, 50))).Items.Select(r => r.HeadName));
        Assert.Equal(["Đỗ Thị Mai"], (await service.RegisterAsync(Mini.V11.Id, HouseholdFilter.None, "do", new PageRequest(0, 50))).Items.Select(r => r.HeadName));
        Assert.Empty((await service.RegisterAsync(Mini.V11.Id, HouseholdFilter.None, "khong co ai", new PageRequest(0, 50))).Items);
    }

    [Fact]
    public async Task Search_UsesARangeOnTheStoredKey_NotAFunctionOfEveryRow()
    {
        // The SQL of the prefix search compares the stored column directly (>= and <), so the index can seek.
        // The query is the register's own (HouseholdQueries, which RegisterAsync and the export use), so a change to
        // the search fails here.
        await using var db = Database.CreateContext(MiniProvince.ActorFor(Mini.V11));
        var searched = await HouseholdQueries.ApplySearchAsync(db.Households.Where(h => h.VillageId == Mini.V11.Id), "Nguyễn Văn Đức",
            CancellationToken.None);
        Assert.Equal(["Nguyễn Văn Đức"], await searched.Select(h => h.HeadName).ToListAsync());
        var sql = searched.ToQueryString();
        Assert.Contains("\"SearchKey\" >= ", sql, StringComparison.Ordinal);
        Assert.Contains("\"SearchKey\" < ", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("lower(", sql, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Register_IsPagedOnTheServer_InSearchKeyOrder()
    {
        await using (var db = Database.CreateSystemContext())
        {
            for (var i = 0; i < 25; i++)
            {
                db.Households.Add(MiniProvince.NewHousehold(Mini.V12, $"Ngô Văn Thử {i:00}"));
            }

            await db.SaveChangesAsync();
        }

        var service = ServiceFor(MiniProvince.ActorFor(Mini.V12));
        var pages = new List<PagedResult<HouseholdRow>>();
        for (var p = 0; p < 3; p++)
        {
            pages.Add(await service.RegisterAsync(Mini.V12.Id, HouseholdFilter.None, null, new PageRequest(p, 10)));
        }

        Assert.All(pages, p => Assert.Equal(28, p.TotalCount));
        Assert.Equal([10, 10, 8], pages.Select(p => p.Items.Count));
        var ids = pages.SelectMany(p => p.Items).Select(r => r.Id).ToList();
        Assert.Equal(28, ids.Distinct().Count());
        var keys = pages.SelectMany(p => p.Items).Select(r => Core.Text.VietnameseText.ToSearchKey(r.HeadName + " " + r.Address)).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);

        var searched = await service.RegisterAsync(Mini.V12.Id, HouseholdFilter.None, "ngo van thu", new PageRequest(1, 10));
        Assert.Equal(25, searched.TotalCount);
        Assert.Equal(10, searched.Items.Count);
    }

    [Fact]
    public async Task LogVisit_TwiceWithTheSameClientRequestId_StoresOneVisit()
    {
        var memberId = await AddMemberAsync(Mini.V11, "Hoàng Văn Tổ");
        var householdId = await HouseholdIdAsync(Mini.V11, "Lê Văn Nam");
        var request = Visit(householdId, memberId);
        var service = VillageLeaderVisits;

        var first = await service.LogVisitAsync(request);
        var second = await service.LogVisitAsync(request);
        // A retry from a second circuit at the same moment: the unique index decides, the loser reads back.
        var racing = await Task.WhenAll(VillageLeaderVisits.LogVisitAsync(request with { }), VillageLeaderVisits.LogVisitAsync(request));

        Assert.True(first.Succeeded);
        Assert.False(first.Value!.AlreadyRecorded);
        Assert.True(second.Succeeded);
        Assert.True(second.Value!.AlreadyRecorded);
        Assert.Equal(first.Value!.VisitId, second.Value!.VisitId);
        Assert.All(racing, r => Assert.Equal(first.Value!.VisitId, r.Value!.VisitId));
        await using var db = Database.CreateSystemContext();
        Assert.Equal(1, await db.HouseholdVisits.CountAsync(v => v.HouseholdId == householdId));
    }

    [Fact]
    public async Task LogVisit_TwoDifferentRequestsAtOnce_BothAreStored()
    {
        var memberId = await AddMemberAsync(Mini.V11, "Hoàng Văn Tổ");
        var householdId = await HouseholdIdAsync(Mini.V11, "Lê Văn Nam");

        var results = await Task.WhenAll(
            VillageLeaderVisits.LogVisitAsync(Visit(householdId, memberId, DigitalSkills.OnlineShopping)),
            VillageLeaderVisits.LogVisitAsync(Visit(householdId, memberId, DigitalSkills.OnlineSafety)));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        await using var db = Database.CreateSystemContext();
        Assert.Equal(2, await db.HouseholdVisits.CountAsync(v => v.HouseholdId == householdId));
        var household = await db.Households.SingleAsync(h => h.Id == householdId);
        Assert.Equal(DigitalSkills.OnlineShopping | DigitalSkills.OnlineSafety, household.SkillsGuided);
    }

    [Fact]
    public async Task LogVisit_InTheFuture_IsRefusedInVietnamese_AndStoresNothing()
    {
        var memberId = await AddMemberAsync(Mini.V11, "Hoàng Văn Tổ");
        var householdId = await HouseholdIdAsync(Mini.V11, "Lê Văn Nam");

        var result = await VillageLeaderVisits.LogVisitAsync(Visit(householdId, memberId, on: Today.AddDays(1)));

        Assert.False(result.Succeeded);
        Assert.Equal("Ngày thăm không được sau hôm nay.", result.Error);
        await using var db = Database.CreateSystemContext();
        Assert.False(await db.HouseholdVisits.AnyAsync());
        Assert.Equal(DigitalSkills.None, (await db.Households.SingleAsync(h => h.Id == householdId)).SkillsGuided);
    }

    [Fact]
    public async Task LogVisit_RecordsEachSkillWithItsDateAndMember_RecomputesCoverage_AndTheTeamsActivity()
    {
        var memberId = await AddMemberAsync(Mini.V11, "Hoàng Văn Tổ");
        var householdId = await HouseholdIdAsync(Mini.V11, "Lê Văn Nam");
        var service = VillageLeader;

        var partial = await VillageLeaderVisits.LogVisitAsync(Visit(householdId, memberId, DigitalSkills.OnlinePublicServices | DigitalSkills.OnlinePayment,
            Today.AddDays(-10), vneid: true, dvc: true));
        Assert.Equal(CoverageStatus.NotCovered, partial.Value!.Coverage);
        var full = await VillageLeaderVisits.LogVisitAsync(Visit(householdId, memberId, DigitalSkills.OnlineShopping | DigitalSkills.OnlineSafety | DigitalSkills.OtherPlatforms,
            Today.AddDays(-2), vneid: true, dvc: true));
        Assert.Equal(CoverageStatus.CoveredByOwnMember, full.Value!.Coverage);

        var detail = await service.GetAsync(householdId);
        Assert.NotNull(detail);
        Assert.Equal(CoverageStatus.CoveredByOwnMember, detail.Coverage);
        Assert.Equal(DigitalSkillLabels.Each, detail.Skills.Select(s => s.Skill));
        Assert.Equal(Today.AddDays(-10), detail.Skills.Single(s => s.Skill == DigitalSkills.OnlinePayment).GuidedOn);
        Assert.Equal(Today.AddDays(-2), detail.Skills.Single(s => s.Skill == DigitalSkills.OtherPlatforms).GuidedOn);
        Assert.All(detail.Skills, s => Assert.Equal("Hoàng Văn Tổ", s.MemberName));
        Assert.Equal(Today.AddDays(-2), detail.LastVisitedOn);
        Assert.Contains(detail.Members, m => m.Id == memberId && m.FullName == "Hoàng Văn Tổ");

        await using var db = Database.CreateSystemContext();
        Assert.Equal(Today.AddDays(-2), (await db.Teams.SingleAsync(t => t.UnitId == Mini.V11.Id)).LastActivityOn);

        // A late-typed older visit adds its skills' history but does not overwrite what the newer visit saw.
        await VillageLeaderVisits.LogVisitAsync(Visit(householdId, memberId, DigitalSkills.None, Today.AddDays(-20), vneid: false, dvc: false));
        var after = await service.GetAsync(householdId);
        Assert.True(after!.HasVneidLevel2);
        Assert.Equal(Today.AddDays(-2), after.LastVisitedOn);
        Assert.Equal(CoverageStatus.CoveredByOwnMember, after.Coverage);
    }

    [Fact]
    public async Task LogVisit_ByAMemberOfAnotherTeam_OrAFormerMember_IsRefused()
    {
        var otherVillageMember = await AddMemberAsync(Mini.V12, "Người Thôn Khác");
        var formerMember = await AddMemberAsync(Mini.V11, "Người Đã Nghỉ", endDate: Today.AddDays(-30));
        var householdId = await HouseholdIdAsync(Mini.V11, "Lê Văn Nam");
        var commune = VisitsFor(MiniProvince.ActorFor(Mini.C1));

        Assert.Equal(HouseholdMessages.MemberNotInTeam, (await commune.LogVisitAsync(Visit(householdId, otherVillageMember))).Error);
        Assert.Equal(HouseholdMessages.MemberNotInTeam, (await commune.LogVisitAsync(Visit(householdId, formerMember))).Error);
        await using var db = Database.CreateSystemContext();
        Assert.False(await db.HouseholdVisits.AnyAsync());
    }

    [Fact]
    public async Task LogVisit_ToAForgedHouseholdId_IsRefused_Audited_AndChangesNothing()
    {
        var memberId = await AddMemberAsync(Mini.V11, "Hoàng Văn Tổ");
        var siblingHousehold = await HouseholdIdAsync(Mini.V12, "Lê Văn Nam");

        await Assert.ThrowsAsync<ScopeViolationException>(() => VillageLeaderVisits.LogVisitAsync(Visit(siblingHousehold, memberId)));
        Assert.Null(await VillageLeader.GetAsync(siblingHousehold));

        await using var db = Database.CreateSystemContext();
        Assert.False(await db.HouseholdVisits.AnyAsync());
        var refusal = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.Refused);
        Assert.Equal(nameof(Household), refusal.EntityType);
        Assert.Equal(siblingHousehold.ToString(System.Globalization.CultureInfo.InvariantCulture), refusal.EntityId);
        Assert.Equal(Mini.V12.Id, refusal.UnitId);
        Assert.Equal("leader-v11", refusal.UserId);
        Assert.Equal(DigitalSkills.None, (await db.Households.SingleAsync(h => h.Id == siblingHousehold)).SkillsGuided);
    }

    [Fact]
    public async Task LogVisit_ByADistrictOfficer_IsRefused_AndAudited()
    {
        var memberId = await AddMemberAsync(Mini.V11, "Hoàng Văn Tổ");
        var householdId = await HouseholdIdAsync(Mini.V11, "Lê Văn Nam");

        var refused = await Assert.ThrowsAsync<ScopeViolationException>(() =>
            VisitsFor(MiniProvince.ActorFor(Mini.D1, "district-d1")).LogVisitAsync(Visit(householdId, memberId)));

        Assert.Equal(HouseholdMessages.NotAVisitor, refused.Message);
        await using var db = Database.CreateSystemContext();
        Assert.False(await db.HouseholdVisits.AnyAsync());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.UserId == "district-d1" && a.UnitId == Mini.V11.Id));
    }

    [Fact]
    public async Task SetAssistance_WithAnAssistant_CoversTheHousehold_AndClearingTheNeedUncoversIt()
    {
        var memberId = await AddMemberAsync(Mini.V11, "Hoàng Văn Giúp");
        var hang = await HouseholdIdAsync(Mini.V11, "Trần Thị Hằng");
        var service = VillageLeader;
        var before = (await service.GetAsync(hang))!;

        var result = await VillageLeaderAssistance.SetAssistanceAsync(hang, true, memberId, before.Version);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(CoverageStatus.CoveredByAssistance, result.Value!.Coverage);
        var after = (await service.GetAsync(hang))!;
        Assert.Equal((true, memberId, "Hoàng Văn Giúp", result.Value!.Version), (after.NeedsAssistance, after.AssistantMemberId, after.AssistantName, after.Version));
        Assert.NotEqual(before.Version, after.Version);

        // The assistant is ignored (cleared) when the household no longer needs help.
        var cleared = await VillageLeaderAssistance.SetAssistanceAsync(hang, false, memberId, after.Version);
        Assert.Equal(CoverageStatus.NotCovered, cleared.Value!.Coverage);
        await using var db = Database.CreateSystemContext();
        var stored = await db.Households.SingleAsync(h => h.Id == hang);
        Assert.Equal((false, (int?)null), (stored.NeedsAssistance, stored.AssistantMemberId));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Update && a.EntityType == nameof(Household)
            && a.EntityId == hang.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.UserId == "leader-v11"));
    }

    [Fact]
    public async Task SetAssistance_WithAStaleVersion_IsRefused_AndOverwritesNothing()
    {
        var memberId = await AddMemberAsync(Mini.V11, "Hoàng Văn Giúp");
        var hang = await HouseholdIdAsync(Mini.V11, "Trần Thị Hằng");
        var service = VillageLeader;
        var read = (await service.GetAsync(hang))!;
        // Someone else saves first (a visit changes the household and its version).
        await VillageLeaderVisits.LogVisitAsync(Visit(hang, memberId, vneid: true));

        var result = await VillageLeaderAssistance.SetAssistanceAsync(hang, true, memberId, read.Version);

        Assert.False(result.Succeeded);
        Assert.Equal(HouseholdMessages.Stale, result.Error);
        await using var db = Database.CreateSystemContext();
        Assert.False((await db.Households.SingleAsync(h => h.Id == hang)).NeedsAssistance);
    }

    [Fact]
    public async Task SetAssistance_ByAMemberOfAnotherVillage_IsRefusedWithTheMessage()
    {
        var otherVillageMember = await AddMemberAsync(Mini.V12, "Lê Thị Thôn Bên");
        var hang = await HouseholdIdAsync(Mini.V11, "Trần Thị Hằng");
        var officer = ServiceFor(MiniProvince.ActorFor(Mini.C1, "officer-c1"));
        var read = (await officer.GetAsync(hang))!;

        var result = await AssistanceFor(MiniProvince.ActorFor(Mini.C1, "officer-c1")).SetAssistanceAsync(hang, true, otherVillageMember, read.Version);

        Assert.Equal(HouseholdMessages.AssistantNotInTeam, result.Error);
    }

    [Fact]
    public async Task SetAssistance_ByADistrictOfficer_IsRefused_AndAudited()
    {
        var hang = await HouseholdIdAsync(Mini.V11, "Trần Thị Hằng");
        var district = AssistanceFor(MiniProvince.ActorFor(Mini.D1, "district-d1"));

        await Assert.ThrowsAsync<ScopeViolationException>(() => district.SetAssistanceAsync(hang, true, null, 0));

        await using var db = Database.CreateSystemContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.UserId == "district-d1"));
        Assert.False((await db.Households.SingleAsync(h => h.Id == hang)).NeedsAssistance);
    }

    [Fact]
    public async Task RecentlyVisited_ListsTheVillagesLatestVisits_NewestFirst()
    {
        var memberId = await AddMemberAsync(Mini.V11, "Hoàng Văn Tổ");
        var nam = await HouseholdIdAsync(Mini.V11, "Lê Văn Nam");
        var duc = await HouseholdIdAsync(Mini.V11, "Nguyễn Văn Đức");
        var service = VillageLeaderVisits;
        await service.LogVisitAsync(Visit(nam, memberId, on: Today.AddDays(-5)));
        await service.LogVisitAsync(Visit(duc, memberId, on: Today.AddDays(-1)));

        var recent = await service.RecentlyVisitedAsync(Mini.V11.Id, 10);
        Assert.Equal(["Nguyễn Văn Đức", "Lê Văn Nam"], recent.Select(r => r.HeadName));
        Assert.Single(await service.RecentlyVisitedAsync(Mini.V11.Id, 1));
        Assert.Empty(await service.RecentlyVisitedAsync(Mini.V12.Id, 10));
    }
}

public sealed class SqliteHouseholdServiceTests() : HouseholdServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlHouseholdServiceTests() : HouseholdServiceTests(DatabaseProvider.PostgreSql);
