using ClosedXML.Excel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Accounts;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Dashboards;
using BacGiang.Cnscd.Core.Features.Reports;
using BacGiang.Cnscd.Core.Features.Restructuring;
using BacGiang.Cnscd.Core.Features.Teams;
using BacGiang.Cnscd.Core.Seeding;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.IntegrationTests.Restructuring;

/// <summary>
/// The real 2025 merger map applied to a generated province (every commune and village of the official list, households,
/// visits, teams and accounts), then undone, on both engines: nothing is lost, nothing current stays under a closed unit,
/// accounts follow the tree, the summaries verify, and undo gives back every table as it was.
/// </summary>
public abstract class RestructuringApplyTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateOnly Effective = new(2025, 7, 1);

    private TestDatabase _database = null!;
    private int _provinceId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateSystemContext();
        await new ProvinceSeeder(db).SeedAsync(new SeedOptions
        {
            Households = 1_200, CommunesWithHouseholdsPerDistrict = 1, VisitsPerHousehold = 2, Today = db.Clock.Today,
        }, null, CancellationToken.None);
        _provinceId = await db.Units.Where(u => u.Level == UnitLevel.Province).Select(u => u.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Actor Admin => new("admin-1", "admin@bacgiang.gov.vn", _provinceId, DataScope.WholeProvince, Role: AppRole.ProvinceAdmin);

    private RestructuringService Service() => CoreServices.Create<RestructuringService>(new ActorContextFactory(_database, Admin));

    private static MemoryStream RealPlan() => new(ReadPlan());

    private static byte[] ReadPlan()
    {
        using var plan = AdminUnitCatalog.MergerPlan2025();
        using var copy = new MemoryStream();
        plan.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task RealPlan_MovesEverythingIntoTheNewCommunes_KeepsEveryTotal_AndUndoGivesBackEveryTable()
    {
        var accounts = await AddAccountsAsync();
        var tablesBefore = await TablesAsync();
        var indexesBefore = await IndexesAsync();
        var countsBefore = await CountsAsync();
        var dashboardBefore = await ProvinceHouseholdFiguresAsync();
        // A new commune whose predecessors have households (the seed fills one commune per district).
        var withHouseholds = await NewCodeOfACommuneWithHouseholdsAsync();
        var predecessorsTrend = await TrendOfAsync(await OldCommunesOfAsync(withHouseholds));

        var result = await Service().ApplyAsync(RealPlan(), Effective);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => $"{e.Row}: {e.Message}")));
        Assert.NotNull(result.JournalId);
        await using (var db = _database.CreateSystemContext())
        {
            // Nothing lost: the same households, visits, skills and memberships; 58 commune teams more.
            var countsAfter = await CountsAsync();
            Assert.Equal(countsBefore with { Teams = countsBefore.Teams + 58 }, countsAfter);

            // The tree: 58 new communes under the province, renamed Bắc Ninh; every current village under one of them.
            var opened = await db.Units.Where(u => u.ValidFrom == Effective).ToListAsync();
            Assert.Equal(58, opened.Count);
            Assert.All(opened, c => Assert.Equal((UnitLevel.Commune, _provinceId, (int?)null, (int?)c.Id), (c.Level, c.ParentId!.Value, c.DistrictId, c.CommuneId)));
            Assert.Equal("Tỉnh Bắc Ninh", (await db.Units.SingleAsync(u => u.Id == _provinceId)).Name);
            var closed = await db.Units.Where(u => u.ValidTo == Effective.AddDays(-1)).ToListAsync();
            Assert.Equal((10, 195), (closed.Count(u => u.Level == UnitLevel.District), closed.Count(u => u.Level == UnitLevel.Commune)));
            Assert.All(closed.Where(u => u.Level == UnitLevel.Commune), c => Assert.Contains(opened, o => o.Id == c.SuccessorId));
            var openedIds = opened.Select(o => o.Id).ToHashSet();
            var currentVillages = await db.Units.Where(u => u.Level == UnitLevel.Village && u.ValidTo == null).ToListAsync();
            Assert.NotEmpty(currentVillages);
            Assert.All(currentVillages, v => Assert.True(openedIds.Contains(v.ParentId!.Value) && v.CommuneId == v.ParentId && v.DistrictId is null));

            // No current row under a closed unit: every row of a village carries the village's new ancestry.
            var closedIds = closed.Select(u => u.Id).ToList();
            Assert.Equal(0, await db.Households.CountAsync(h => h.DistrictId != null || closedIds.Contains(h.CommuneId!.Value)));
            Assert.Equal(0, await db.HouseholdVisits.CountAsync(v => v.DistrictId != null || closedIds.Contains(v.CommuneId!.Value)));
            Assert.Equal(0, await db.VillageSummaries.CountAsync(s => s.DistrictId != null || closedIds.Contains(s.CommuneId!.Value)));
            Assert.Equal(0, await db.VillageQuarterSummaries.CountAsync(s => s.DistrictId != null || closedIds.Contains(s.CommuneId!.Value)));
            Assert.Equal(0, await db.Teams.CountAsync(t => t.ClosedOn == null && (t.DistrictId != null || closedIds.Contains(t.UnitId))));
            Assert.Equal(0, await db.TeamMembers.CountAsync(m => m.EndDate == null && (m.DistrictId != null || closedIds.Contains(m.CommuneId!.Value))));

            // The old commune teams are closed with their rosters kept (ended the day before); one new team per new commune.
            var oldTeams = await db.Teams.Where(t => closedIds.Contains(t.UnitId)).ToListAsync();
            Assert.Equal(195, oldTeams.Count);
            Assert.All(oldTeams, t => Assert.Equal(Effective.AddDays(-1), t.ClosedOn));
            Assert.Equal(58, await db.Teams.CountAsync(t => openedIds.Contains(t.UnitId) && t.Level == UnitLevel.Commune));
            Assert.True(await db.TeamMembers.AnyAsync(m => closedIds.Contains(m.UnitId) && m.EndDate == Effective.AddDays(-1)));

            // Accounts follow the tree; every one of them must sign in again.
            var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id);
            var bacGiang = opened.Single(c => c.Code == "07210");
            Assert.Equal(bacGiang.Id, users[accounts.CommuneOfficer.Id].UnitId);
            Assert.False(users[accounts.DistrictOfficer.Id].IsActive);
            Assert.Equal((accounts.VillageLeader.UnitId, true), (users[accounts.VillageLeader.Id].UnitId, users[accounts.VillageLeader.Id].IsActive));
            Assert.All(accounts.All, a => Assert.NotEqual(a.SecurityStamp, users[a.Id].SecurityStamp));
            Assert.Equal(["district@bacgiang.gov.vn"], result.Preview!.DistrictAccountsToDisable);
            // Even a session that has not been re-checked yet sees nothing of a closed district.
            Assert.True((await UnitScopeResolver.ResolveAsync(db, AppRole.DistrictOfficer, accounts.DistrictOfficer.UnitId)).IsNothing);
            var communeScope = await UnitScopeResolver.ResolveAsync(db, AppRole.CommuneOfficer, bacGiang.Id);
            Assert.Equal((null, bacGiang.Id), (communeScope.DistrictId, communeScope.CommuneId));
            var audited = await db.AuditEntries.Where(a => a.EntityType == nameof(AppUser)).Select(a => a.EntityId).ToListAsync();
            Assert.All(accounts.All, a => Assert.Contains(a.Id, audited));
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.Restructure));

            // The summaries agree with the households, and the province's household figures did not move.
            var verification = await SummaryMaintenance.VerifyAsync(db, repair: false, db.Clock.UtcNow);
            Assert.Empty(verification.Differences);
        }

        Assert.Equal(dashboardBefore, await ProvinceHouseholdFiguresAsync());
        // The new commune's trend is its predecessors' history, quarter by quarter (their villages' snapshots moved with them).
        int bacGiangId;
        await using (var db = _database.CreateSystemContext())
        {
            bacGiangId = await db.Units.Where(u => u.Code == withHouseholds && u.ValidFrom == Effective).Select(u => u.Id).SingleAsync();
        }

        Assert.Equal(predecessorsTrend, await TrendOfAsync([bacGiangId]));
        Assert.True(predecessorsTrend.Total > 0, "the predecessors had households in their trend");
        // On PostgreSQL the big tables' indexes were rebuilt around the move: they are back exactly as the migrations made them.
        Assert.Equal(indexesBefore, await IndexesAsync());

        // Applying the same plan again is refused, row by row, and changes nothing.
        var again = await Service().ApplyAsync(RealPlan(), Effective);
        Assert.False(again.Succeeded);
        Assert.Contains(again.Errors, e => e.Message.Contains("kế hoạch này đã được áp dụng", StringComparison.Ordinal));

        var undone = await Service().UndoAsync(result.JournalId!.Value);

        Assert.True(undone.Succeeded, undone.Error);
        AssertSameTables(tablesBefore, await TablesAsync());
        Assert.False((await Service().UndoAsync(result.JournalId.Value)).Succeeded);
        var journals = await Service().ListAsync();
        Assert.True(Assert.Single(journals).IsUndone);
    }

    [Fact]
    public async Task AQ2Report_KeepsTheOldTreeAndItsFigures_AndAQ3CommuneReport_GoesToTheDepartment()
    {
        AdministrativeUnit thoXuong, district, province;
        await using (var db = _database.CreateSystemContext())
        {
            thoXuong = await db.Units.SingleAsync(u => u.Code == "07201");
            district = await db.Units.SingleAsync(u => u.Id == thoXuong.ParentId);
            province = await db.Units.SingleAsync(u => u.Id == _provinceId);
        }

        var narrative = new ReportNarrative("Đã hướng dẫn các hộ.", "Sóng yếu ở hai thôn.", "Đề nghị hỗ trợ thiết bị.");
        var submitted = await Workflow(thoXuong).SubmitAsync(thoXuong.Id, 2025, 2, narrative, 0);
        Assert.True(submitted.Succeeded, submitted.Error);
        Assert.True((await Workflow(district).ApproveAsync(submitted.Value!.ReportId, submitted.Value.Version)).Succeeded);
        var q2Before = await Reports(province).GetAsync(thoXuong.Id, 2025, 2);

        Assert.True((await Service().ApplyAsync(RealPlan(), Effective)).Succeeded);

        // Q2 2025 stays the old commune's, under its (closed) district, with the figures it was approved with.
        var q2 = await Reports(province).GetAsync(thoXuong.Id, 2025, 2);
        Assert.Equal(("Phường Thọ Xương", ReportStatus.Approved, true), (q2!.UnitName, q2.Status, q2.FiguresFrozen));
        Assert.Equal(JsonSerializer.Serialize(q2Before!.Figures), JsonSerializer.Serialize(q2.Figures));

        // Q3 2025: the new commune reports straight to the province, which reviews it.
        AdministrativeUnit bacGiang;
        await using (var db = _database.CreateSystemContext())
        {
            bacGiang = await db.Units.SingleAsync(u => u.Code == "07210" && u.ValidFrom == Effective);
        }

        var q3 = await Workflow(bacGiang).SubmitAsync(bacGiang.Id, 2025, 3, narrative, 0);
        Assert.True(q3.Succeeded, q3.Error);
        var seenByProvince = await Reports(province).GetAsync(bacGiang.Id, 2025, 3);
        Assert.True(seenByProvince!.CanReview);
        Assert.True((await Workflow(province).ApproveAsync(q3.Value!.ReportId, q3.Value.Version)).Succeeded);
        // The province's own report for the quarter lists the communes as its children.
        var children = await Reports(province).ChildrenAsync(province.Id, 2025, 3, new PageRequest(0, 100));
        Assert.Contains(children.Items, c => c.UnitId == bacGiang.Id && c.Status == ReportStatus.Approved);
        Assert.DoesNotContain(children.Items, c => c.UnitId == district.Id);

        // The Department sets the communes' deadline for Q4 (default the 15th), and the new commune's report takes it;
        // the province's own report stays due on the 20th.
        Assert.Equal(new DateOnly(2025, 12, 15), (await Reports(bacGiang).GetAsync(bacGiang.Id, 2025, 4))!.DueDate);
        var deadline = await Workflow(province).SetCommuneDeadlineAsync(province.Id, 2025, 4, new DateOnly(2025, 12, 10));
        Assert.True(deadline.Succeeded, deadline.Error);
        Assert.Equal(new DateOnly(2025, 12, 10), (await Reports(bacGiang).GetAsync(bacGiang.Id, 2025, 4))!.DueDate);
        await using (var db = _database.CreateSystemContext())
        {
            var own = await db.QuarterlyReports.SingleAsync(r => r.UnitId == province.Id && r.Year == 2025 && r.Quarter == 4);
            Assert.Equal((new DateOnly(2025, 12, 20), (DateOnly?)new DateOnly(2025, 12, 10)), (own.DueDate, own.ChildrenDueDate));
        }

        // The documents carry the names and tree of their quarter: Q2 the old province's name, its districts and the
        // commune writing to its district; Q3 the renamed province, its communes, and a commune writing to the Department.
        Assert.Equal("Thành phố Bắc Giang", district.Name);
        using (var q2Province = await ExportAsync(province, 2025, 2))
        {
            Assert.Equal(("UBND TỈNH BẮC GIANG", "Kính gửi: Ủy ban nhân dân tỉnh Bắc Giang", "Huyện, thị xã, thành phố"), Header(q2Province));
        }

        using (var q3Province = await ExportAsync(province, 2025, 3))
        {
            Assert.Equal(("UBND TỈNH BẮC NINH", "Kính gửi: Ủy ban nhân dân tỉnh Bắc Ninh", "Xã, phường"), Header(q3Province));
        }

        // The closed commune's report, read by the Department (its district's accounts are disabled).
        using (var q2Commune = await ExportAsync(thoXuong, 2025, 2, reader: province))
        {
            Assert.Equal(("UBND PHƯỜNG THỌ XƯƠNG", "Kính gửi: Ủy ban nhân dân thành phố Bắc Giang", "Thôn, tổ dân phố"), Header(q2Commune));
        }

        using (var q3Commune = await ExportAsync(bacGiang, 2025, 3))
        {
            Assert.Equal("Kính gửi: Sở Khoa học và Công nghệ", Header(q3Commune).Recipient);
        }

        // A commune cannot set it for the province: the province lies outside its scope (refused and audited).
        await Assert.ThrowsAsync<ScopeViolationException>(() => Workflow(bacGiang).SetCommuneDeadlineAsync(province.Id, 2025, 4, new DateOnly(2025, 12, 1)));
    }

    private async Task<XLWorkbook> ExportAsync(AdministrativeUnit unit, int year, int quarter, AdministrativeUnit? reader = null)
    {
        reader ??= unit;
        var service = CoreServices.Create<ReportExportService>(new ActorContextFactory(_database, MiniProvince.ActorFor(reader, "export-" + reader.Code)),
            Options.Create(new ReportOptions()));
        return new XLWorkbook(new MemoryStream((await service.ExportAsync(unit.Id, year, quarter)).Content));
    }

    private static (string IssuingBody, string Recipient, string ChildColumn) Header(XLWorkbook workbook)
    {
        var sheet = workbook.Worksheet(ReportWorkbook.SheetName);
        return (sheet.Cell("A1").GetString(), sheet.Cell("A8").GetString(), sheet.Cell(ReportWorkbook.TableHeaderRow, 2).GetString());
    }

    private ReportWorkflowService Workflow(AdministrativeUnit unit) =>
        CoreServices.Create<ReportWorkflowService>(new ActorContextFactory(_database, MiniProvince.ActorFor(unit, "officer-" + unit.Code)));

    private ReportQueryService Reports(AdministrativeUnit unit) =>
        CoreServices.Create<ReportQueryService>(new ActorContextFactory(_database, MiniProvince.ActorFor(unit, "reader-" + unit.Code)));

    [Fact]
    public async Task TheDashboardOfADayBeforeTheReform_ShowsTheDistrictsAndTheirFigures_BeforeAndAfterTheApply()
    {
        // Q2 2025 as the snapshots had it: each village's figures of today, minus one household where it had any, so
        // that the day's figures differ from today's.
        await using (var db = _database.CreateSystemContext())
        {
            var (year, quarter) = SummaryMaintenance.QuarterOf(db.Clock.UtcNow);
            var current = await db.VillageQuarterSummaries.AsNoTracking().Where(s => s.Year == year && s.Quarter == quarter).ToListAsync();
            db.VillageQuarterSummaries.AddRange(current.Select(s =>
            {
                var q2 = new VillageQuarterSummary { UnitId = s.UnitId, Year = 2025, Quarter = 2 };
                HouseholdCounts.From(s).CopyTo(q2);
                q2.Households = Math.Max(0, s.Households - 1);
                return q2;
            }));
            await db.SaveChangesAsync();
        }

        var dayBefore = Effective.AddDays(-1);
        var provinceBefore = await PastDashboardAsync(null, dayBefore);
        var district = provinceBefore.Children.First(c => c.Figures.HouseholdTotal > 0);
        var districtBefore = await PastDashboardAsync(district.UnitId, dayBefore);
        Assert.Equal(10, provinceBefore.Children.Count);
        Assert.All(provinceBefore.Children, c => Assert.Equal(UnitLevel.District, c.Level));
        Assert.True(provinceBefore.Totals.HouseholdTotal > 0, "the day has household figures");
        Assert.True(provinceBefore.History!.HasSnapshots);
        Assert.NotEqual((await Dashboards().GetAsync(null))!.Totals.HouseholdTotal, provinceBefore.Totals.HouseholdTotal);

        Assert.True((await Service().ApplyAsync(RealPlan(), Effective)).Succeeded);

        // The same day reads the same after the apply: the ten districts, their communes, the same figures, the old name.
        Assert.Equal(Signature(provinceBefore), Signature(await PastDashboardAsync(null, dayBefore)));
        Assert.Equal(Signature(districtBefore), Signature(await PastDashboardAsync(district.UnitId, dayBefore)));
        Assert.Equal("Tỉnh Bắc Giang", (await PastDashboardAsync(null, dayBefore)).Name);
        Assert.All(districtBefore.Children, c => Assert.Equal(UnitLevel.Commune, c.Level));

        // Today's dashboard is the new tree: 58 communes under Tỉnh Bắc Ninh.
        var today = (await Dashboards().GetAsync(null))!;
        Assert.Equal(("Tỉnh Bắc Ninh", 58), (today.Name, today.Children.Count));
        Assert.All(today.Children, c => Assert.Equal(UnitLevel.Commune, c.Level));

        // A new commune did not exist the day before; from the effective date it has its villages.
        var bacGiang = today.Children.Single(c => c.Code == "07210");
        var notYet = await PastDashboardAsync(bacGiang.UnitId, dayBefore);
        Assert.Equal((false, Effective), (notYet.History!.Existed, notYet.History.ValidFrom));
        Assert.Empty(notYet.Children);
        var first = await PastDashboardAsync(bacGiang.UnitId, Effective);
        Assert.True(first.History!.Existed);
        Assert.NotEmpty(first.Children);
        Assert.All(first.Children, c => Assert.Equal(UnitLevel.Village, c.Level));
    }

    private DashboardService Dashboards() => CoreServices.Create<DashboardService>(new ActorContextFactory(_database, Admin));

    private async Task<DashboardView> PastDashboardAsync(int? unitId, DateOnly on) =>
        (await CoreServices.Create<DashboardHistoryService>(new ActorContextFactory(_database, Admin)).GetAsync(unitId, on))!;

    private static string Signature(DashboardView view) =>
        $"{view.Name}|{view.Level}|{string.Join(",", HouseholdCounts.Counters.Select(c => view.Totals.Households[c]))}|"
        + string.Join(";", view.Children.Select(c => $"{c.Code}:{c.Name}:{c.Level}:{string.Join(",", HouseholdCounts.Counters.Select(k => c.Figures.Households[k]))}"));

    [Fact]
    public async Task ANewCommunesTeam_IsOfferedItsPredecessorsLastRosters_AndTakesThemAsTheSamePeople()
    {
        var oldIds = await OldCommunesOfAsync("07210");
        List<(int PersonId, TeamPosition Position)> handedOver;
        await using (var db = _database.CreateSystemContext())
        {
            handedOver = (await db.TeamMembers.Where(m => oldIds.Contains(m.UnitId) && m.EndDate == null && m.Team!.Level == UnitLevel.Commune)
                .Select(m => new { m.PersonId, m.Position }).ToListAsync()).Select(m => (m.PersonId, m.Position)).ToList();
        }

        Assert.NotEmpty(handedOver);
        Assert.True((await Service().ApplyAsync(RealPlan(), Effective)).Succeeded);
        AdministrativeUnit bacGiang;
        int teamId, peopleBefore;
        await using (var db = _database.CreateSystemContext())
        {
            bacGiang = await db.Units.SingleAsync(u => u.Code == "07210" && u.ValidFrom == Effective);
            teamId = await db.Teams.Where(t => t.UnitId == bacGiang.Id).Select(t => t.Id).SingleAsync();
            peopleBefore = await db.People.CountAsync();
            // The old commune-level people live in the new commune now (its scope), so the merge finds them.
            Assert.Equal(0, await db.People.CountAsync(p => oldIds.Contains(p.UnitId)));
        }

        var officer = MiniProvince.ActorFor(bacGiang, "officer-07210");
        var merge = CoreServices.Create<TeamMergeService>(new ActorContextFactory(_database, officer));
        var analysis = (await merge.AnalysePredecessorsAsync(teamId))!;

        Assert.Empty(analysis.RowErrors);
        Assert.Equal(handedOver.Select(h => h.PersonId).Distinct().Order(), analysis.Candidates.Select(c => c.PersonId!.Value).Order());
        Assert.All(analysis.Candidates, c => Assert.Equal(MergeSource.PredecessorTeam, c.Source));
        Assert.Contains(analysis.Candidates, c => c.Position == TeamPosition.Leader);
        var applied = await merge.ApplyAsync(teamId, analysis.Candidates, Effective, analysis.Version);
        Assert.True(applied.Succeeded, applied.Error);
        await using (var db = _database.CreateSystemContext())
        {
            // The same people serve on the new team: no second row for anyone.
            Assert.Equal(peopleBefore, await db.People.CountAsync());
            var members = await db.TeamMembers.Where(m => m.TeamId == teamId && m.EndDate == null).Select(m => m.PersonId).ToListAsync();
            Assert.Equal(analysis.Candidates.Select(c => c.PersonId!.Value).Order(), members.Order());
        }

        // A commune with no predecessor (a commune of the old tree has none) is told so.
        await using (var db = _database.CreateSystemContext())
        {
            var oldTeam = await db.Teams.FirstAsync(t => oldIds.Contains(t.UnitId));
            var admin = CoreServices.Create<TeamMergeService>(new ActorContextFactory(_database, Admin));
            Assert.Equal([TeamMergeService.NoPredecessorsMessage], (await admin.AnalysePredecessorsAsync(oldTeam.Id))!.RowErrors);
        }
    }

    [Fact]
    public async Task Undo_IsRefused_OnceAMemberJoinsANewCommuneTeam()
    {
        var result = await Service().ApplyAsync(RealPlan(), Effective);
        Assert.True(result.Succeeded);
        await using (var db = _database.CreateSystemContext())
        {
            var team = await db.Teams.SingleAsync(t => db.Units.Any(u => u.Id == t.UnitId && u.Code == "07210" && u.ValidFrom == Effective));
            var person = new Person { UnitId = team.UnitId, FullName = "Nguyễn Văn Mới", FullNameSearch = "nguyen van moi" };
            db.People.Add(person);
            await db.SaveChangesAsync();
            db.TeamMembers.Add(new TeamMember
            {
                TeamId = team.Id, UnitId = team.UnitId, PersonId = person.Id, Position = TeamPosition.Member, StartDate = new DateOnly(2025, 7, 2),
            });
            await db.SaveChangesAsync();
        }

        var before = await TablesAsync();
        var undone = await Service().UndoAsync(result.JournalId!.Value);

        Assert.False(undone.Succeeded);
        Assert.Contains("Đã có dữ liệu mới ghi vào các xã mới (tổ Công nghệ số cộng đồng của xã mới)", undone.Error, StringComparison.Ordinal);
        AssertSameTables(before, await TablesAsync());
    }

    [Fact]
    public async Task AFailureHalfway_LeavesTheDatabaseAsItWas()
    {
        var before = await TablesAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Service().ApplyAsync(RealPlan(), Effective, new FailAt(RestructuringStep.UnitsClosed)));

        AssertSameTables(before, await TablesAsync());
        await using var db = _database.CreateSystemContext();
        Assert.Equal(0, await db.RestructuringJournals.CountAsync());
        Assert.True((await Service().ApplyAsync(RealPlan(), Effective)).Succeeded);
    }

    /// <summary>Stops an apply by throwing from its progress report at one step (after the steps before it have written).</summary>
    private sealed class FailAt(RestructuringStep step) : IProgress<RestructuringStep>
    {
        public void Report(RestructuringStep value)
        {
            if (value == step)
            {
                throw new InvalidOperationException("stopped halfway by the test");
            }
        }
    }

    private sealed record Accounts(AppUser CommuneOfficer, AppUser VillageLeader, AppUser DistrictOfficer)
    {
        public IEnumerable<AppUser> All => [CommuneOfficer, VillageLeader, DistrictOfficer];
    }

    private async Task<Accounts> AddAccountsAsync()
    {
        await using var db = _database.CreateSystemContext();
        var thoXuong = await db.Units.SingleAsync(u => u.Code == "07201");
        var village = await db.Units.FirstAsync(u => u.ParentId == thoXuong.Id);
        AppUser Account(string email, AppRole role, int unitId) => new()
        {
            UserName = email, Email = email, FullName = email, Role = role, UnitId = unitId, SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        var accounts = new Accounts(Account("commune@bacgiang.gov.vn", AppRole.CommuneOfficer, thoXuong.Id),
            Account("village@bacgiang.gov.vn", AppRole.VillageLeader, village.Id),
            Account("district@bacgiang.gov.vn", AppRole.DistrictOfficer, thoXuong.DistrictId!.Value));
        db.Users.AddRange(accounts.All);
        await db.SaveChangesAsync();
        return accounts;
    }

    private sealed record Counts(int Households, int Visits, int Skills, int Members, int People, int Teams, int Villages, int SummaryHouseholds);

    private async Task<Counts> CountsAsync()
    {
        await using var db = _database.CreateSystemContext();
        return new Counts(await db.Households.CountAsync(), await db.HouseholdVisits.CountAsync(),
            await db.Households.SelectMany(h => h.Skills).CountAsync(), await db.TeamMembers.CountAsync(), await db.People.CountAsync(),
            await db.Teams.CountAsync(), await db.Units.CountAsync(u => u.Level == UnitLevel.Village),
            await db.VillageSummaries.SumAsync(s => s.Households));
    }

    private async Task<List<int>> OldCommunesOfAsync(string newCode)
    {
        var oldCodes = Encoding.UTF8.GetString(ReadPlan()).Split('\n').Skip(1).Select(l => l.Split(','))
            .Where(f => f.Length == 6 && f[4] == newCode).Select(f => f[0]).ToList();
        await using var db = _database.CreateSystemContext();
        return await db.Units.Where(u => oldCodes.Contains(u.Code) && u.Level == UnitLevel.Commune).Select(u => u.Id).ToListAsync();
    }

    private async Task<string> NewCodeOfACommuneWithHouseholdsAsync()
    {
        await using var db = _database.CreateSystemContext();
        var communeId = await db.Households.OrderBy(h => h.Id).Select(h => h.CommuneId).FirstAsync();
        var code = await db.Units.Where(u => u.Id == communeId).Select(u => u.Code).SingleAsync();
        return Encoding.UTF8.GetString(ReadPlan()).Split('\n').Select(l => l.Split(',')).Single(f => f[0] == code)[4];
    }

    /// <summary>The summed household trend of some units over the last eight quarters, as text, and its household total.</summary>
    private async Task<(string Text, int Total)> TrendOfAsync(IReadOnlyList<int> unitIds)
    {
        var dashboards = CoreServices.Create<DashboardService>(new ActorContextFactory(_database, Admin));
        var points = new List<TrendPoint>();
        foreach (var id in unitIds)
        {
            points.AddRange(await dashboards.GetTrendAsync(id, quarters: 8));
        }

        return (string.Join(";", points.GroupBy(p => (p.Year, p.Quarter)).OrderBy(g => g.Key)
            .Select(g => $"{g.Key.Year}Q{g.Key.Quarter}:Households={g.Sum(p => p.Households)},Covered={g.Sum(p => p.Covered)},Vneid={g.Sum(p => p.VneidLevel2)}")),
            points.Sum(p => p.Households));
    }

    private async Task<string> ProvinceHouseholdFiguresAsync()
    {
        var dashboards = CoreServices.Create<DashboardService>(new ActorContextFactory(_database, Admin));
        var view = await dashboards.GetAsync(null);
        return string.Join(",", HouseholdCounts.Counters.Select(c => $"{c}={view!.Totals.Households[c]}"));
    }

    private Task<Dictionary<string, List<string>>> TablesAsync() => DatabaseTables.ReadAsync(_database);

    /// <summary>Every index of the schema with its definition, as the engine's catalogue gives it.</summary>
    private async Task<List<string>> IndexesAsync()
    {
        await using var db = _database.CreateSystemContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = provider == DatabaseProvider.Sqlite
            ? "SELECT name || ':' || COALESCE(sql, '') FROM sqlite_master WHERE type = 'index'"
            : "SELECT indexname || ':' || indexdef FROM pg_indexes WHERE schemaname = current_schema()";
        await using var reader = await command.ExecuteReaderAsync();
        var indexes = new List<string>();
        while (await reader.ReadAsync())
        {
            indexes.Add(reader.GetString(0));
        }

        Assert.True(indexes.Count > 50, "the schema's indexes were read");
        return [.. indexes.Order(StringComparer.Ordinal)];
    }

    private static void AssertSameTables(Dictionary<string, List<string>> expected, Dictionary<string, List<string>> actual) =>
        DatabaseTables.AssertSame(expected, actual);
}

public sealed class SqliteRestructuringApplyTests() : RestructuringApplyTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlRestructuringApplyTests() : RestructuringApplyTests(DatabaseProvider.PostgreSql);
