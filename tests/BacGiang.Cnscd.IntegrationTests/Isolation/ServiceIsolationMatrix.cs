using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Accounts;
using BacGiang.Cnscd.Core.Features.Accounts.Import;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Dashboards;
using BacGiang.Cnscd.Core.Features.Households;
using BacGiang.Cnscd.Core.Features.Households.Export;
using BacGiang.Cnscd.Core.Features.Households.Import;
using BacGiang.Cnscd.Core.Features.Reports;
using BacGiang.Cnscd.Core.Features.Teams;
using BacGiang.Cnscd.Core.Features.Units;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.IntegrationTests.Isolation;

/// <summary>
/// The isolation matrix over feature services, one file per feature (<c>Isolation/&lt;Feature&gt;/</c>) on this shared
/// base. For each role and a sibling unit (two districts; two communes in different districts; two communes of one
/// district; two villages of one commune), every public service method is called with the sibling's ids and must
/// neither return nor change the sibling's rows (<see cref="SiblingCases"/>); and the same calls for the actor's own
/// unit must succeed (<see cref="OwnUnitCases"/>, the positive controls), so a refusal is not vacuous: a method that
/// failed for every input would pass the sibling half and fail this one. <see cref="ServiceIsolationCompletenessTests"/>
/// fails until a new public service method gets a case in one of the files, and a feature file without a positive control.
/// </summary>
public abstract class ServiceIsolationMatrix(DatabaseProvider provider) : EngineTestBase(provider)
{
    public static TheoryData<AppRole, string, string, string> Pairs => new()
    {
        { AppRole.DistrictOfficer, "D1", "D2", "V21" },
        { AppRole.CommuneOfficer, "C1", "C2", "V21" },
        { AppRole.CommuneOfficer, "C1", "C3", "V31" },
        { AppRole.VillageLeader, "V11", "V12", "V12" },
    };

    /// <summary>
    /// Everything a case needs: the acting services, the sibling's ids, and the actor's own side: a village inside
    /// the actor's unit (V11 for every pair), a household of it and a village leader's account there.
    /// </summary>
    public sealed record MatrixContext(
        TestDatabase Database, Actor Actor, AdministrativeUnit Own, AdministrativeUnit Foreign, AdministrativeUnit ForeignVillage,
        AppUser ForeignAccount, UnitDirectoryService Units, AuditQueryService Audit, AccountService Accounts, VillageLeaderImport Import,
        TeamService Teams, HouseholdService Households, int ForeignHouseholdId, TeamRosterService Roster, TeamMergeService Merge,
        TeamGovernanceService Governance, TeamActivityService Activities, TeamExcelService Excel,
        HouseholdImport HouseholdImport, HouseholdExport HouseholdExport,
        AdministrativeUnit OwnVillage, int OwnHouseholdId, AppUser OwnAccount);

    /// <summary>This feature's cases against the sibling: one per public method of the feature's services.</summary>
    internal abstract IReadOnlyDictionary<string, Func<MatrixContext, Task>> SiblingCases { get; }

    /// <summary>This feature's positive controls: the same methods (a subset of <see cref="SiblingCases"/>) on the actor's own unit.</summary>
    internal abstract IReadOnlyDictionary<string, Func<MatrixContext, Task>> OwnUnitCases { get; }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task NoServiceMethod_ReachesTheSiblingUnit(AppRole role, string own, string foreign, string foreignVillage)
    {
        await using var host = new AccountTestHost(Database);
        await RunAsync(SiblingCases, await ArrangeAsync(host, role, own, foreign, foreignVillage), $"{role} of {own} reached {foreign}");
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task OwnUnit_SameCalls_Succeed(AppRole role, string own, string foreign, string foreignVillage)
    {
        await using var host = new AccountTestHost(Database);
        await RunAsync(OwnUnitCases, await ArrangeAsync(host, role, own, foreign, foreignVillage), $"{role} of {own} was kept from its own unit");
    }

    /// <summary>Runs every case and reports all failures at once (one failing method does not hide the next).</summary>
    private static async Task RunAsync(IReadOnlyDictionary<string, Func<MatrixContext, Task>> cases, MatrixContext context, string heading)
    {
        Assert.NotEmpty(cases);
        var failures = new List<string>();
        foreach (var (method, check) in cases)
        {
            try
            {
                await check(context);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures.Add($"{method}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.True(failures.Count == 0, $"{heading}:\n" + string.Join("\n", failures));
    }

    /// <summary>The actor, its services, the sibling's account, household and visit, and the actor's own village leader.</summary>
    private async Task<MatrixContext> ArrangeAsync(AccountTestHost host, AppRole role, string own, string foreign, string foreignVillage)
    {
        var units = UnitsByName();
        var me = await host.AddAccountAsync($"me-{own}@test.vn", "Cán Bộ Thử", role, units[own]);
        var other = await host.AddAccountAsync($"other-{foreignVillage}@test.vn", "Trưởng Thôn Khác", AppRole.VillageLeader, units[foreignVillage]);
        var ownVillage = units["V11"];
        Assert.True(ownVillage.Id == units[own].Id || ownVillage.CommuneId == units[own].Id || ownVillage.DistrictId == units[own].Id);
        var ownAccount = await host.AddAccountAsync($"own-{own}@test.vn", "Trưởng Thôn Mình", AppRole.VillageLeader, ownVillage);
        // Something in the sibling's audit trail that must stay invisible, and a visit in the sibling village.
        int foreignHouseholdId;
        int ownHouseholdId;
        await using (var system = Database.CreateSystemContext())
        {
            var household = MiniProvince.NewHousehold(units[foreignVillage], "Hộ Bên Kia");
            system.Households.Add(household);
            await system.SaveChangesAsync();
            foreignHouseholdId = household.Id;
            system.HouseholdVisits.Add(new HouseholdVisit
            {
                UnitId = household.UnitId, HouseholdId = household.Id, VisitedOn = new DateOnly(2026, 1, 2), Outcome = VisitOutcome.Guided,
                ClientRequestId = Guid.NewGuid(), CreatedAtUtc = DateTime.UtcNow,
            });
            await system.SaveChangesAsync();
            ownHouseholdId = await system.Households.Where(h => h.UnitId == ownVillage.Id).OrderBy(h => h.Id).Select(h => h.Id).FirstAsync();
        }

        var actor = MiniProvince.ActorFor(units[own], me.Id) with { UserName = me.Email };
        var factory = new ActorContextFactory(Database, actor);
        return new MatrixContext(Database, actor, units[own], units[foreign], units[foreignVillage], other,
            CoreServices.Create<UnitDirectoryService>(factory), new AuditQueryService(factory), host.ServiceFor(actor), host.ImportFor(actor),
            CoreServices.Create<TeamService>(factory, Options.Create(new TeamOptions())),
            CoreServices.Create<HouseholdService>(factory), foreignHouseholdId,
            CoreServices.Create<TeamRosterService>(factory), CoreServices.Create<TeamMergeService>(factory),
            CoreServices.Create<TeamGovernanceService>(factory, Options.Create(new AttachmentOptions())), CoreServices.Create<TeamActivityService>(factory),
            CoreServices.Create<TeamExcelService>(factory),
            CoreServices.Create<HouseholdImport>(factory), CoreServices.Create<HouseholdExport>(factory),
            ownVillage, ownHouseholdId, ownAccount);
    }

    protected static DashboardService DashboardsFor(MatrixContext m) =>
        CoreServices.Create<DashboardService>(new ActorContextFactory(m.Database, m.Actor), Options.Create(new TeamOptions()));

    protected static ReportNarrative ForgedNarrative => new("Giả mạo", "Giả mạo", "Giả mạo");

    protected static ReportQueryService Reports(MatrixContext m) => CoreServices.Create<ReportQueryService>(new ActorContextFactory(m.Database, m.Actor));

    protected static ReportWorkflowService Workflow(MatrixContext m) => CoreServices.Create<ReportWorkflowService>(new ActorContextFactory(m.Database, m.Actor));

    protected static HouseholdVisitService Visits(MatrixContext m) => CoreServices.Create<HouseholdVisitService>(new ActorContextFactory(m.Database, m.Actor));

    protected static HouseholdAssistanceService Assistance(MatrixContext m) =>
        CoreServices.Create<HouseholdAssistanceService>(new ActorContextFactory(m.Database, m.Actor));

    /// <summary>
    /// A submitted Q4 2026 report of the sibling (the sibling commune or district itself, or the commune of the sibling
    /// village), created once per matrix run as the system.
    /// </summary>
    protected static async Task<(int ReportId, int UnitId, int DistrictId, int Version, int SubmissionId)> ForeignReportAsync(MatrixContext m)
    {
        var unit = m.Foreign.Level is UnitLevel.Commune or UnitLevel.District ? m.Foreign : m.Foreign.Parent ?? await ParentAsync(m, m.Foreign);
        await using var db = m.Database.CreateSystemContext();
        var report = await db.QuarterlyReports.Include(r => r.Submissions).FirstOrDefaultAsync(r => r.UnitId == unit.Id && r.Year == 2026 && r.Quarter == 4);
        if (report is null)
        {
            report = new QuarterlyReport { UnitId = unit.Id, Year = 2026, Quarter = 4, DueDate = new DateOnly(2026, 12, 15) };
            report.Submit(new ReportNarrative("Của đơn vị khác", "Của đơn vị khác", "Của đơn vị khác"), "{\"asOf\":\"2026-12-31\",\"rows\":[],\"targets\":[]}",
                "system", DateTime.UtcNow);
            db.QuarterlyReports.Add(report);
            await db.SaveChangesAsync();
        }

        return (report.Id, unit.Id, report.DistrictId ?? unit.Id, report.Version, report.Submissions.Single().Id);
    }

    protected static async Task<AdministrativeUnit> ParentAsync(MatrixContext m, AdministrativeUnit unit)
    {
        await using var db = m.Database.CreateSystemContext();
        return await db.Units.AsNoTracking().SingleAsync(u => u.Id == unit.ParentId);
    }

    protected static async Task AssertForeignReportUnchangedAsync(MatrixContext m, (int ReportId, int UnitId, int DistrictId, int Version, int SubmissionId) foreign)
    {
        await using var db = m.Database.CreateSystemContext();
        var stored = await db.QuarterlyReports.AsNoTracking().SingleAsync(r => r.Id == foreign.ReportId);
        Assert.Equal((ReportStatus.Submitted, foreign.Version, "Của đơn vị khác"), (stored.Status, stored.Version, stored.Results));
        Assert.Equal(1, await db.QuarterlyReportSubmissions.CountAsync(s => s.ReportId == foreign.ReportId));
    }

    /// <summary>The sibling village's team as stored, read as the system.</summary>
    protected static async Task<Team> ForeignTeamAsync(MatrixContext m)
    {
        await using var db = m.Database.CreateSystemContext();
        return await db.Teams.AsNoTracking().SingleAsync(t => t.UnitId == m.ForeignVillage.Id);
    }

    /// <summary>The actor's own team (none for a district), read as the system.</summary>
    protected static async Task<Team?> OwnTeamAsync(MatrixContext m)
    {
        await using var db = m.Database.CreateSystemContext();
        return await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.UnitId == m.Own.Id);
    }

    /// <summary>The team of the actor's own village (every actor has one, a district officer too), read as the system.</summary>
    protected static async Task<Team> OwnVillageTeamAsync(MatrixContext m)
    {
        await using var db = m.Database.CreateSystemContext();
        return await db.Teams.AsNoTracking().SingleAsync(t => t.UnitId == m.OwnVillage.Id);
    }

    /// <summary>A member of the sibling village's team (created once), read as the system.</summary>
    protected static async Task<TeamMember> ForeignMembershipAsync(MatrixContext m)
    {
        await using var db = m.Database.CreateSystemContext();
        var team = await db.Teams.SingleAsync(t => t.UnitId == m.ForeignVillage.Id);
        var member = await db.TeamMembers.AsNoTracking().Where(t => t.TeamId == team.Id && t.Person!.FullName == "Thành Viên Bên Kia").OrderBy(t => t.Id).FirstOrDefaultAsync();
        if (member is not null)
        {
            return member;
        }

        var created = new TeamMember
        {
            UnitId = m.ForeignVillage.Id, TeamId = team.Id, StartDate = new DateOnly(2025, 1, 1),
            Person = new Person { UnitId = m.ForeignVillage.Id, FullName = "Thành Viên Bên Kia", FullNameSearch = "thanh vien ben kia", BirthYear = 1980, Phone = "0944000777" },
        };
        db.TeamMembers.Add(created);
        await db.SaveChangesAsync();
        return created;
    }

    /// <summary>A member of the own village's team (created once), read as the system: the own side's "Thành Viên Bên Kia".</summary>
    protected static async Task<TeamMember> OwnMembershipAsync(MatrixContext m)
    {
        await using var db = m.Database.CreateSystemContext();
        var team = await db.Teams.SingleAsync(t => t.UnitId == m.OwnVillage.Id);
        var member = await db.TeamMembers.AsNoTracking().Where(t => t.TeamId == team.Id && t.Person!.FullName == "Thành Viên Bên Này").OrderBy(t => t.Id).FirstOrDefaultAsync();
        if (member is not null)
        {
            return member;
        }

        var created = new TeamMember
        {
            UnitId = m.OwnVillage.Id, TeamId = team.Id, StartDate = new DateOnly(2025, 1, 1),
            Person = new Person { UnitId = m.OwnVillage.Id, FullName = "Thành Viên Bên Này", FullNameSearch = "thanh vien ben nay", BirthYear = 1980, Phone = "0944000888" },
        };
        db.TeamMembers.Add(created);
        await db.SaveChangesAsync();
        return created;
    }

    /// <summary>A submitted Q4 2026 report of the own village's commune (created once), the own side of <see cref="ForeignReportAsync"/>.</summary>
    protected static async Task<(int ReportId, int UnitId, int Version, int SubmissionId)> OwnReportAsync(MatrixContext m)
    {
        var communeId = m.OwnVillage.CommuneId!.Value;
        await using var db = m.Database.CreateSystemContext();
        var report = await db.QuarterlyReports.Include(r => r.Submissions).FirstOrDefaultAsync(r => r.UnitId == communeId && r.Year == 2026 && r.Quarter == 4);
        if (report is null)
        {
            report = new QuarterlyReport { UnitId = communeId, Year = 2026, Quarter = 4, DueDate = new DateOnly(2026, 12, 15) };
            report.Submit(new ReportNarrative("Của đơn vị mình", "Của đơn vị mình", "Của đơn vị mình"), "{\"asOf\":\"2026-12-31\",\"rows\":[],\"targets\":[]}",
                "system", DateTime.UtcNow);
            db.QuarterlyReports.Add(report);
            await db.SaveChangesAsync();
        }

        return (report.Id, communeId, report.Version, report.Submissions.Single().Id);
    }

    /// <summary>The forged request is on record, by this actor, against the id it tried to reach.</summary>
    protected static async Task AssertRefusedAsync(MatrixContext m, string entityType, int id)
    {
        await using var db = m.Database.CreateSystemContext();
        var entityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.UserId == m.Actor.UserId
            && a.EntityType == entityType && a.EntityId == entityId), $"no refusal on record for {entityType} {id}");
    }

    /// <summary>Nothing was refused for this actor: the own-unit calls went through without a refusal on record.</summary>
    protected static async Task AssertNothingRefusedAsync(MatrixContext m)
    {
        await using var db = m.Database.CreateSystemContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.UserId == m.Actor.UserId), "a refusal is on record");
    }

    private Dictionary<string, AdministrativeUnit> UnitsByName() => new()
    {
        ["D1"] = Mini.D1, ["D2"] = Mini.D2, ["C1"] = Mini.C1, ["C2"] = Mini.C2, ["C3"] = Mini.C3,
        ["V11"] = Mini.V11, ["V12"] = Mini.V12, ["V21"] = Mini.V21, ["V31"] = Mini.V31,
    };
}

internal static class ActorRole
{
    /// <summary>The role implied by the actor's scope level (the matrix's actors are bound to their level).</summary>
    public static AppRole Role(this Actor actor) => actor.Scope switch
    {
        { VillageId: not null } => AppRole.VillageLeader,
        { CommuneId: not null } => AppRole.CommuneOfficer,
        { DistrictId: not null } => AppRole.DistrictOfficer,
        _ => AppRole.ProvinceAdmin,
    };
}
