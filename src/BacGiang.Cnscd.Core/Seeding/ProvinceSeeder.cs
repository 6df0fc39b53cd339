using System.Diagnostics;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Dashboards;
using BacGiang.Cnscd.Core.Seeding.Bulk;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace BacGiang.Cnscd.Core.Seeding;

/// <summary>
/// Seeds the province: the real hierarchy (through EF, it is small) and generated villages, teams,
/// people, households, coverage and visits (through the bulk path: prepared statements on SQLite,
/// binary COPY on PostgreSQL). Everything happens in one transaction: an interrupted run leaves the
/// database as it was. Runs only on a database without units.
/// </summary>
public sealed class ProvinceSeeder(CnscdDbContext db)
{
    /// <summary>Seeds the official hierarchy only (production): province, districts, communes.</summary>
    public async Task<int> SeedHierarchyAsync(CancellationToken cancellationToken)
    {
        db.Actor.RequireUnrestricted("Gieo đơn vị hành chính");
        await EnsureEmptyAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (_, districts, communes) = await InsertOfficialUnitsAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return 1 + districts.Count + communes.Count;
    }

    /// <summary>Seeds the hierarchy plus generated data, as <paramref name="options"/> says.</summary>
    public async Task<SeedReport> SeedAsync(SeedOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlServer())
        {
            throw new NotSupportedException("Dữ liệu mẫu chỉ sinh được trên SQLite và PostgreSQL; với SQL Server hãy dùng lệnh seed-units.");
        }

        // The bulk path writes past the scope guard and the audit: only system work may take it.
        db.Actor.RequireUnrestricted("Gieo dữ liệu hàng loạt");

        await EnsureEmptyAsync(cancellationToken);
        var report = new SeedReport();
        var total = Stopwatch.StartNew();
        var generator = new ProvinceGenerator(options);
        if (db.Database.IsSqlite())
        {
            // One connection for the whole run, so the pragmas below hold for it. A bigger page cache keeps
            // a province-size load's pages in memory (default 2 MB). Foreign keys can only be switched
            // outside a transaction: the bulk writer checks them in one pass before the commit instead.
            await db.Database.OpenConnectionAsync(cancellationToken);
#pragma warning disable RS0030 // Constant SQLite pragmas, no input; the seed runs as a system actor (asserted above).
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = OFF;", cancellationToken);
#pragma warning restore RS0030
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var watch = Stopwatch.StartNew();
        var (_, _, communes) = await InsertOfficialUnitsAsync(cancellationToken);
        var writer = CreateWriter(transaction);
        var villages = await InsertVillagesAsync(writer, generator, communes, cancellationToken);
        report.Tables.Add(("AdministrativeUnits", 1 + communes.Count + villages.Count, watch.Elapsed));
        progress?.Report($"Đơn vị hành chính: {communes.Count} xã, {villages.Count} thôn ({watch.Elapsed.TotalSeconds:F1} s)");

        var teams = generator.Teams(communes, villages);
        await WriteAsync<Person>(writer, report, progress, ProvinceGenerator.PersonColumns, teams.People, cancellationToken);
        await WriteAsync<Team>(writer, report, progress, ProvinceGenerator.TeamColumns, teams.Teams, cancellationToken);
        await WriteAsync<TeamMember>(writer, report, progress, ProvinceGenerator.MemberColumns, teams.Members, cancellationToken);
        await WriteAsync<TeamActivity>(writer, report, progress, ProvinceGenerator.ActivityColumns, teams.Activities, cancellationToken);
        await WriteAsync<AnnualPlan>(writer, report, progress, ProvinceGenerator.AnnualPlanColumns, teams.AnnualPlans, cancellationToken);

        var chosenCommunes = communes
            .GroupBy(c => c.DistrictId)
            .SelectMany(g => options.CommunesWithHouseholdsPerDistrict is { } n ? g.Take(n) : g)
            .Select(c => c.Id)
            .ToHashSet();
        var plans = generator.PlanHouseholds(
            villages.Where(v => chosenCommunes.Contains(v.CommuneId ?? 0)).ToList(), teams.ActiveMembersByVillage);

        // The three big tables load without their secondary indexes and foreign keys, rebuilt and re-checked once at the end.
        var householdTables = new[] { BulkTable.For<Household>(db).Name, SkillTable().Name, BulkTable.For<HouseholdVisit>(db).Name };
        var restoreSchema = await writer.SuspendIndexesAndForeignKeysAsync(householdTables, cancellationToken);

        // Villages are generated a chunk at a time, the next chunk on another core while this one is
        // written; each table of a chunk is one bulk command (PostgreSQL allows one COPY at a time).
        var lastVisitByVillage = await WriteHouseholdsAsync(writer, generator, plans, options.HistoryPeriods(), report, progress, cancellationToken);

        watch.Restart();
        await restoreSchema();
        report.Tables.Add(("(indexes rebuilt)", 0, watch.Elapsed));
        progress?.Report($"Tạo lại chỉ mục: {watch.Elapsed.TotalSeconds:F1} s");

        watch.Restart();
        await UpdateLastActivityAsync(lastVisitByVillage, teams, cancellationToken);
        progress?.Report($"Ngày hoạt động gần nhất của các tổ ({watch.Elapsed.TotalSeconds:F1} s)");

        // The bulk path bypasses the change tracker and so the summary interceptor: count the summaries once, here
        // (outside the bulk figures: it is not bulk writing).
        watch.Restart();
        var villagesSummarised = await SummaryMaintenance.RebuildAsync(db, db.Clock.UtcNow, cancellationToken);
        progress?.Report($"Tổng hợp theo thôn: {villagesSummarised} thôn ({watch.Elapsed.TotalSeconds:F1} s)");

        await transaction.CommitAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
#pragma warning disable RS0030 // A constant SQLite pragma, no input.
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = ON;", cancellationToken);
#pragma warning restore RS0030
        }

        report.Total = total.Elapsed;
        return report;
    }

    private async Task EnsureEmptyAsync(CancellationToken cancellationToken)
    {
        if (await UnitTree.Everywhere(db).AnyAsync(cancellationToken))
        {
            throw new InvalidOperationException("Cơ sở dữ liệu đã có dữ liệu; chỉ gieo dữ liệu vào cơ sở dữ liệu trống.");
        }
    }

    private async Task<(AdministrativeUnit Province, List<AdministrativeUnit> Districts, List<ProvinceGenerator.UnitInfo> Communes)>
        InsertOfficialUnitsAsync(CancellationToken cancellationToken)
    {
        var rows = AdminUnitCatalog.Load();
        var from = AdminUnitCatalog.ListDate;
        var first = rows[0];
        var province = new AdministrativeUnit
        {
            Code = first.ProvinceCode, Name = first.ProvinceName, Level = UnitLevel.Province, Kind = UnitKind.Province, ValidFrom = from,
        };
        db.Units.Add(province);
        await db.SaveChangesAsync(cancellationToken);

        var districts = rows.DistinctBy(r => r.DistrictCode).Select(r => new AdministrativeUnit
        {
            Code = r.DistrictCode, Name = r.DistrictName, Level = UnitLevel.District, Kind = r.DistrictKind, ParentId = province.Id, ValidFrom = from,
        }).ToList();
        db.Units.AddRange(districts);
        await db.SaveChangesAsync(cancellationToken);

        var districtByCode = districts.ToDictionary(d => d.Code);
        var communes = rows.Select(r => new AdministrativeUnit
        {
            Code = r.CommuneCode, Name = r.CommuneName, Level = UnitLevel.Commune, Kind = r.CommuneKind,
            ParentId = districtByCode[r.DistrictCode].Id, ValidFrom = from,
        }).ToList();
        db.Units.AddRange(communes);
        await db.SaveChangesAsync(cancellationToken);
        return (province, districts, communes.Select(Info).ToList());
    }

    private static readonly string[] VillageColumns =
    [
        nameof(AdministrativeUnit.Id), nameof(AdministrativeUnit.Code), nameof(AdministrativeUnit.Name), nameof(AdministrativeUnit.Level),
        nameof(AdministrativeUnit.Kind), nameof(AdministrativeUnit.ParentId), nameof(AdministrativeUnit.ValidFrom),
        nameof(AdministrativeUnit.DistrictId), nameof(AdministrativeUnit.CommuneId), nameof(AdministrativeUnit.VillageId), nameof(AdministrativeUnit.Version),
    ];

    /// <summary>
    /// The generated villages go through the bulk path with their ids and ancestry written out: through EF each new unit
    /// is inserted, then updated to anchor its own id (CnscdDbContext.SaveChangesAsync), both audited — ≈ 4 s for the
    /// 1,898 villages of the demo on this machine, against a few tenths of a second here.
    /// </summary>
    private async Task<List<ProvinceGenerator.UnitInfo>> InsertVillagesAsync(IBulkWriter writer, ProvinceGenerator generator,
        IReadOnlyList<ProvinceGenerator.UnitInfo> communes, CancellationToken cancellationToken)
    {
        var codes = db.Units.Local.ToDictionary(u => u.Id, u => u.Code);
        var nextId = codes.Keys.Max() + 1;
        var villages = new List<ProvinceGenerator.UnitInfo>();
        var rows = new List<object?[]>();
        foreach (var commune in communes)
        {
            var names = generator.VillageNames(commune, generator.VillageCount(commune));
            var kind = commune.Urban ? UnitKind.ResidentialGroup : UnitKind.Village;
            for (var i = 0; i < names.Count; i++)
            {
                var id = nextId++;
                rows.Add([id, $"{codes[commune.Id]}-{i + 1:D2}", names[i], UnitLevel.Village, kind, commune.Id, AdminUnitCatalog.ListDate,
                    commune.DistrictId, commune.Id, id, 0]);
                villages.Add(new ProvinceGenerator.UnitInfo(id, UnitLevel.Village, kind, names[i], commune.DistrictId, commune.Id, id));
            }
        }

        var table = BulkTable.For<AdministrativeUnit>(db, VillageColumns);
        await writer.WriteAsync(table, rows, cancellationToken);
        await writer.ResetIdentityAsync(table, cancellationToken);
        return villages;
    }

    private static ProvinceGenerator.UnitInfo Info(AdministrativeUnit u) => new(u.Id, u.Level, u.Kind, u.Name, u.DistrictId, u.CommuneId, u.VillageId);

    private IBulkWriter CreateWriter(IDbContextTransaction transaction) => db.Database.GetDbConnection() switch
    {
        SqliteConnection sqlite => new SqliteBulkWriter(sqlite, (SqliteTransaction)transaction.GetDbTransaction()),
        NpgsqlConnection npgsql => new PostgreSqlBulkWriter(npgsql),
        var other => throw new NotSupportedException("No bulk path for " + other.GetType().Name),
    };

    private BulkTable SkillTable() => BulkTable.For(
        db.Model.FindEntityType(typeof(Household))!.FindNavigation(nameof(Household.Skills))!.TargetEntityType,
        ProvinceGenerator.SkillColumns);

    private Task WriteAsync<T>(IBulkWriter writer, SeedReport report, IProgress<string>? progress, string[] columns,
        IEnumerable<object?[]> rows, CancellationToken cancellationToken) =>
        WriteAsync(writer, report, progress, BulkTable.For<T>(db, columns), rows, cancellationToken);

    private static async Task WriteAsync(IBulkWriter writer, SeedReport report, IProgress<string>? progress, BulkTable table,
        IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var count = await writer.WriteAsync(table, rows, cancellationToken);
        await writer.ResetIdentityAsync(table, cancellationToken);
        report.Tables.Add((table.Name, count, watch.Elapsed));
        progress?.Report($"{SeedProgressLabels.Of(table.Name)}: {count:N0} dòng trong {watch.Elapsed.TotalSeconds:F1} s ({count / Math.Max(watch.Elapsed.TotalSeconds, 0.001):N0} dòng/s)");
    }

    private async Task<Dictionary<int, DateOnly>> WriteHouseholdsAsync(IBulkWriter writer, ProvinceGenerator generator,
        List<ProvinceGenerator.VillagePlan> plans, IReadOnlyList<ReportingPeriod> history, SeedReport report, IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        // The past quarters' snapshots are small (villages × quarters): they are collected here and written once at the end.
        var snapshots = new List<object?[]>();
        var households = BulkTable.For<Household>(db, ProvinceGenerator.HouseholdColumns);
        var skills = SkillTable();
        var visits = BulkTable.For<HouseholdVisit>(db, ProvinceGenerator.VisitColumns);
        var written = new long[3];
        var elapsed = new TimeSpan[3];
        var lastVisit = new Dictionary<int, DateOnly>();
        var chunks = plans.Chunk(25).ToList();

        List<(ProvinceGenerator.VillagePlan Plan, List<ProvinceGenerator.GeneratedHousehold> Households)> Generate(int index) =>
            chunks[index].Select(p => (p, generator.Households(p).ToList())).ToList();

        var next = chunks.Count > 0 ? Task.Run(() => Generate(0), cancellationToken) : null;
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = await next!;
            var nextIndex = i + 1; // captured by value: the loop variable moves on before the task runs
            next = nextIndex < chunks.Count ? Task.Run(() => Generate(nextIndex), cancellationToken) : null;
            var watch = Stopwatch.StartNew();
            written[0] += await writer.WriteAsync(households, chunk.SelectMany(c => c.Households.Select(h => ProvinceGenerator.HouseholdRow(c.Plan, h))), cancellationToken);
            elapsed[0] += watch.Elapsed;
            watch.Restart();
            written[1] += await writer.WriteAsync(skills, chunk.SelectMany(c => c.Households.SelectMany(ProvinceGenerator.SkillRows)), cancellationToken);
            elapsed[1] += watch.Elapsed;
            watch.Restart();
            written[2] += await writer.WriteAsync(visits, chunk.SelectMany(c => c.Households.SelectMany(h => ProvinceGenerator.VisitRows(c.Plan, h))), cancellationToken);
            elapsed[2] += watch.Elapsed;
            foreach (var (plan, list) in chunk)
            {
                snapshots.AddRange(ProvinceGenerator.QuarterSnapshotRows(plan, list, history));
                if (list.Select(h => h.LastVisitedOn).Max() is { } last)
                {
                    lastVisit[plan.Village.Id] = last;
                }
            }

            if (i % 10 == 9 || i == chunks.Count - 1)
            {
                progress?.Report($"Hộ gia đình: {written[0]:N0}, lượt thăm: {written[2]:N0} ({i + 1}/{chunks.Count} nhóm thôn)");
            }
        }

        // Rows were written with their ids: move the identity sequences past them (PostgreSQL), or the first household or
        // visit the application adds through EF afterwards collides with an id the seed used.
        await writer.ResetIdentityAsync(households, cancellationToken);
        await writer.ResetIdentityAsync(visits, cancellationToken);
        await WriteAsync(writer, report, progress, BulkTable.For<VillageQuarterSummary>(db, ProvinceGenerator.QuarterSnapshotColumns), snapshots,
            cancellationToken);
        report.Tables.Add((households.Name, written[0], elapsed[0]));
        report.Tables.Add((skills.Name, written[1], elapsed[1]));
        report.Tables.Add((visits.Name, written[2], elapsed[2]));
        for (var t = 0; t < 3; t++)
        {
            progress?.Report($"{SeedProgressLabels.Of(new[] { households.Name, skills.Name, visits.Name }[t])}: {written[t]:N0} dòng, ghi trong {elapsed[t].TotalSeconds:F1} s ({written[t] / Math.Max(elapsed[t].TotalSeconds, 0.001):N0} dòng/s)");
        }

        return lastVisit;
    }

    /// <summary>Rule R2 reads Team.LastActivityOn: the later of its last activity and its village's last visit.</summary>
    private async Task UpdateLastActivityAsync(Dictionary<int, DateOnly> lastVisitByVillage, ProvinceGenerator.GeneratedTeams teams,
        CancellationToken cancellationToken)
    {
        var last = new Dictionary<int, DateOnly>(teams.LastActivityByTeam);
        foreach (var (villageId, visited) in lastVisitByVillage)
        {
            var teamId = teams.TeamIdByUnit[villageId];
            if (!last.TryGetValue(teamId, out var current) || visited > current)
            {
                last[teamId] = visited;
            }
        }

        foreach (var group in last.GroupBy(kv => kv.Value, kv => kv.Key))
        {
            var ids = group.ToList();
#pragma warning disable RS0030 // The seed writes every team of the province as a system actor (asserted in SeedAsync).
            await db.Teams.IgnoreQueryFilters().Where(t => ids.Contains(t.Id))
#pragma warning restore RS0030
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastActivityOn, group.Key), cancellationToken);
        }
    }
}
