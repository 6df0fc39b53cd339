using BacGiang.Cnscd.Core.Time;
using System.Globalization;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace BacGiang.Cnscd.Core.Features.Dashboards;

/// <summary>
/// Writes the per-village summaries: the deltas of <see cref="Data.Interceptors.SummaryInterceptor"/>, the full
/// rebuild after a bulk load, and the verification (with optional repair) of the <c>verify-summaries</c> command.
/// Everything here works across scopes on purpose — the summaries are derived data, moved by whoever changed a
/// household — so every query says <c>IgnoreQueryFilters</c>. Readers never come here; they read the summary
/// tables through the scope filter.
/// </summary>
public static class SummaryMaintenance
{
    /// <summary>The quarter (Vietnam time) a moment belongs to.</summary>
    public static (int Year, int Quarter) QuarterOf(DateTime utc)
    {
        var local = VietnamClock.ToVietnam(utc);
        return (local.Year, ((local.Month - 1) / 3) + 1);
    }

    /// <summary>
    /// The figures of every village that has households (or of one village), counted from the household rows with
    /// the same predicates as <see cref="HouseholdCounts.Of"/>.
    /// </summary>
    public static async Task<Dictionary<int, HouseholdCounts>> CountFromHouseholdsAsync(CnscdDbContext db, int? villageId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var households = Everywhere<Household>(db).AsNoTracking();
        if (villageId is { } id)
        {
            households = households.Where(h => h.UnitId == id);
        }

        var rows = await households.GroupBy(h => h.UnitId).Select(g => new
            {
                VillageId = g.Key,
                Totals = new CounterTotals
                {
                    Households = g.Count(),
                    Own = g.Count(h => h.Coverage == CoverageStatus.CoveredByOwnMember),
                    Assisted = g.Count(h => h.Coverage == CoverageStatus.CoveredByAssistance),
                    S1 = g.Count(h => (h.SkillsGuided & DigitalSkills.OnlinePublicServices) != 0),
                    S2 = g.Count(h => (h.SkillsGuided & DigitalSkills.OnlineShopping) != 0),
                    S3 = g.Count(h => (h.SkillsGuided & DigitalSkills.OnlinePayment) != 0),
                    S4 = g.Count(h => (h.SkillsGuided & DigitalSkills.OnlineSafety) != 0),
                    S5 = g.Count(h => (h.SkillsGuided & DigitalSkills.OtherPlatforms) != 0),
                    All = g.Count(h => (h.SkillsGuided & DigitalSkills.All) == DigitalSkills.All),
                    Vneid = g.Count(h => h.HasVneidLevel2),
                    Account = g.Count(h => h.HasPublicServiceAccount),
                    Needs = g.Count(h => h.NeedsAssistance),
                    NeedsUnassigned = g.Count(h => h.NeedsAssistance && h.AssistantMemberId == null),
                    Assigned = g.Count(h => h.AssignedMemberId != null),
                },
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.VillageId, r => r.Totals.ToCounts());
    }

    /// <summary>
    /// Replaces every summary row with figures counted from the households (every village gets a row, with zeros
    /// when it has no households) and sets the current quarter's snapshot to match. For writers that bypass EF —
    /// the bulk scale seed and the demo seed — at the end of their load, inside their transaction.
    /// </summary>
    public static async Task<int> RebuildAsync(CnscdDbContext db, DateTime utcNow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var actual = await CountFromHouseholdsAsync(db, null, cancellationToken);
        var villages = await Villages(db).ToListAsync(cancellationToken);
        await Everywhere<VillageSummary>(db).ExecuteDeleteAsync(cancellationToken);
        foreach (var village in villages)
        {
            await InsertSummaryAsync(db, village.Id, village.DistrictId, village.CommuneId, actual.GetValueOrDefault(village.Id) ?? new HouseholdCounts(),
                cancellationToken);
        }

        var (year, quarter) = QuarterOf(utcNow);
        await Everywhere<VillageQuarterSummary>(db).Where(q => q.Year == year && q.Quarter == quarter).ExecuteDeleteAsync(cancellationToken);
        await SnapshotAsync(db, null, year, quarter, cancellationToken);
        return villages.Count;
    }

    /// <summary>
    /// Recomputes every village's figures from the households and reports each stored counter that differs (a
    /// missing row counts as zeros; a row for a unit that is no longer a village is reported against zeros). With
    /// <paramref name="repair"/>, the differing villages are rewritten (and their current-quarter snapshot reset to
    /// the summary) in one transaction, and the repair is audited.
    /// </summary>
    public static async Task<SummaryVerification> VerifyAsync(CnscdDbContext db, bool repair, DateTime utcNow,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var actual = await CountFromHouseholdsAsync(db, null, cancellationToken);
        var villages = await Villages(db).ToListAsync(cancellationToken);
        var stored = await Everywhere<VillageSummary>(db).AsNoTracking().ToListAsync(cancellationToken);
        var storedById = stored.ToDictionary(s => s.UnitId);
        var names = await UnitTree.Everywhere(db)
            .Where(u => u.Level == UnitLevel.Village || storedById.Keys.Contains(u.Id))
            .Select(u => new { u.Id, u.Code, u.Name }).ToDictionaryAsync(u => u.Id, cancellationToken);

        var differences = new List<SummaryDifference>();
        var differing = new HashSet<int>();
        void Compare(int villageId, HouseholdCounts storedCounts, HouseholdCounts actualCounts)
        {
            foreach (var counter in HouseholdCounts.Counters.Where(c => storedCounts[c] != actualCounts[c]))
            {
                var unit = names.GetValueOrDefault(villageId);
                differences.Add(new SummaryDifference(villageId, unit?.Code ?? "?", unit?.Name ?? "?", counter.ToString(), storedCounts[counter], actualCounts[counter]));
                differing.Add(villageId);
            }
        }

        void CompareAncestry(int villageId, string column, int? storedId, int? actualId)
        {
            if (storedId != actualId)
            {
                var unit = names.GetValueOrDefault(villageId);
                differences.Add(new SummaryDifference(villageId, unit?.Code ?? "?", unit?.Name ?? "?", column, storedId ?? 0, actualId ?? 0));
                differing.Add(villageId);
            }
        }

        var villageIds = villages.Select(v => v.Id).ToHashSet();
        foreach (var village in villages)
        {
            Compare(village.Id, storedById.TryGetValue(village.Id, out var row) ? HouseholdCounts.From(row) : new HouseholdCounts(),
                actual.GetValueOrDefault(village.Id) ?? new HouseholdCounts());
            if (row is null)
            {
                differing.Add(village.Id); // a village without its row is repaired even when all its figures are zero
            }
            else
            {
                // A row under the wrong commune or district adds its figures to the wrong dashboard (a village moved by a
                // restructuring must take its row along).
                CompareAncestry(village.Id, nameof(VillageSummary.DistrictId), row.DistrictId, village.DistrictId);
                CompareAncestry(village.Id, nameof(VillageSummary.CommuneId), row.CommuneId, village.CommuneId);
            }
        }

        foreach (var row in stored.Where(s => !villageIds.Contains(s.UnitId)))
        {
            Compare(row.UnitId, HouseholdCounts.From(row), actual.GetValueOrDefault(row.UnitId) ?? new HouseholdCounts());
        }

        if (!repair || differing.Count == 0)
        {
            return new SummaryVerification(villages.Count, differences, 0);
        }

        var (year, quarter) = QuarterOf(utcNow);
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var byId = villages.ToDictionary(v => v.Id);
            foreach (var villageId in differing.Order())
            {
                await Everywhere<VillageSummary>(db).Where(s => s.UnitId == villageId).ExecuteDeleteAsync(cancellationToken);
                await Everywhere<VillageQuarterSummary>(db)
                    .Where(q => q.UnitId == villageId && q.Year == year && q.Quarter == quarter).ExecuteDeleteAsync(cancellationToken);
                if (byId.TryGetValue(villageId, out var village))
                {
                    await InsertSummaryAsync(db, villageId, village.DistrictId, village.CommuneId,
                        actual.GetValueOrDefault(villageId) ?? new HouseholdCounts(), cancellationToken);
                    await SnapshotAsync(db, villageId, year, quarter, cancellationToken);
                }
            }

            await AuditLog.RecordAsync(db, AuditActions.Update, nameof(VillageSummary), null, null,
                System.Text.Json.JsonSerializer.Serialize(new { repairedVillages = differing.Count, differences = differences.Count },
                    Data.Interceptors.AuditJson.Options), cancellationToken: cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }

        return new SummaryVerification(villages.Count, differences, differing.Count);
    }

    /// <summary>
    /// Adds a delta to a village's summary and to its snapshot of the given quarter, as atomic increments. A village
    /// without a summary row (created after the last rebuild) gets one counted from its households — which already
    /// include the change, since this runs after the rows are written; the first change of a quarter creates that
    /// quarter's snapshot as a copy of the (updated) summary.
    /// </summary>
    internal static async Task ApplyDeltaAsync(CnscdDbContext db, int villageId, HouseholdCounts delta, int year, int quarter,
        CancellationToken cancellationToken)
    {
        var updated = await IncrementAsync(Everywhere<VillageSummary>(db).Where(s => s.UnitId == villageId), delta, cancellationToken);
        if (updated == 0)
        {
            var unit = await UnitTree.Everywhere(db).Where(u => u.Id == villageId)
                .Select(u => new { u.DistrictId, u.CommuneId }).SingleAsync(cancellationToken);
            var counts = (await CountFromHouseholdsAsync(db, villageId, cancellationToken)).GetValueOrDefault(villageId) ?? new HouseholdCounts();
            await InsertSummaryAsync(db, villageId, unit.DistrictId, unit.CommuneId, counts, cancellationToken);
        }

        var snapshotUpdated = await IncrementAsync(Everywhere<VillageQuarterSummary>(db)
            .Where(q => q.UnitId == villageId && q.Year == year && q.Quarter == quarter), delta, cancellationToken);
        if (snapshotUpdated == 0)
        {
            await SnapshotAsync(db, villageId, year, quarter, cancellationToken);
        }
    }

    private static Task<int> IncrementAsync<T>(IQueryable<T> rows, HouseholdCounts delta, CancellationToken cancellationToken)
        where T : VillageCounters =>
        rows.ExecuteUpdateAsync(setters =>
        {
            foreach (var counter in HouseholdCounts.Counters)
            {
                var amount = delta[counter];
                if (amount != 0)
                {
                    var column = counter.ToString();
                    setters.SetProperty(e => EF.Property<int>(e, column), e => EF.Property<int>(e, column) + amount);
                }
            }
        }, cancellationToken);

    private static IQueryable<VillageRef> Villages(CnscdDbContext db) =>
        UnitTree.Everywhere(db).Where(u => u.Level == UnitLevel.Village)
            .OrderBy(u => u.Id).Select(u => new VillageRef(u.Id, u.DistrictId, u.CommuneId));

    private static Task<int> InsertSummaryAsync(CnscdDbContext db, int villageId, int? districtId, int? communeId, HouseholdCounts counts,
        CancellationToken cancellationToken)
    {
        var sql = Sql.For(db);
        var columns = new[] { nameof(VillageSummary.UnitId), nameof(VillageSummary.DistrictId), nameof(VillageSummary.CommuneId), nameof(VillageSummary.VillageId) }
            .Concat(HouseholdCounts.Counters.Select(c => c.ToString())).ToList();
        var parameters = new object?[] { villageId, districtId, communeId, villageId }
            .Concat(HouseholdCounts.Counters.Select(c => (object?)counts[c])).ToArray();
        var text = $"INSERT INTO {sql.Table<VillageSummary>()} ({string.Join(", ", columns.Select(sql.Column))}) VALUES ("
            + string.Join(", ", parameters.Select((_, i) => "{" + i.ToString(CultureInfo.InvariantCulture) + "}")) + ")";
        return ExecuteAsync(db, text, parameters, cancellationToken);
    }

    /// <summary>Copies the summary of one village (or of all, when null) into the snapshot of a quarter.</summary>
    private static Task<int> SnapshotAsync(CnscdDbContext db, int? villageId, int year, int quarter, CancellationToken cancellationToken)
    {
        var sql = Sql.For(db);
        var copied = new[] { nameof(VillageSummary.UnitId), nameof(VillageSummary.DistrictId), nameof(VillageSummary.CommuneId), nameof(VillageSummary.VillageId) }
            .Concat(HouseholdCounts.Counters.Select(c => c.ToString())).Select(sql.Column).ToList();
        var text = $"INSERT INTO {sql.Table<VillageQuarterSummary>()} ({sql.Column(nameof(VillageQuarterSummary.Year))}, "
            + $"{sql.Column(nameof(VillageQuarterSummary.Quarter))}, {string.Join(", ", copied)}) "
            + $"SELECT {{0}}, {{1}}, {string.Join(", ", copied)} FROM {sql.Table<VillageSummary>()}"
            + (villageId is null ? "" : $" WHERE {sql.Column(nameof(VillageSummary.UnitId))} = {{2}}");
        object[] parameters = villageId is { } id ? [year, quarter, id] : [year, quarter];
        return ExecuteAsync(db, text, parameters, cancellationToken);
    }

    // The two allowed crossings of this class (see its comment): summaries are derived data that move with whoever
    // changed a household, so they are read and written across scopes; the INSERTs are provider-quoted names from the
    // model with every value passed as a parameter.
#pragma warning disable RS0030 // Summary maintenance crosses scopes by design; raw SQL carries parameters only.
    private static IQueryable<T> Everywhere<T>(CnscdDbContext db)
        where T : class => db.Set<T>().IgnoreQueryFilters();

    private static Task<int> ExecuteAsync(CnscdDbContext db, string sql, IEnumerable<object?> parameters, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(sql, parameters!, cancellationToken);
#pragma warning restore RS0030

    private sealed record VillageRef(int Id, int? DistrictId, int? CommuneId);

    /// <summary>Table and column names as the provider quotes them ("x" on PostgreSQL and SQLite, [x] on SQL Server).</summary>
    private sealed class Sql(CnscdDbContext db, ISqlGenerationHelper helper)
    {
        public static Sql For(CnscdDbContext db) => new(db, db.GetService<ISqlGenerationHelper>());

        public string Table<T>()
        {
            var entityType = db.Model.FindEntityType(typeof(T))!;
            return helper.DelimitIdentifier(entityType.GetTableName()!, entityType.GetSchema());
        }

        public string Column(string property) => helper.DelimitIdentifier(property);
    }
}
