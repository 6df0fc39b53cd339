using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Dashboards;
using BacGiang.Cnscd.Core.Features.Households;
using BacGiang.Cnscd.Core.Features.Teams;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.IntegrationTests.Dashboards;

/// <summary>The maintained village summaries against a full recount, on both engines.</summary>
public abstract class SummaryMaintenanceTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private async Task<Dictionary<int, int>> AddMembersAsync()
    {
        await using var db = Database.CreateSystemContext();
        var members = new Dictionary<int, TeamMember>();
        foreach (var village in Mini.Villages)
        {
            var team = await db.Teams.SingleAsync(t => t.UnitId == village.Id);
            var member = new TeamMember
            {
                UnitId = village.Id, TeamId = team.Id, Position = TeamPosition.Member, StartDate = new DateOnly(2025, 1, 1),
                Person = new Person { UnitId = village.Id, FullName = "Thành Viên " + village.Code, FullNameSearch = "thanh vien " + village.Code },
            };
            db.TeamMembers.Add(member);
            members[village.Id] = member;
        }

        await db.SaveChangesAsync();
        return members.ToDictionary(m => m.Key, m => m.Value.Id);
    }

    [Fact]
    public async Task RandomChangesThroughTheServices_LeaveSummariesEqualToAFullRecount()
    {
        var members = await AddMembersAsync();
        var villages = Mini.Villages.ToList();
        var random = new Random(20261128);
        var operations = new Dictionary<string, int>();
        for (var step = 0; step < 120; step++)
        {
            await using var system = Database.CreateSystemContext();
            var householdIds = await system.Households.Select(h => new { h.Id, h.UnitId }).ToListAsync();
            var pick = householdIds[random.Next(householdIds.Count)];
            var village = villages.Single(v => v.Id == pick.UnitId);
            var commune = Mini.Communes.Single(c => c.Id == village.ParentId);
            var visits = CoreServices.CreateOn<HouseholdVisitService>(Today, new ActorContextFactory(Database, MiniProvince.ActorFor(commune, "officer")));
            var assistance = CoreServices.CreateOn<HouseholdAssistanceService>(Today, new ActorContextFactory(Database, MiniProvince.ActorFor(commune, "officer")));
            var kind = random.Next(8);
            operations[kind.ToString(System.Globalization.CultureInfo.InvariantCulture)] = operations.GetValueOrDefault(kind.ToString(System.Globalization.CultureInfo.InvariantCulture)) + 1;
            switch (kind)
            {
                case 0 or 1: // a visit: skills, accounts, coverage
                    var skills = (DigitalSkills)random.Next(0, 32);
                    var visit = await visits.LogVisitAsync(new VisitRequest(Guid.NewGuid(), pick.Id, Today.AddDays(-random.Next(0, 30)),
                        members[village.Id], skills, random.Next(3) > 0, random.Next(3) > 0, null));
                    Assert.True(visit.Succeeded, visit.Error);
                    break;
                case 2: // assignment to the village's member, or cleared
                    var assigned = await assistance.AssignAsync([pick.Id], random.Next(2) == 0 ? members[village.Id] : null);
                    Assert.True(assigned.Succeeded, assigned.Error);
                    break;
                case 3: // assistance (coverage by assistance), as the household page will write it
                    var household = await system.Households.SingleAsync(h => h.Id == pick.Id);
                    household.SetAssistance(random.Next(3) > 0, random.Next(2) == 0 ? members[village.Id] : null);
                    await system.SaveChangesAsync();
                    break;
                case 4: // a new household in a random village
                    system.Households.Add(MiniProvince.NewHousehold(villages[random.Next(villages.Count)], "Hộ Mới " + step));
                    await system.SaveChangesAsync();
                    break;
                case 5: // a household removed (entered twice by mistake), with its visits
                    if (householdIds.Count > 4)
                    {
                        await system.HouseholdVisits.Where(v => v.HouseholdId == pick.Id).ExecuteDeleteAsync();
                        system.Households.Remove(await system.Households.SingleAsync(h => h.Id == pick.Id));
                        await system.SaveChangesAsync();
                    }

                    break;
                case 6: // a household moved to another village of the province, assignment cleared
                    var moved = await system.Households.SingleAsync(h => h.Id == pick.Id);
                    moved.UnitId = villages[random.Next(villages.Count)].Id;
                    moved.AssignedMemberId = null;
                    moved.SetAssistance(moved.NeedsAssistance, null);
                    await system.SaveChangesAsync();
                    break;
                default: // team changes (R2, R1) in the same village: they must not disturb the household figures
                    var teams = CoreServices.CreateOn<TeamService>(Today, new ActorContextFactory(Database, MiniProvince.ActorFor(commune, "officer")), Options.Create(new TeamOptions()));
                    var team = await system.Teams.SingleAsync(t => t.UnitId == village.Id);
                    team.LastActivityOn = Today.AddDays(-random.Next(200));
                    await system.SaveChangesAsync();
                    await teams.RecomputeConstitutedAsync(team.Id);
                    break;
            }
        }

        Assert.True(operations.Count >= 6, "the sequence exercises most kinds of change");
        await using var check = Database.CreateSystemContext();
        var result = await SummaryMaintenance.VerifyAsync(check, repair: false, DateTime.UtcNow);
        Assert.True(result.IsClean, SummaryReport.Format(result, repaired: false));
        Assert.Equal(Mini.Villages.Count(), result.VillagesChecked);
        // The figures are not trivially zero: the sequence covered households and assigned some.
        var totals = await check.VillageSummaries.SumAsync(s => s.CoveredByOwnMember + s.CoveredByAssistance + s.AssignedToMember);
        Assert.True(totals > 0);
        // The current quarter's snapshot received the same deltas as the summary.
        var (year, quarter) = SummaryMaintenance.QuarterOf(DateTime.UtcNow);
        var summaries = await check.VillageSummaries.ToDictionaryAsync(s => s.UnitId);
        foreach (var snapshot in await check.VillageQuarterSummaries.Where(q => q.Year == year && q.Quarter == quarter).ToListAsync())
        {
            Assert.Equal(summaries[snapshot.UnitId].Households, snapshot.Households);
            Assert.Equal(summaries[snapshot.UnitId].CoveredByOwnMember, snapshot.CoveredByOwnMember);
            Assert.Equal(summaries[snapshot.UnitId].AssignedToMember, snapshot.AssignedToMember);
        }
    }

    [Fact]
    public async Task AFailedSave_LeavesTheSummaryUntouched()
    {
        var members = await AddMembersAsync();
        await using var first = Database.CreateSystemContext();
        await using var second = Database.CreateSystemContext();
        var a = await first.Households.FirstAsync(h => h.UnitId == Mini.V11.Id);
        var b = await second.Households.SingleAsync(h => h.Id == a.Id);
        a.AssignedMemberId = members[Mini.V11.Id];
        await first.SaveChangesAsync();
        b.SetAccounts(true, true); // stale Version: the concurrency check refuses this save
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = Database.CreateSystemContext();
        var summary = await check.VillageSummaries.SingleAsync(s => s.UnitId == Mini.V11.Id);
        Assert.Equal(1, summary.AssignedToMember);
        Assert.Equal(0, summary.VneidLevel2);
        Assert.True((await SummaryMaintenance.VerifyAsync(check, repair: false, DateTime.UtcNow)).IsClean);
    }

    [Fact]
    public async Task Verify_ReportsEachDifference_AndRepairMakesItClean_Audited()
    {
        await using (var db = Database.CreateSystemContext())
        {
            // Tamper: a wrong count in V11, V12's row missing altogether.
            await db.VillageSummaries.Where(s => s.UnitId == Mini.V11.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Households, 7).SetProperty(x => x.VneidLevel2, 2));
            await db.VillageSummaries.Where(s => s.UnitId == Mini.V12.Id).ExecuteDeleteAsync();
        }

        await using (var db = Database.CreateSystemContext())
        {
            var report = await SummaryMaintenance.VerifyAsync(db, repair: false, DateTime.UtcNow);
            Assert.False(report.IsClean);
            Assert.Equal(0, report.VillagesRepaired);
            Assert.Contains(report.Differences, d => d.VillageId == Mini.V11.Id && d.Counter == "Households" && d.Stored == 7 && d.Actual == 3);
            Assert.Contains(report.Differences, d => d.VillageId == Mini.V11.Id && d.Counter == "VneidLevel2" && d.Stored == 2 && d.Actual == 0);
            Assert.Contains(report.Differences, d => d.VillageId == Mini.V12.Id && d.Counter == "Households" && d.Stored == 0 && d.Actual == 3);
            Assert.Equal(3, report.Differences.Count);
            var text = SummaryReport.Format(report, repaired: false);
            Assert.Contains($"thôn {Mini.V11.Code} ({Mini.V11.Id}) Households: đã lưu 7, thực tế 3", text, StringComparison.Ordinal);
            Assert.EndsWith("3 chênh lệch.", text, StringComparison.Ordinal);
        }

        await using (var db = Database.CreateSystemContext())
        {
            var repaired = await SummaryMaintenance.VerifyAsync(db, repair: true, DateTime.UtcNow);
            Assert.Equal(2, repaired.VillagesRepaired);
            Assert.Contains("đã sửa 2 thôn", SummaryReport.Format(repaired, repaired: true), StringComparison.Ordinal);
        }

        await using (var db = Database.CreateSystemContext())
        {
            Assert.True((await SummaryMaintenance.VerifyAsync(db, repair: false, DateTime.UtcNow)).IsClean);
            Assert.Equal(3, (await db.VillageSummaries.SingleAsync(s => s.UnitId == Mini.V12.Id)).Households);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(VillageSummary) && a.Action == AuditActions.Update));
        }
    }

    [Fact]
    public async Task Rebuild_GivesEveryVillageItsRow_EvenWithoutHouseholds()
    {
        int emptyVillageId;
        await using (var db = Database.CreateSystemContext())
        {
            var village = new AdministrativeUnit
            {
                Code = "07282-09", Name = "Thôn Mới Lập", Level = UnitLevel.Village, Kind = UnitKind.Village, ParentId = Mini.C2.Id,
                ValidFrom = new DateOnly(2026, 1, 1),
            };
            db.Units.Add(village);
            await db.SaveChangesAsync();
            emptyVillageId = village.Id;
            Assert.Equal(5, await SummaryMaintenance.RebuildAsync(db, DateTime.UtcNow));
        }

        await using var check = Database.CreateSystemContext();
        var empty = await check.VillageSummaries.SingleAsync(s => s.UnitId == emptyVillageId);
        Assert.Equal((Mini.C2.DistrictId, Mini.C2.Id, 0), (empty.DistrictId, empty.CommuneId, empty.Households));
        Assert.Equal(12, await check.VillageSummaries.SumAsync(s => s.Households));
        Assert.True((await SummaryMaintenance.VerifyAsync(check, repair: false, DateTime.UtcNow)).IsClean);
    }

    [Fact]
    public async Task Summaries_AreScopedLikeEveryUnitRow()
    {
        await using var db = Database.CreateContext(MiniProvince.ActorFor(Mini.C1));
        var visible = await db.VillageSummaries.Select(s => s.UnitId).ToListAsync();
        Assert.Equal(new[] { Mini.V11.Id, Mini.V12.Id }.Order(), visible.Order());
    }
}

public sealed class SqliteSummaryMaintenanceTests() : SummaryMaintenanceTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlSummaryMaintenanceTests() : SummaryMaintenanceTests(DatabaseProvider.PostgreSql);
