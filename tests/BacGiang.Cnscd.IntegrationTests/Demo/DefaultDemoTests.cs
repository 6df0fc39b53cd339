using System.Net;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Dashboards;
using BacGiang.Cnscd.Core.Features.Reports;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using BacGiang.Cnscd.Testing;
using BacGiang.Cnscd.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BacGiang.Cnscd.IntegrationTests.Demo;

/// <summary>
/// The demo as <c>dotnet run</c> seeds it (issue 12, deliverable 7): today's province → commune → village, with the two
/// quarters before 1 July 2025 reported and approved through the 2023 tree, and the logins the README lists.
/// </summary>
public abstract class DefaultDemoTests(DefaultDemoPortalFactory factory)
{
    [Fact]
    public async Task TheTreeIsTodays_CommunesUnderTheProvince_DistrictsClosedNotDeleted()
    {
        await using var db = CreateSystemContext();
        var province = await db.Units.SingleAsync(u => u.Level == UnitLevel.Province);
        var current = db.Units.Where(u => u.ValidTo == null);

        Assert.Equal("Tỉnh Bắc Ninh", province.Name);
        Assert.Equal(0, await current.CountAsync(u => u.Level == UnitLevel.District));
        Assert.Equal(58, await current.CountAsync(u => u.Level == UnitLevel.Commune && u.ParentId == province.Id));
        Assert.Equal(10, await db.Units.CountAsync(u => u.Level == UnitLevel.District && u.ValidTo == new DateOnly(2025, 6, 30)));
        // Every current village hangs under a current commune, and the summaries agree with the households.
        Assert.False(await current.AnyAsync(v => v.Level == UnitLevel.Village && db.Units.Any(c => c.Id == v.ParentId && c.ValidTo != null)));
        Assert.True((await SummaryMaintenance.VerifyAsync(db, repair: false, DateTime.UtcNow)).IsClean);
    }

    [Fact]
    public async Task TheQuartersBeforeTheReform_WereReportedThroughTheDistrict_AndApproved_WithFrozenFigures()
    {
        await using var db = CreateSystemContext();
        // The new Xã Lục Nam took over the code 07444 (the official map keeps it); Thị trấn Đồi Ngô is the closed one.
        var doiNgo = await db.Units.SingleAsync(u => u.Code == "07444" && u.ValidTo != null);
        var lucNam = await db.Units.SingleAsync(u => u.Code == "218");
        var reports = await db.QuarterlyReports.AsNoTracking().Where(r => r.Year == 2025 && r.Quarter <= 2)
            .OrderBy(r => r.Quarter).ThenBy(r => r.UnitId).ToListAsync();

        Assert.Equal(DemoHistory.QuartersBeforeReform.Count * 2, reports.Count);
        foreach (var period in DemoHistory.QuartersBeforeReform)
        {
            var commune = Assert.Single(reports, r => r.UnitId == doiNgo.Id && r.Year == period.Year && r.Quarter == period.Quarter);
            var district = Assert.Single(reports, r => r.UnitId == lucNam.Id && r.Year == period.Year && r.Quarter == period.Quarter);
            // The commune's report still carries its district: the old tree, as it was on the report's date.
            Assert.Equal((ReportStatus.Approved, lucNam.Id), (commune.Status, commune.DistrictId));
            Assert.Equal(ReportStatus.Approved, district.Status);
            Assert.All([commune, district], r => Assert.False(string.IsNullOrEmpty(r.FiguresJson)));
            // Filed on time, in the quarter, as the workflow dates it: before the reform took effect.
            Assert.All([commune, district], r => Assert.True(r.SubmittedAtUtc!.Value < new DateTime(2025, 7, 1) && r.ReviewedAtUtc > r.SubmittedAtUtc));
            Assert.True(Core.Time.VietnamClock.DateOf(commune.SubmittedAtUtc!.Value) <= commune.DueDate);
        }
    }

    [Fact]
    public async Task TheProvincesReportList_ShowsTheDistrictsBeforeTheReform_AndTheNewCommunesAfter()
    {
        await using var scope = await SignedInScopeAsync("admin@demo.cnscd.vn");
        var reports = scope.ServiceProvider.GetRequiredService<ReportQueryService>();
        int provinceId;
        await using (var db = CreateSystemContext())
        {
            provinceId = await db.Units.Where(u => u.Level == UnitLevel.Province).Select(u => u.Id).SingleAsync();
        }

        var q2 = (await reports.ChildrenAsync(provinceId, 2025, 2, new PageRequest(0, 100))).Items;
        Assert.Equal(10, q2.Count);
        Assert.Equal(ReportStatus.Approved, Assert.Single(q2, c => c.UnitName == "Huyện Lục Nam").Status);

        var q4 = (await reports.ChildrenAsync(provinceId, 2026, 4, new PageRequest(0, 100))).Items;
        Assert.Equal(58, q4.Count);
        Assert.Contains(q4, c => c.UnitName == "Xã Lục Nam");
        Assert.DoesNotContain(q4, c => c.UnitName.StartsWith("Huyện", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDashboardOfTheDayBeforeTheReform_ShowsTheDistricts_AndTodaysShowsTheCommunes()
    {
        var client = PortalClient.Create(factory);
        var signIn = await PortalClient.SignInAsync(client, "admin@demo.cnscd.vn", DemoAccounts.Password, DemoAccounts.AdminAuthenticatorKey);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var past = await client.GetStringAsync("/dashboard?on=2025-06-30");
        Assert.Contains("Số liệu ngày 30/06/2025", past, StringComparison.Ordinal);
        Assert.Contains("Tỉnh Bắc Giang", past, StringComparison.Ordinal); // the province's name that day
        Assert.Contains("Huyện Lục Nam", past, StringComparison.Ordinal);
        Assert.Contains("Huyện, thị xã, thành phố", past, StringComparison.Ordinal);
        Assert.Contains("?on=2025-06-30", past, StringComparison.Ordinal);

        var today = await client.GetStringAsync("/dashboard");
        Assert.Contains("Xã Lục Nam", today, StringComparison.Ordinal);
        Assert.DoesNotContain("Huyện Lục Nam", today, StringComparison.Ordinal);
        Assert.Contains("Xã, phường", today, StringComparison.Ordinal);
        // A day the field cannot have sent is today's dashboard, not an error.
        Assert.DoesNotContain("Số liệu ngày", await client.GetStringAsync("/dashboard?on=30-06-2025"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLogins_FollowTheReform_TheCommuneOfficerInTheNewCommune_TheDistrictOfficerDisabled()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Web.Security.CurrentUser>().UseSystemActor("test");
        var logins = (await scope.ServiceProvider.GetRequiredService<DemoSeeder>().LoginsAsync(CancellationToken.None))
            .ToDictionary(l => l.Account.Email);

        Assert.Equal(DemoAccounts.All.Count, logins.Count);
        Assert.Equal(("Xã Lục Nam", true), (logins["xa@demo.cnscd.vn"].UnitName, logins["xa@demo.cnscd.vn"].Active));
        Assert.Equal(("Huyện Lục Nam", false), (logins["huyen@demo.cnscd.vn"].UnitName, logins["huyen@demo.cnscd.vn"].Active));
        Assert.Equal(("Tỉnh Bắc Ninh", true), (logins["admin@demo.cnscd.vn"].UnitName, logins["admin@demo.cnscd.vn"].Active));
        Assert.Contains("đã khóa", DemoSeeder.Describe(logins["huyen@demo.cnscd.vn"]), StringComparison.Ordinal);

        // The commune officer signs in and lands in the new commune; the district officer cannot sign in.
        var officer = PortalClient.Create(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.SignInAsync(officer, "xa@demo.cnscd.vn", DemoAccounts.Password)).StatusCode);
        Assert.Contains("Xã Lục Nam", await officer.GetStringAsync("/units"), StringComparison.Ordinal);
        var district = await PortalClient.SignInAsync(PortalClient.Create(factory), "huyen@demo.cnscd.vn", DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, district.StatusCode);
        Assert.Contains("tài khoản đã bị khóa", await district.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryCardOfTheProvinceDashboard_SaysSomething_AndTheTrendRises()
    {
        await using var scope = await SignedInScopeAsync("admin@demo.cnscd.vn");
        var dashboards = scope.ServiceProvider.GetRequiredService<DashboardService>();
        var view = (await dashboards.GetAsync(null))!;
        var totals = view.Totals;

        Assert.All(new[]
        {
            ("households", totals.HouseholdTotal), ("covered", totals.Covered), ("own", totals.Households[SummaryCounter.CoveredByOwnMember]),
            ("assisted", totals.Households[SummaryCounter.CoveredByAssistance]), ("vneid", totals.Households[SummaryCounter.VneidLevel2]),
            ("account", totals.Households[SummaryCounter.PublicServiceAccount]),
            ("unassigned", totals.Households[SummaryCounter.NeedsAssistanceUnassigned]), ("teams", totals.TeamsConstituted),
            ("governance", totals.TeamsGovernanceComplete), ("active", totals.TeamsActive), ("reports", totals.ReportsOnTime),
        }, card => Assert.True(card.Item2 > 0, $"the card “{card.Item1}” reads 0"));
        // Non-trivial: gaps as well as progress.
        Assert.InRange(totals.TeamsGovernanceComplete / (double)totals.Teams, 0.5, 0.8);
        Assert.True(totals.TeamsActive < totals.Teams, "every team active");
        Assert.True(totals.ReportsOnTime < totals.ReportsDue, "every report on time");

        var trend = await dashboards.GetTrendAsync(view.UnitId);
        Assert.Equal(6, trend.Count);
        Assert.All(trend.Zip(trend.Skip(1)), pair => Assert.True(pair.Second.Covered >= pair.First.Covered));
        Assert.InRange(trend[0].Covered, 1, (trend[^1].Covered / 2) - 1);
        Assert.Equal(totals.Covered, trend[^1].Covered);
    }

    [Fact]
    public async Task TheReportsSinceTheReform_ShowEveryState()
    {
        await using var db = CreateSystemContext();
        var today = Core.Time.VietnamClock.DateOf(DateTime.UtcNow);
        var current = ReportingPeriod.Containing(today);
        var communes = await db.Units.Where(u => u.Level == UnitLevel.Commune && u.ValidTo == null).Select(u => u.Id).ToListAsync();
        var reports = await db.QuarterlyReports.AsNoTracking().Include(r => r.Submissions)
            .Where(r => communes.Contains(r.UnitId)).ToListAsync();
        var past = reports.Where(r => r.Period != current).ToList();
        var now = reports.Where(r => r.Period == current).ToList();

        Assert.Equal(DemoHistory.QuartersSinceReform, past.Select(r => r.Period).Distinct().Count());
        Assert.All(past, r => Assert.Equal(ReportStatus.Approved, r.Status));
        Assert.Contains(past, r => Core.Time.VietnamClock.DateOf(r.Submissions.Min(s => s.SubmittedAtUtc)) > r.DueDate);  // late
        Assert.Contains(past, r => Core.Time.VietnamClock.DateOf(r.Submissions.Min(s => s.SubmittedAtUtc)) <= r.DueDate); // on time
        Assert.Contains(past, r => r.Submissions.Count == 2 && r.Submissions.Any(s => s.ReviewComment == DemoHistory.ReturnReason)); // two versions
        Assert.True(past.Count < communes.Count * DemoHistory.QuartersSinceReform, "no commune missed a quarter");          // missing
        if (Core.Time.VietnamClock.ToVietnam(DateTime.UtcNow) - current.Start.ToDateTime(TimeOnly.MinValue) < TimeSpan.FromHours(1))
        {
            Assert.Empty(now); // seeded in the quarter's first hour: nobody has started it yet
            return;
        }

        Assert.Contains(now, r => r.Status == ReportStatus.Submitted);
        Assert.Contains(now, r => r.Status == ReportStatus.Returned && r.ReviewComment == DemoHistory.ReturnReason);
        Assert.Contains(now, r => r.Status == ReportStatus.Draft);
        Assert.True(now.Count < communes.Count, "every commune has started today's report");
        Assert.All(reports, r => Assert.True(r.SubmittedAtUtc is null || r.SubmittedAtUtc <= DateTime.UtcNow, "a report filed in the future"));
    }

    [Fact]
    public async Task TheDepartmentSetEachCommunesTargets_AndTheDemoLeaderIsTheTeamsLeader()
    {
        await using var db = CreateSystemContext();
        var current = ReportingPeriod.Containing(Core.Time.VietnamClock.DateOf(DateTime.UtcNow));
        var admin = await db.Users.SingleAsync(u => u.Email == "admin@demo.cnscd.vn");
        var communes = await db.Units.CountAsync(u => u.Level == UnitLevel.Commune && u.ValidTo == null);
        var targets = await db.Targets.AsNoTracking().Where(t => t.DueDate == current.End).ToListAsync();
        Assert.Equal(communes * 2, targets.Count);
        Assert.All(targets, t => Assert.Equal(admin.Id, t.SetByUserId));

        var leader = await db.Users.SingleAsync(u => u.Email == "thon@demo.cnscd.vn");
        var member = await db.TeamMembers.Include(m => m.Person).SingleAsync(m => m.Id == leader.MemberId);
        Assert.Equal((TeamPosition.Leader, leader.FullName, leader.UnitId), (member.Position, member.Person!.FullName, member.UnitId));
    }

    [Fact]
    public async Task TheModelsLibrary_HasModelsAtEveryStep_AndTheVillageLeaderFindsTheMarketModelWithoutDiacritics()
    {
        await using (var db = CreateSystemContext())
        {
            var states = await db.PracticeModels.Select(m => m.Status).Distinct().ToListAsync();
            Assert.Equal(Enum.GetValues<PracticeStatus>().Except([PracticeStatus.Accepted]).Order(), states.Order());
        }

        await using var scope = await SignedInScopeAsync("thon@demo.cnscd.vn");
        var library = scope.ServiceProvider.GetRequiredService<Core.Features.Recognition.PracticeLibraryService>();
        var found = await library.SearchAsync(new Core.Features.Recognition.PracticeLibraryFilter("mo hinh thanh toan"), new PageRequest(0, 10));
        var market = Assert.Single(found.Items);
        Assert.True(market.Featured);
        // The demo commune's own model waits for the Department (communes sit under the province since the reform).
        await using var admin = await SignedInScopeAsync("admin@demo.cnscd.vn");
        var awaiting = await admin.ServiceProvider.GetRequiredService<Core.Features.Recognition.PracticeLibraryService>()
            .ListWorkAsync(new Core.Features.Recognition.PracticeWorkFilter(AwaitingMe: true), new PageRequest(0, 10));
        Assert.Contains(awaiting.Items, m => m.Title.StartsWith("Tổ CNSCĐ trực hướng dẫn dịch vụ công", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheAwards_HoldLastDxDaysCommendations_AndTheNextRoundWaitsForHomeAffairs()
    {
        await using (var db = CreateSystemContext())
        {
            var awarded = await db.AwardNominations.Where(n => n.Status == AwardStatus.Awarded).ToListAsync();
            Assert.Equal([AwardForm.ProvincialChairmanCertificate, AwardForm.CommuneChairmanCertificate], awarded.Select(n => n.ProposedForm).Order());
            Assert.All(awarded, n => Assert.Equal(AwardRound.DigitalTransformationDay(n.Year), n.AwardedOn));
            // Each step was dated on its own day: the decision in September, after Home Affairs' appraisal.
            var provincial = awarded.Single(n => n.ProposedForm == AwardForm.ProvincialChairmanCertificate);
            Assert.True(provincial.AppraisedOn < provincial.DecisionDate, "the appraisal precedes the decision");
            Assert.Equal(2, await db.AwardRounds.CountAsync());
        }

        // Home Affairs' appraiser finds the next round's nomination waiting for it, and its team's commendation shows.
        await using var db2 = CreateSystemContext();
        await using var appraiser = await SignedInScopeAsync("noivu@demo.cnscd.vn");
        var awards = appraiser.ServiceProvider.GetRequiredService<Core.Features.Recognition.AwardQueryService>();
        var next = await db2.AwardRounds.MaxAsync(r => r.Year);
        var waiting = await awards.ListAsync(new Core.Features.Recognition.AwardListFilter(next, AwaitingMe: true), new PageRequest(0, 10));
        Assert.Equal(AwardStatus.Selected, Assert.Single(waiting.Items).Status);
        await using var commune = await SignedInScopeAsync("xa@demo.cnscd.vn");
        var teamId = await db2.AwardNominations.Where(n => n.NomineeTeamId != null && n.Status == AwardStatus.Awarded).Select(n => n.NomineeTeamId!.Value).SingleAsync();
        var honours = await commune.ServiceProvider.GetRequiredService<Core.Features.Recognition.AwardQueryService>().HonoursOfTeamAsync(teamId);
        Assert.Equal("1520/QĐ-UBND", Assert.Single(honours).DecisionNumber);
    }

    /// <summary>A service scope acting as the demo account, with the claims it would have after signing in.</summary>
    private async Task<AsyncServiceScope> SignedInScopeAsync(string email)
    {
        _ = factory.Server;
        var scope = factory.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        scope.ServiceProvider.GetRequiredService<Web.Security.CurrentUser>().Set(principal);
        return scope;
    }

    private CnscdDbContext CreateSystemContext()
    {
        _ = factory.Server; // the host has started, so its start-up seeding has run
        return CnscdDatabase.CreateContext(factory.Services.GetRequiredService<DatabaseSettings>(), Actor.System("test"));
    }
}

public sealed class SqliteDefaultDemoTests(DefaultDemoPortalFactory factory) : DefaultDemoTests(factory), IClassFixture<DefaultDemoPortalFactory>;

public sealed class PostgreSqlDefaultDemoTests(PostgreSqlDefaultDemoPortalFactory factory) : DefaultDemoTests(factory), IClassFixture<PostgreSqlDefaultDemoPortalFactory>;
