using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Reports;

/// <summary>
/// A hand-made district (D1 of the <see cref="MiniProvince"/>) whose Q4 2026 figures are worked out by hand in the
/// comments below, with facts placed just before and just after the quarter's dates so "as of" is put to the test.
/// </summary>
internal static class ReportFixture
{
    public static readonly ReportingPeriod Q3 = new(2026, 3);
    public static readonly ReportingPeriod Q4 = new(2026, 4);

    /// <summary>
    /// C1 (villages V11, V12):
    ///   teams C1, V11, V12 created 01/01/2026.
    ///   C1 team: chair (leader), police chief, youth secretary (deputies) since 01/01/2026, all with tasks; regulation
    ///   issued 01/02/2026; plan 2026 → meets R1 and R5.
    ///   V11 team: village head (leader) 01/01/2026–30/11/2026, police officer and youth secretary (deputies) since
    ///   01/01/2026 → meets R1 on 30/09/2026, not on 31/12/2026 (the leader left). No regulation → not R5.
    ///   V11 households (created "now", 2026-11-28): Đức — 5 skills on 05/10/2026, visit 05/10/2026 saw VNeID and DVCTT →
    ///   covered by own member; Hằng — 5 skills on 05/10/2026, visit saw VNeID only → not covered; Nam — needs help,
    ///   assistant = V11 police officer (active) → covered by assistance; visited 20/09/2026 (Q3, nobody home).
    ///   V12 households: Đức — online payment guided on 10/01/2027 (after the quarter) → nothing counts in Q4.
    ///   C1 team: training 02/11/2026 (25 people), outreach 01/12/2026, training 01/09/2026 (Q3, not counted).
    /// C3 (village V31): teams C3, V31 created 01/01/2026, no members; 3 households created now, and one created
    ///   01/02/2027 (after the quarter, not counted).
    /// </summary>
    public static async Task BuildAsync(TestDatabase database, MiniProvince mini)
    {
        await using var db = database.CreateSystemContext();
        var jan1 = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var team in await db.Teams.Where(t => t.DistrictId == mini.D1.Id).ToListAsync())
        {
            team.CreatedAtUtc = jan1;
        }

        var c1Team = await db.Teams.SingleAsync(t => t.UnitId == mini.C1.Id);
        var v11Team = await db.Teams.SingleAsync(t => t.UnitId == mini.V11.Id);
        c1Team.RegulationNumber = "01/QĐ-UBND";
        c1Team.RegulationIssuedOn = new DateOnly(2026, 2, 1);
        db.AnnualPlans.Add(new AnnualPlan { UnitId = mini.C1.Id, TeamId = c1Team.Id, Year = 2026, KeyTargets = "Phủ 100% hộ" });

        var from = new DateOnly(2026, 1, 1);
        TeamMember Member(AdministrativeUnit unit, Team team, string name, TeamPosition position, OfficialTitle title, Affiliation affiliation,
            DateOnly? end = null) => new()
        {
            UnitId = unit.Id, TeamId = team.Id, Position = position, Title = title, Affiliation = affiliation, StartDate = from, EndDate = end,
            TaskAssignment = "Phụ trách hướng dẫn hộ",
            Person = new Person { UnitId = unit.Id, FullName = name, FullNameSearch = Core.Text.VietnameseText.ToSearchKey(name) },
        };

        db.TeamMembers.AddRange(
            Member(mini.C1, c1Team, "Chủ Tịch Xã", TeamPosition.Leader, OfficialTitle.CommuneChair, Affiliation.Official),
            Member(mini.C1, c1Team, "Trưởng Công An", TeamPosition.Deputy, OfficialTitle.CommunePoliceChief, Affiliation.Police),
            Member(mini.C1, c1Team, "Bí Thư Đoàn", TeamPosition.Deputy, OfficialTitle.CommuneYouthUnionSecretary, Affiliation.YouthUnion),
            Member(mini.V11, v11Team, "Trưởng Thôn Cũ", TeamPosition.Leader, OfficialTitle.VillageHead, Affiliation.Citizen, new DateOnly(2026, 11, 30)));
        var police = Member(mini.V11, v11Team, "Công An Viên", TeamPosition.Deputy, OfficialTitle.VillagePoliceOfficer, Affiliation.Police);
        db.TeamMembers.AddRange(police,
            Member(mini.V11, v11Team, "Bí Thư Chi Đoàn", TeamPosition.Deputy, OfficialTitle.VillageYouthUnionSecretary, Affiliation.YouthUnion));
        await db.SaveChangesAsync();

        var v11 = await db.Households.Include(h => h.Skills).Where(h => h.UnitId == mini.V11.Id).ToDictionaryAsync(h => h.HeadName);
        var oct5 = new DateOnly(2026, 10, 5);
        v11["Nguyễn Văn Đức"].RecordGuidance(DigitalSkills.All, oct5, police.Id);
        v11["Nguyễn Văn Đức"].SetAccounts(true, true);
        v11["Nguyễn Văn Đức"].LastVisitedOn = oct5;
        v11["Trần Thị Hằng"].RecordGuidance(DigitalSkills.All, oct5, police.Id);
        v11["Trần Thị Hằng"].SetAccounts(true, false);
        v11["Trần Thị Hằng"].LastVisitedOn = oct5;
        v11["Lê Văn Nam"].SetAssistance(true, police.Id);
        v11["Lê Văn Nam"].LastVisitedOn = new DateOnly(2026, 9, 20);
        Visit(v11["Nguyễn Văn Đức"], oct5, true, true);
        Visit(v11["Trần Thị Hằng"], oct5, true, false);
        Visit(v11["Lê Văn Nam"], new DateOnly(2026, 9, 20), false, false);

        var v12Duc = await db.Households.Include(h => h.Skills).SingleAsync(h => h.UnitId == mini.V12.Id && h.HeadName == "Nguyễn Văn Đức");
        v12Duc.RecordGuidance(DigitalSkills.OnlinePayment, new DateOnly(2027, 1, 10), null);

        var late = MiniProvince.NewHousehold(mini.V31, "Hộ Mới Đến");
        late.CreatedAtUtc = new DateTime(2027, 2, 1, 0, 0, 0, DateTimeKind.Utc);
        db.Households.Add(late);

        db.TeamActivities.AddRange(
            new TeamActivity { UnitId = mini.C1.Id, TeamId = c1Team.Id, Kind = ActivityKind.Training, Date = new DateOnly(2026, 11, 2), Title = "Tập huấn VNeID", ParticipantCount = 25 },
            new TeamActivity { UnitId = mini.C1.Id, TeamId = c1Team.Id, Kind = ActivityKind.Outreach, Date = new DateOnly(2026, 12, 1), Title = "Tuyên truyền DVCTT", ParticipantCount = 80 },
            new TeamActivity { UnitId = mini.C1.Id, TeamId = c1Team.Id, Kind = ActivityKind.Training, Date = new DateOnly(2026, 9, 1), Title = "Tập huấn quý III", ParticipantCount = 30 });
        await db.SaveChangesAsync();

        void Visit(Household household, DateOnly on, bool vneid, bool dvc) => db.HouseholdVisits.Add(new HouseholdVisit
        {
            UnitId = household.UnitId, HouseholdId = household.Id, VisitedOn = on, Outcome = VisitOutcome.Guided, HasVneidLevel2 = vneid,
            HasPublicServiceAccount = dvc, ClientRequestId = Guid.NewGuid(), CreatedAtUtc = DateTime.UtcNow,
        });
    }
}
