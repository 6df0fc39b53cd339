using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Dashboards;
using BacGiang.Cnscd.Core.Features.Teams;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.IntegrationTests.Dashboards;

/// <summary>The dashboard at each level, from the summaries, on both engines.</summary>
public abstract class DashboardServiceTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private DashboardService For(Actor actor, DateOnly? today = null) =>
        CoreServices.CreateOn<DashboardService>(today ?? Today, new ActorContextFactory(Database, actor), Options.Create(new TeamOptions()));

    /// <summary>Covers households: two of V11 by their own member, one of V21 by assistance; V12 gets VNeID only.</summary>
    private async Task CoverSomeAsync()
    {
        await using var db = Database.CreateSystemContext();
        var v11 = await db.Households.Where(h => h.UnitId == Mini.V11.Id).OrderBy(h => h.Id).Take(2).ToListAsync();
        foreach (var h in v11)
        {
            h.RecordGuidance(DigitalSkills.All, Today, null);
            h.SetAccounts(true, true);
        }

        var team = await db.Teams.SingleAsync(t => t.UnitId == Mini.V21.Id);
        var member = new TeamMember
        {
            UnitId = Mini.V21.Id, TeamId = team.Id, StartDate = new DateOnly(2025, 1, 1),
            Person = new Person { UnitId = Mini.V21.Id, FullName = "Người Hỗ Trợ", FullNameSearch = "nguoi ho tro" },
        };
        db.TeamMembers.Add(member);
        await db.SaveChangesAsync();
        (await db.Households.FirstAsync(h => h.UnitId == Mini.V21.Id)).SetAssistance(true, member.Id);
        (await db.Households.FirstAsync(h => h.UnitId == Mini.V12.Id)).SetAccounts(true, false);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task EachLevel_AddsUpItsChildren_FromTheSummaries()
    {
        await CoverSomeAsync();
        var province = (await For(MiniProvince.ActorFor(Mini.Province)).GetAsync(null))!;
        Assert.Equal(Mini.Province.Id, province.UnitId);
        Assert.Equal(12, province.Totals.HouseholdTotal);
        Assert.Equal(3, province.Totals.Covered);
        Assert.Equal(2, province.Totals.Households[SummaryCounter.CoveredByOwnMember]);
        Assert.Equal(1, province.Totals.Households[SummaryCounter.CoveredByAssistance]);
        Assert.Equal(3, province.Totals.Households[SummaryCounter.VneidLevel2]);
        Assert.Equal(25.0, province.Totals.CoveredPercent);
        Assert.Equal([Mini.D2.Id, Mini.D1.Id], province.Children.OrderBy(c => c.Code).Select(c => c.UnitId));
        Assert.Equal(province.Totals.HouseholdTotal, province.Children.Sum(c => c.Figures.HouseholdTotal));
        Assert.Equal(province.Totals.Covered, province.Children.Sum(c => c.Figures.Covered));

        var district = (await For(MiniProvince.ActorFor(Mini.Province)).GetAsync(Mini.D1.Id))!;
        var d1Row = province.Children.Single(c => c.UnitId == Mini.D1.Id);
        Assert.Equal(d1Row.Figures.HouseholdTotal, district.Totals.HouseholdTotal);
        Assert.Equal(d1Row.Figures.Covered, district.Totals.Covered);
        Assert.Equal(9, district.Totals.HouseholdTotal);
        Assert.Equal(district.Totals.HouseholdTotal, district.Children.Sum(c => c.Figures.HouseholdTotal));

        // A commune officer's dashboard starts at the commune.
        var commune = (await For(MiniProvince.ActorFor(Mini.C1)).GetAsync(null))!;
        Assert.Equal(Mini.C1.Id, commune.UnitId);
        Assert.Equal(district.Children.Single(c => c.UnitId == Mini.C1.Id).Figures.Covered, commune.Totals.Covered);
        Assert.Equal([Mini.V11.Id, Mini.V12.Id], commune.Children.Select(c => c.UnitId).Order());
        Assert.Equal(2, commune.Children.Single(c => c.UnitId == Mini.V11.Id).Figures.Covered);
        Assert.Equal([Mini.C1.Name], commune.Path.Select(p => p.Name));

        var village = (await For(MiniProvince.ActorFor(Mini.C1)).GetAsync(Mini.V11.Id))!;
        Assert.Empty(village.Children);
        Assert.Equal(2, village.Totals.Covered);
        Assert.Equal(1, village.Totals.Teams);
        Assert.Equal([Mini.C1.Name, Mini.V11.Name], village.Path.Select(p => p.Name));
    }

    [Fact]
    public async Task PublishedModels_AreCountedPerChildAndSkill_UnpublishedOnesAreNot()
    {
        await using (var db = Database.CreateSystemContext())
        {
            PracticeModel Model(AdministrativeUnit unit, PracticeStatus status, DigitalSkills skills) => new()
            {
                UnitId = unit.Id, SubmitterLevel = unit.Level, Title = "Mô hình", SearchText = "mo hinh", Description = "Mô tả", Skills = skills,
                StartedOn = new DateOnly(2026, 1, 1), Year = 2026, ContactName = "Người Liên Hệ", Status = status, CreatedAtUtc = DateTime.UtcNow,
            };
            db.PracticeModels.AddRange(
                Model(Mini.V11, PracticeStatus.Published, DigitalSkills.OnlinePayment | DigitalSkills.OnlineShopping),
                Model(Mini.C1, PracticeStatus.Featured, DigitalSkills.OnlinePayment),
                Model(Mini.C3, PracticeStatus.Published, DigitalSkills.OnlineSafety),
                Model(Mini.V12, PracticeStatus.Accepted, DigitalSkills.OnlinePayment),   // not yet in the library
                Model(Mini.V21, PracticeStatus.Published, DigitalSkills.OnlinePayment)); // another district
            await db.SaveChangesAsync();
        }

        var district = (await For(MiniProvince.ActorFor(Mini.D1, "officer-d1")).GetAsync(Mini.D1.Id))!;
        Assert.Equal(3, district.Totals.ModelsPublished);
        Assert.Equal([(Mini.C1.Id, 2), (Mini.C3.Id, 1)], district.Children.OrderBy(c => c.UnitId).Select(c => (c.UnitId, c.Figures.ModelsPublished)));
        Assert.Equal(2, district.ModelsBySkill.Single(m => m.Skill == DigitalSkills.OnlinePayment).Models);
        Assert.Equal(1, district.ModelsBySkill.Single(m => m.Skill == DigitalSkills.OnlineShopping).Models);
        Assert.Equal(0, district.ModelsBySkill.Single(m => m.Skill == DigitalSkills.OnlinePublicServices).Models);
        var commune = (await For(MiniProvince.ActorFor(Mini.C1, "officer-c1")).GetAsync(Mini.C1.Id))!;
        Assert.Equal(2, commune.Totals.ModelsPublished);
        Assert.Equal([1, 0], commune.Children.OrderBy(c => c.UnitId).Select(c => c.Figures.ModelsPublished));
    }

    [Fact]
    public async Task DecidedAwardsOfTheYear_AreCountedPerChild_OthersAreNot()
    {
        var year = DateTime.UtcNow.AddHours(7).Year;
        await using (var db = Database.CreateSystemContext())
        {
            AwardNomination Nomination(AdministrativeUnit unit, AwardStatus status, int onYear) => new()
            {
                UnitId = unit.Id, Year = onYear, NomineeKind = NomineeKind.Unit, NomineeUnitId = unit.Id, NomineeName = unit.Name, Achievements = "Thành tích",
                ProposedForm = AwardForm.ProvincialChairmanCertificate, Status = status, CreatedAtUtc = DateTime.UtcNow,
            };
            db.AwardNominations.AddRange(
                Nomination(Mini.V11, AwardStatus.Awarded, year),
                Nomination(Mini.C1, AwardStatus.Decided, year),
                Nomination(Mini.C3, AwardStatus.Decided, year),
                Nomination(Mini.V12, AwardStatus.Appraised, year),   // no decision yet
                Nomination(Mini.C3, AwardStatus.Awarded, year - 1),  // last year's
                Nomination(Mini.V21, AwardStatus.Awarded, year));    // another district
            await db.SaveChangesAsync();
        }

        var district = (await For(MiniProvince.ActorFor(Mini.D1, "officer-d1")).GetAsync(Mini.D1.Id))!;
        Assert.Equal(3, district.Totals.AwardsDecided);
        Assert.Equal([(Mini.C1.Id, 2), (Mini.C3.Id, 1)], district.Children.OrderBy(c => c.UnitId).Select(c => (c.UnitId, c.Figures.AwardsDecided)));
        var commune = (await For(MiniProvince.ActorFor(Mini.C1, "officer-c1")).GetAsync(Mini.C1.Id))!;
        Assert.Equal(2, commune.Totals.AwardsDecided);

        // The Excel export carries the same figure (and the models'), total first, then a row per child.
        var file = await For(MiniProvince.ActorFor(Mini.D1, "officer-d1")).ExportAsync(Mini.D1.Id);
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(file!));
        var sheet = workbook.Worksheet(1);
        var column = sheet.Row(3).CellsUsed().Single(c => c.GetString() == "Khen thưởng Ngày CĐS có quyết định").Address.ColumnNumber;
        Assert.Contains(sheet.Row(3).CellsUsed(), c => c.GetString() == "Mô hình đã công bố");
        Assert.Equal(3, sheet.Cell(4, column).GetDouble());
        var c1 = Enumerable.Range(5, 2).Single(r => sheet.Cell(r, 1).GetString() == Mini.C1.Name);
        Assert.Equal(2, sheet.Cell(c1, column).GetDouble());
    }

    [Fact]
    public async Task TeamsReportsAndTargets_AreCountedForTheUnitAndItsChildren()
    {
        await CoverSomeAsync();
        await using (var db = Database.CreateSystemContext())
        {
            var c1Team = await db.Teams.SingleAsync(t => t.UnitId == Mini.C1.Id);
            c1Team.IsConstituted = true;
            c1Team.LastActivityOn = Today.AddDays(-10);
            (await db.Teams.SingleAsync(t => t.UnitId == Mini.V31.Id)).LastActivityOn = Today.AddDays(-400);
            var due = new DateOnly(2026, 9, 15);
            db.QuarterlyReports.Add(new QuarterlyReport { UnitId = Mini.C1.Id, Year = 2026, Quarter = 3, DueDate = due, Status = ReportStatus.Submitted,
                SubmittedAtUtc = new DateTime(2026, 9, 14, 3, 0, 0, DateTimeKind.Utc) });
            db.QuarterlyReports.Add(new QuarterlyReport { UnitId = Mini.C3.Id, Year = 2026, Quarter = 3, DueDate = due, Status = ReportStatus.Submitted,
                SubmittedAtUtc = new DateTime(2026, 9, 20, 3, 0, 0, DateTimeKind.Utc) });
            db.Targets.Add(new Target { UnitId = Mini.D1.Id, Indicator = TargetIndicator.HouseholdsCovered, Percent = 50, DueDate = new DateOnly(2026, 12, 31) });
            await db.SaveChangesAsync();
        }

        var district = (await For(MiniProvince.ActorFor(Mini.D1)).GetAsync(null))!;
        Assert.Equal(5, district.Totals.Teams); // C1, C3 and the villages V11, V12, V31
        Assert.Equal(1, district.Totals.TeamsConstituted);
        Assert.Equal((2, 1), (district.Totals.ReportsDue, district.Totals.ReportsOnTime));
        var c1 = district.Children.Single(c => c.UnitId == Mini.C1.Id).Figures;
        var c3 = district.Children.Single(c => c.UnitId == Mini.C3.Id).Figures;
        Assert.Equal((3, 1, 1, 1), (c1.Teams, c1.TeamsConstituted, c1.ReportsDue, c1.ReportsOnTime));
        Assert.Equal((2, 0, 1, 0), (c3.Teams, c3.TeamsConstituted, c3.ReportsDue, c3.ReportsOnTime));
        Assert.True(c3.TeamsActive < c3.Teams);
        var target = Assert.Single(district.Targets);
        Assert.Equal(TargetIndicator.HouseholdsCovered, target.Indicator);
        Assert.Equal(50m, target.TargetPercent);
        Assert.Equal(DashboardFigures.Percent(2, 9), target.ActualPercent);
        Assert.False(target.Reached);
    }

    [Fact]
    public async Task GovernanceComplete_NeedsRegulation_ThisYearsPlan_AndATaskForEveryCurrentMember()
    {
        // R5 is computed set-based (teams with this year's plan, teams with a current member without a task); each
        // team below differs from a complete one in one way, so a drift in any part of the rule changes a count.
        await using (var db = Database.CreateSystemContext())
        {
            var teams = await db.Teams.Where(t => t.DistrictId == Mini.D1.Id).ToDictionaryAsync(t => t.UnitId);
            foreach (var team in teams.Values.Where(t => t.UnitId != Mini.C3.Id))
            {
                team.RegulationNumber = "12/QĐ-UBND";
                team.RegulationIssuedOn = new DateOnly(2026, 2, 1);
            }

            void Plan(int unitId, int year) =>
                db.AnnualPlans.Add(new AnnualPlan { UnitId = unitId, TeamId = teams[unitId].Id, Year = year, KeyTargets = "Phủ 100% hộ" });
            void Member(int unitId, string? task, DateOnly start, DateOnly? end = null) =>
                db.TeamMembers.Add(new TeamMember
                {
                    UnitId = unitId, TeamId = teams[unitId].Id, StartDate = start, EndDate = end, TaskAssignment = task,
                    Person = new Person { UnitId = unitId, FullName = "Thành Viên", FullNameSearch = "thanh vien" },
                });

            // C1: complete — its member has a task; a former member and a future member without a task do not count.
            Plan(Mini.C1.Id, 2026);
            Member(Mini.C1.Id, "Hướng dẫn VNeID", new DateOnly(2025, 1, 1));
            Member(Mini.C1.Id, null, new DateOnly(2024, 1, 1), new DateOnly(2025, 6, 30));
            Member(Mini.C1.Id, "", Today.AddDays(5));
            // V11: a current member whose task is blank.
            Plan(Mini.V11.Id, 2026);
            Member(Mini.V11.Id, "Hướng dẫn DVC", new DateOnly(2025, 1, 1));
            Member(Mini.V11.Id, "   ", new DateOnly(2025, 1, 1));
            // V12: last year's plan only.
            Plan(Mini.V12.Id, 2025);
            // V31: complete without members (nobody lacks a task).
            Plan(Mini.V31.Id, 2026);
            // C3: this year's plan but no regulation.
            Plan(Mini.C3.Id, 2026);
            await db.SaveChangesAsync();
        }

        var district = (await For(MiniProvince.ActorFor(Mini.D1)).GetAsync(null))!;
        Assert.Equal((5, 2), (district.Totals.Teams, district.Totals.TeamsGovernanceComplete));
        Assert.Equal(1, district.Children.Single(c => c.UnitId == Mini.C1.Id).Figures.TeamsGovernanceComplete);
        Assert.Equal(1, district.Children.Single(c => c.UnitId == Mini.C3.Id).Figures.TeamsGovernanceComplete);

        var province = (await For(MiniProvince.ActorFor(Mini.Province)).GetAsync(null))!;
        Assert.Equal(2, province.Totals.TeamsGovernanceComplete);
        var commune = (await For(MiniProvince.ActorFor(Mini.C1)).GetAsync(null))!;
        Assert.Equal(1, commune.Totals.TeamsGovernanceComplete);
        Assert.Equal(0, commune.Children.Single(c => c.UnitId == Mini.V11.Id).Figures.TeamsGovernanceComplete);
        Assert.Equal(0, commune.Children.Single(c => c.UnitId == Mini.V12.Id).Figures.TeamsGovernanceComplete);

        // Next year nobody has a plan yet.
        var nextYear = (await For(MiniProvince.ActorFor(Mini.D1), new DateOnly(2027, 1, 15)).GetAsync(null))!;
        Assert.Equal(0, nextYear.Totals.TeamsGovernanceComplete);
    }

    [Fact]
    public async Task Trend_EndsWithTheCurrentFigures_AndExport_IsARealWorkbook_Audited()
    {
        await CoverSomeAsync();
        // The real clock: the trend's last quarter must be the one the set-up's snapshots were written in.
        var officer = CoreServices.Create<DashboardService>(new ActorContextFactory(Database, MiniProvince.ActorFor(Mini.D1, "officer-d1")));
        var trend = await officer.GetTrendAsync(Mini.D1.Id, 4);
        Assert.Equal(4, trend.Count);
        Assert.Equal((9, 2), (trend[^1].Households, trend[^1].Covered));

        var file = await officer.ExportAsync(null);
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(file!));
        var sheet = workbook.Worksheet(1);
        Assert.Equal("Số hộ", sheet.Cell(3, 2).GetString());
        Assert.Equal("Tổng: " + Mini.D1.Name, sheet.Cell(4, 1).GetString());
        Assert.Equal(9, sheet.Cell(4, 2).GetDouble());
        var rows = Enumerable.Range(5, 2).Select(r => (Name: sheet.Cell(r, 1).GetString(), Households: sheet.Cell(r, 2).GetDouble())).ToList();
        Assert.Equal(9, rows.Sum(r => r.Households));
        Assert.Contains(rows, r => r.Name == Mini.C1.Name && r.Households == 6);
        await using var db = Database.CreateSystemContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Export && a.EntityType == "Dashboard" && a.UnitId == Mini.D1.Id
            && a.UserId == "officer-d1"));
    }
}

public sealed class SqliteDashboardServiceTests() : DashboardServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlDashboardServiceTests() : DashboardServiceTests(DatabaseProvider.PostgreSql);
