using System.Data.Common;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Reports;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using BacGiang.Cnscd.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BacGiang.Cnscd.IntegrationTests.Reports;

/// <summary>The indicators computed as of a quarter's end, against the figures worked out by hand in <see cref="ReportFixture"/>.</summary>
public abstract class IndicatorCalculatorTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    [Fact]
    public async Task District_Q4_MatchesTheHandComputedFigures()
    {
        await ReportFixture.BuildAsync(Database, Mini);
        await using var db = Database.CreateContext(MiniProvince.ActorFor(Mini.D1));

        var rows = await IndicatorCalculator.ForChildrenAsync(db, Mini.D1.Id, ReportFixture.Q4);

        // Communes in code order: 07444 (C1) then 07450 (C3); nothing sits on the district itself.
        Assert.Equal([Mini.C1.Id, Mini.C3.Id], rows.Select(r => r.UnitId));
        var c1 = rows[0].Figures;
        Assert.Equal(3, c1.Teams);
        Assert.Equal(1, c1.TeamsConstituted);      // C1 only: V11's leader left on 30/11
        Assert.Equal(1, c1.TeamsGoverned);         // C1: regulation, tasks, plan 2026
        Assert.Equal(5, c1.Members);               // 3 on C1 + 2 deputies still on V11
        Assert.Equal([1, 2, 2, 0, 0, 0, 0], c1.MembersByAffiliation); // official; police (C1, V11); youth union (C1, V11)
        Assert.Equal(6, c1.Households);
        Assert.Equal(2, c1.HouseholdsCovered);     // Đức (own member), Nam (assistance)
        Assert.Equal(1, c1.HouseholdsCoveredByAssistance);
        Assert.Equal([2, 2, 2, 2, 2], c1.HouseholdsBySkill); // V12's payment on 10/01/2027 is after the quarter
        Assert.Equal(2, c1.HouseholdsWithVneid);
        Assert.Equal(1, c1.HouseholdsWithPublicServiceAccount);
        Assert.Equal(2, c1.VisitsInQuarter);       // 05/10 ×2; the 20/09 visit belongs to Q3
        Assert.Equal((1, 25, 1), (c1.Trainings, c1.TrainingAttendees, c1.OutreachActivities));
        Assert.Equal(33.3m, c1.Percent(TargetIndicator.HouseholdsCovered));

        var c3 = rows[1].Figures;
        Assert.Equal((2, 0, 0, 3, 0), (c3.Teams, c3.TeamsConstituted, c3.Members, c3.Households, c3.HouseholdsCovered));
    }

    [Fact]
    public async Task PracticeModels_CountWhenPublishedByTheQuartersEnd_PerChildAndSkill()
    {
        await using (var system = Database.CreateSystemContext())
        {
            PracticeModel Model(AdministrativeUnit unit, PracticeStatus status, DigitalSkills skills, DateTime? publishedUtc) => new()
            {
                UnitId = unit.Id, SubmitterLevel = unit.Level, Title = "Mô hình", SearchText = "mo hinh", Description = "Mô tả", Skills = skills,
                StartedOn = new DateOnly(2026, 1, 1), Year = 2026, ContactName = "Người Liên Hệ", Status = status, CreatedAtUtc = DateTime.UtcNow,
                PublishedAtUtc = publishedUtc,
            };
            system.PracticeModels.AddRange(
                Model(Mini.V11, PracticeStatus.Published, DigitalSkills.OnlinePayment | DigitalSkills.OnlineShopping, new DateTime(2026, 10, 5, 2, 0, 0, DateTimeKind.Utc)),
                // 31/12 at 23:00 in Vietnam is 16:00 UTC: still the quarter.
                Model(Mini.C1, PracticeStatus.Featured, DigitalSkills.OnlinePayment, new DateTime(2026, 12, 31, 16, 0, 0, DateTimeKind.Utc)),
                // 01/01/2027 at 07:30 in Vietnam: the next quarter.
                Model(Mini.C1, PracticeStatus.Published, DigitalSkills.OnlinePayment, new DateTime(2027, 1, 1, 0, 30, 0, DateTimeKind.Utc)),
                Model(Mini.C3, PracticeStatus.Accepted, DigitalSkills.OnlineSafety, null));
            await system.SaveChangesAsync();
        }

        await using var db = Database.CreateContext(MiniProvince.ActorFor(Mini.D1));
        var rows = await IndicatorCalculator.ForChildrenAsync(db, Mini.D1.Id, ReportFixture.Q4);

        var c1 = rows.Single(r => r.UnitId == Mini.C1.Id).Figures;
        Assert.Equal(2, c1.PracticeModels);
        Assert.Equal([0, 1, 2, 0, 0], c1.PracticeModelsBySkill);
        Assert.Equal(0, rows.Single(r => r.UnitId == Mini.C3.Id).Figures.PracticeModels);
        Assert.Equal(2, rows.Select(r => r.Figures).Aggregate(IndicatorSet.Zero, (a, b) => a.Add(b)).PracticeModels);
    }

    [Fact]
    public async Task District_Q3_SeesOnlyWhatExistedOnThe30thOfSeptember()
    {
        await ReportFixture.BuildAsync(Database, Mini);
        await using var db = Database.CreateContext(MiniProvince.ActorFor(Mini.D1));

        var c1 = (await IndicatorCalculator.ForChildrenAsync(db, Mini.D1.Id, ReportFixture.Q3))[0].Figures;

        Assert.Equal(0, c1.Households);            // all created on 28/11/2026
        Assert.Equal(2, c1.TeamsConstituted);      // C1 and V11 (its leader still served on 30/09)
        Assert.Equal(6, c1.Members);
        Assert.Equal((1, 30, 0), (c1.Trainings, c1.TrainingAttendees, c1.OutreachActivities));
        Assert.Equal(1, c1.VisitsInQuarter);       // Nam, 20/09
    }

    [Fact]
    public async Task AVisitAfterTheQuarter_DoesNotChangeTheQuartersFigures_ButCountsInTheNextQuarter()
    {
        await ReportFixture.BuildAsync(Database, Mini);
        await using (var system = Database.CreateSystemContext())
        {
            // Hằng gets her public-services account on 15/01/2027: the stored values now say "covered".
            var hang = await system.Households.Include(h => h.Skills).SingleAsync(h => h.UnitId == Mini.V11.Id && h.HeadName == "Trần Thị Hằng");
            hang.SetAccounts(true, true);
            hang.LastVisitedOn = new DateOnly(2027, 1, 15);
            system.HouseholdVisits.Add(new HouseholdVisit
            {
                UnitId = hang.UnitId, HouseholdId = hang.Id, VisitedOn = new DateOnly(2027, 1, 15), Outcome = VisitOutcome.Guided,
                HasVneidLevel2 = true, HasPublicServiceAccount = true, ClientRequestId = Guid.NewGuid(), CreatedAtUtc = DateTime.UtcNow,
            });
            await system.SaveChangesAsync();
        }

        await using var db = Database.CreateContext(MiniProvince.ActorFor(Mini.D1));
        var q4 = (await IndicatorCalculator.ForChildrenAsync(db, Mini.D1.Id, ReportFixture.Q4))[0].Figures;
        var q1 = (await IndicatorCalculator.ForChildrenAsync(db, Mini.D1.Id, new ReportingPeriod(2027, 1)))[0].Figures;

        Assert.Equal((2, 2, 1), (q4.HouseholdsCovered, q4.HouseholdsWithVneid, q4.HouseholdsWithPublicServiceAccount));
        Assert.Equal([2, 2, 2, 2, 2], q4.HouseholdsBySkill);
        Assert.Equal((3, 2, 2), (q1.HouseholdsCovered, q1.HouseholdsWithVneid, q1.HouseholdsWithPublicServiceAccount));
        Assert.Equal([2, 2, 3, 2, 2], q1.HouseholdsBySkill); // V12 Đức's online payment of 10/01/2027
    }

    [Fact]
    public async Task AHouseholdGuidedBeforeAndAfterTheQuarterEnd_CountsOnlyTheSkillsGuidedByThen()
    {
        await ReportFixture.BuildAsync(Database, Mini);
        await using (var system = Database.CreateSystemContext())
        {
            // Nam learns online safety on 01/11/2026 and online payment on 10/01/2027: his stored skills (both) are not those
            // of 31/12/2026, so the Q4 figure must come from his dated skill rows, not from the household row.
            var nam = await system.Households.Include(h => h.Skills).SingleAsync(h => h.UnitId == Mini.V11.Id && h.HeadName == "Lê Văn Nam");
            nam.RecordGuidance(DigitalSkills.OnlineSafety, new DateOnly(2026, 11, 1), null);
            nam.RecordGuidance(DigitalSkills.OnlinePayment, new DateOnly(2027, 1, 10), null);
            await system.SaveChangesAsync();
            Assert.Equal(new DateOnly(2027, 1, 10), nam.SkillsLastGuidedOn);
        }

        await using var db = Database.CreateContext(MiniProvince.ActorFor(Mini.D1));
        var q4 = (await IndicatorCalculator.ForChildrenAsync(db, Mini.D1.Id, ReportFixture.Q4))[0].Figures;
        var q1 = (await IndicatorCalculator.ForChildrenAsync(db, Mini.D1.Id, new ReportingPeriod(2027, 1)))[0].Figures;

        // Order: public services, shopping, payment, safety, other platforms.
        Assert.Equal([2, 2, 2, 3, 2], q4.HouseholdsBySkill);
        Assert.Equal([2, 2, 4, 3, 2], q1.HouseholdsBySkill); // + Nam's and V12 Đức's payments of 10/01/2027
        Assert.Equal(2, q4.HouseholdsCovered);
    }

    [Fact]
    public async Task AHouseholdFirstVisitedAfterTheQuarter_HasNoAccountInThatQuarter()
    {
        await ReportFixture.BuildAsync(Database, Mini);
        await using (var system = Database.CreateSystemContext())
        {
            // V12's Đức, never visited in 2026, is visited for the first time on 15/01/2027 and has both accounts then: the
            // stored values say so, but on 31/12/2026 no visit had seen them (the grouped count reads his visit history).
            var duc = await system.Households.SingleAsync(h => h.UnitId == Mini.V12.Id && h.HeadName == "Nguyễn Văn Đức");
            duc.SetAccounts(true, true);
            duc.LastVisitedOn = new DateOnly(2027, 1, 15);
            system.HouseholdVisits.Add(new HouseholdVisit
            {
                UnitId = duc.UnitId, HouseholdId = duc.Id, VisitedOn = new DateOnly(2027, 1, 15), Outcome = VisitOutcome.Guided,
                HasVneidLevel2 = true, HasPublicServiceAccount = true, ClientRequestId = Guid.NewGuid(), CreatedAtUtc = DateTime.UtcNow,
            });
            await system.SaveChangesAsync();
        }

        await using var db = Database.CreateContext(MiniProvince.ActorFor(Mini.D1));
        var q4 = (await IndicatorCalculator.ForChildrenAsync(db, Mini.D1.Id, ReportFixture.Q4))[0].Figures;
        var q1 = (await IndicatorCalculator.ForChildrenAsync(db, Mini.D1.Id, new ReportingPeriod(2027, 1)))[0].Figures;

        Assert.Equal((6, 2, 2, 1), (q4.Households, q4.HouseholdsCovered, q4.HouseholdsWithVneid, q4.HouseholdsWithPublicServiceAccount));
        Assert.Equal((6, 2, 3, 2), (q1.Households, q1.HouseholdsCovered, q1.HouseholdsWithVneid, q1.HouseholdsWithPublicServiceAccount));
    }

    [Fact]
    public async Task Commune_RowsAreVillages_PlusTheCommunesOwnTeam()
    {
        await ReportFixture.BuildAsync(Database, Mini);
        await using var db = Database.CreateContext(MiniProvince.ActorFor(Mini.C1));

        var rows = await IndicatorCalculator.ForChildrenAsync(db, Mini.C1.Id, ReportFixture.Q4);

        Assert.Equal([Mini.V11.Id, Mini.V12.Id, Mini.C1.Id], rows.Select(r => r.UnitId));
        Assert.Equal((3, 2, 1), (rows[0].Figures.Households, rows[0].Figures.HouseholdsCovered, rows[0].Figures.Teams));
        Assert.Equal(3, rows[2].Figures.Members);
        Assert.Equal(1, rows[2].Figures.TeamsConstituted);
        var total = rows.Aggregate(IndicatorSet.Zero, (s, r) => s.Add(r.Figures));
        Assert.Equal((6, 2, 3, 5), (total.Households, total.HouseholdsCovered, total.Teams, total.Members));
    }

    [Fact]
    public async Task AnotherDistrictsOfficer_ComputesNothingOfThisDistrict()
    {
        await ReportFixture.BuildAsync(Database, Mini);
        await using var db = Database.CreateContext(MiniProvince.ActorFor(Mini.D2));

        await Assert.ThrowsAsync<InvalidOperationException>(() => IndicatorCalculator.ForChildrenAsync(db, Mini.D1.Id, ReportFixture.Q4));
    }

    [Fact]
    public async Task TwoUnits_RunTheSameSql_TheUnitIsAParameter()
    {
        // A unit's id written into the SQL as a literal makes each unit a new query for EF: compiled again (≈ 6 ms) and
        // cached again, once per commune of the province. The subtree filter must send it as a parameter.
        await ReportFixture.BuildAsync(Database, Mini);
        var recorder = new CommandRecorder();
        async Task<List<string>> SqlOfAsync(AdministrativeUnit commune)
        {
            recorder.Commands.Clear();
            await using var db = new CnscdDbContext(CnscdDatabase.Configure(new DbContextOptionsBuilder<CnscdDbContext>(), Database.Provider,
                Database.Settings.ConnectionString).AddInterceptors(recorder).Options, new FixedActorAccessor(MiniProvince.ActorFor(Mini.Province)));
            await IndicatorCalculator.ForChildrenAsync(db, commune.Id, ReportFixture.Q4);
            return [.. recorder.Commands];
        }

        var first = await SqlOfAsync(Mini.C1);
        var second = await SqlOfAsync(Mini.C3);

        Assert.True(first.Count >= 5, $"the calculator's queries were recorded ({first.Count})");
        Assert.Equal(first, second);
    }

    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public List<string> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

public sealed class SqliteIndicatorCalculatorTests() : IndicatorCalculatorTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlIndicatorCalculatorTests() : IndicatorCalculatorTests(DatabaseProvider.PostgreSql);
