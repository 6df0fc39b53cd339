using BacGiang.Cnscd.Core.Time;
using System.Globalization;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Teams;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.Core.Features.Dashboards;

/// <summary>
/// The dashboard of a unit at any level: household figures added up from the maintained village summaries (never
/// by scanning households), team figures (R1, R5, R2) and report punctuality (R4) from their tables, targets (R6),
/// a table of the child units, the per-quarter trend and the table's Excel export. Every query goes through the
/// scope filter: a unit outside the reader's subtree is not found, and asking for one is audited.
/// </summary>
public sealed class DashboardService(IDbContextFactory<CnscdDbContext> contextFactory, IOptions<TeamOptions> teamOptions, AccessRefusals refusals,
    VietnamClock clock)
{
    public const string ExcelContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// The dashboard of <paramref name="unitId"/> (the top of the reader's scope when null); null when the unit does
    /// not exist or lies outside the reader's scope (a forged id, which is recorded as a refused attempt).
    /// </summary>
    /// <param name="unitId">The unit, or null for the reader's own top unit.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<DashboardView?> GetAsync(int? unitId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // One connection for the queries below instead of one taken from and returned to the pool per query.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var on = clock.Today;
        var units = await UnitsAroundAsync(db, unitId, on, cancellationToken);
        var root = unitId is { } asked
            ? units.FirstOrDefault(u => u.Id == asked)
            : units.OrderBy(u => u.Level).ThenBy(u => u.Id).FirstOrDefault();
        if (root is null)
        {
            await AuditRefusalAsync(unitId, cancellationToken);
            return null;
        }

        var children = units.Where(u => u.ParentId == root.Id && u.Id != root.Id).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var path = PathOf(root, units);

        var households = await HouseholdsAsync(db, root, cancellationToken);
        var teams = await TeamsAsync(db, root, on, cancellationToken);
        var reports = await ReportsAsync(db, root, on, cancellationToken);
        var models = await PublishedModelsAsync(db, root, cancellationToken);
        var awards = await DecidedAwardsAsync(db, root, on.Year, cancellationToken);

        // One pass over the rows: every row lands in the total and in its child's figures (≈ 2,100 teams and a few
        // hundred household groups at the province, so no per-child re-scan of every row).
        var total = new Accumulator();
        var byChild = children.ToDictionary(c => c.Id, _ => new Accumulator());
        foreach (var (key, counts) in households)
        {
            total.Add(counts);
            Of(key)?.Add(counts);
        }

        foreach (var team in teams)
        {
            total.Add(team);
            Of(team.Key)?.Add(team);
        }

        foreach (var (key, onTime) in reports)
        {
            total.Add(onTime);
            Of(key)?.Add(onTime);
        }

        foreach (var (key, _, count) in models)
        {
            total.AddModels(count);
            Of(key)?.AddModels(count);
        }

        foreach (var (key, count) in awards)
        {
            total.AddAwards(count);
            Of(key)?.AddAwards(count);
        }

        var totals = total.Figures();
        var rows = children.Select(c => new DashboardRow(c.Id, c.Code, c.Name, c.Level, byChild[c.Id].Figures())).ToList();
        var targets = await TargetsAsync(db, root.Id, totals, on, cancellationToken);
        return new DashboardView(root.Id, root.Code, root.Name, root.Level, path, totals, rows, targets, on)
        {
            ModelsBySkill = DigitalSkillLabels.Each.Select(skill => (skill, models.Where(m => (m.Skills & skill) != 0).Sum(m => m.Count))).ToList(),
        };

        Accumulator? Of(Ancestry key) => ChildOf(root.Level, key) is { } child && byChild.TryGetValue(child, out var a) ? a : null;
    }

    /// <summary>
    /// The unit's household figures at the end of each of the last <paramref name="quarters"/> quarters (the last one
    /// being the current quarter), from the quarterly snapshots of its villages. A village without a snapshot for a
    /// quarter did not change in it and counts with its latest earlier snapshot. Empty for a unit outside the scope.
    /// </summary>
    public async Task<IReadOnlyList<TrendPoint>> GetTrendAsync(int unitId, int quarters = 6, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var root = await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new UnitRow(u.Id, u.Code, u.Name, u.Level, u.ParentId, u.DistrictId, u.CommuneId)).FirstOrDefaultAsync(cancellationToken);
        if (root is null)
        {
            return [];
        }

        var (year, quarter) = SummaryMaintenance.QuarterOf(clock.UtcNow);
        var last = (year * 4) + quarter - 1;
        var snapshots = InSubtree(db.VillageQuarterSummaries.AsNoTracking(), root);
        var rows = await snapshots.Where(s => (s.Year * 4) + s.Quarter - 1 <= last)
            .Select(s => new
            {
                s.UnitId, Index = (s.Year * 4) + s.Quarter - 1, s.Households, Covered = s.CoveredByOwnMember + s.CoveredByAssistance,
                s.CoveredByAssistance, s.VneidLevel2, s.PublicServiceAccount,
            })
            .ToListAsync(cancellationToken);
        var byVillage = rows.GroupBy(r => r.UnitId).Select(g => g.OrderBy(r => r.Index).ToList()).ToList();
        var points = new List<TrendPoint>();
        for (var index = last - Math.Clamp(quarters, 1, 20) + 1; index <= last; index++)
        {
            var current = byVillage.Select(v => v.LastOrDefault(r => r.Index <= index)).Where(r => r is not null).ToList();
            points.Add(new TrendPoint(index / 4, (index % 4) + 1, current.Sum(r => r!.Households), current.Sum(r => r!.Covered),
                current.Sum(r => r!.CoveredByAssistance), current.Sum(r => r!.VneidLevel2), current.Sum(r => r!.PublicServiceAccount)));
        }

        return points;
    }

    /// <summary>
    /// The dashboard's table (the unit, then each child unit) as an Excel workbook; null for a unit outside the
    /// scope. The export is audited with the unit it covers.
    /// </summary>
    public async Task<byte[]?> ExportAsync(int? unitId, CancellationToken cancellationToken = default)
    {
        var view = await GetAsync(unitId, cancellationToken);
        if (view is null)
        {
            return null;
        }

        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Tổng hợp");
        sheet.Cell(1, 1).Value = $"Tổng hợp Tổ CNSCĐ — {view.Name} — ngày {view.Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}";
        sheet.Cell(1, 1).Style.Font.Bold = true;
        var columns = DashboardColumns.All;
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(3, c + 1).Value = columns[c].Header;
            sheet.Cell(3, c + 1).Style.Font.Bold = true;
            sheet.Column(c + 1).Width = c == 0 ? 34 : 14; // fixed widths: AdjustToContents is slow and needs libgdiplus
        }

        var r = 4;
        foreach (var (name, figures) in view.Children.Select(c => (c.Name, c.Figures)).Prepend(("Tổng: " + view.Name, view.Totals)))
        {
            sheet.Cell(r, 1).Value = name;
            for (var c = 1; c < columns.Count; c++)
            {
                sheet.Cell(r, c + 1).Value = columns[c].Value(figures);
            }

            r++;
        }

        sheet.Row(4).Style.Font.Bold = true;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await AuditLog.RecordAsync(db, AuditActions.Export, "Dashboard", view.UnitId.ToString(CultureInfo.InvariantCulture), view.UnitId,
                "{\"rows\":" + (view.Children.Count + 1).ToString(CultureInfo.InvariantCulture) + "}", cancellationToken: cancellationToken);
        }

        return stream.ToArray();
    }

    /// <summary>The file name of an export, ASCII only (some mail gateways mangle others).</summary>
    public static string ExportFileName(int unitId, DateOnly today) =>
        string.Create(CultureInfo.InvariantCulture, $"tong-hop-to-cnscd-{unitId}-{today:yyyyMMdd}.xlsx");

    /// <summary>
    /// The dashboard's unit, its current children and its visible ancestors (the breadcrumb) in one round trip. Without
    /// an id the unit is the top of the reader's scope (lowest level, then lowest id), which has no visible ancestor.
    /// The scope filter drops everything outside the reader's subtree, so a forged id finds nothing.
    /// </summary>
    private static Task<List<UnitRow>> UnitsAroundAsync(CnscdDbContext db, int? unitId, DateOnly on, CancellationToken cancellationToken)
    {
        var units = db.Units.AsNoTracking();
        var around = unitId is { } id
            ? units.Where(u => u.Id == id
                || (u.ParentId == id && (u.ValidTo == null || u.ValidTo >= on))
                || u.Level == UnitLevel.Province
                || units.Any(r => r.Id == id && (r.ParentId == u.Id || r.DistrictId == u.Id || r.CommuneId == u.Id)))
            : units.Where(u => u.Id == units.OrderBy(t => t.Level).ThenBy(t => t.Id).Select(t => t.Id).FirstOrDefault()
                || (u.ParentId == units.OrderBy(t => t.Level).ThenBy(t => t.Id).Select(t => t.Id).FirstOrDefault()
                    && (u.ValidTo == null || u.ValidTo >= on)));
        return around.Select(u => new UnitRow(u.Id, u.Code, u.Name, u.Level, u.ParentId, u.DistrictId, u.CommuneId)).ToListAsync(cancellationToken);
    }

    /// <summary>An id that exists but lies outside the reader's scope is a forged request: recorded as refused.</summary>
    private async Task AuditRefusalAsync(int? unitId, CancellationToken cancellationToken)
    {
        if (unitId is { } asked && await refusals.ExistsAsync<AdministrativeUnit>(asked, cancellationToken))
        {
            await refusals.RefuseAtAsync("Dashboard", asked.ToString(CultureInfo.InvariantCulture), asked, "unit outside the account's scope");
        }
    }

    private static IQueryable<T> InSubtree<T>(IQueryable<T> rows, UnitRow root)
        where T : class, IUnitScoped => root.Level switch
        {
            UnitLevel.District => rows.Where(r => r.DistrictId == root.Id),
            UnitLevel.Commune => rows.Where(r => r.CommuneId == root.Id),
            UnitLevel.Village => rows.Where(r => r.VillageId == root.Id),
            _ => rows, // the province: everything the scope filter lets through
        };

    /// <summary>The child of the dashboard's unit that a row belongs to (null: the unit's own row, e.g. a commune's team).</summary>
    private static int? ChildOf(UnitLevel rootLevel, Ancestry key) => rootLevel switch
    {
        // After the 2025 merger communes hang directly under the province and have no district.
        UnitLevel.Province => key.DistrictId ?? key.CommuneId,
        UnitLevel.District => key.CommuneId,
        UnitLevel.Commune => key.VillageId,
        _ => null,
    };

    private static async Task<List<(Ancestry Key, HouseholdCounts Counts)>> HouseholdsAsync(CnscdDbContext db, UnitRow root,
        CancellationToken cancellationToken)
    {
        // A province or district sums its villages per commune in SQL (≤ a few hundred groups); a commune or village
        // reads its village rows as they are.
        var byVillage = root.Level is UnitLevel.Commune or UnitLevel.Village;
        var rows = await InSubtree(db.VillageSummaries.AsNoTracking(), root)
            .GroupBy(s => new { s.DistrictId, s.CommuneId, VillageId = byVillage ? s.VillageId : null })
            .Select(g => new
            {
                g.Key.DistrictId, g.Key.CommuneId, g.Key.VillageId,
                Totals = new CounterTotals
                {
                    Households = g.Sum(s => s.Households), Own = g.Sum(s => s.CoveredByOwnMember), Assisted = g.Sum(s => s.CoveredByAssistance),
                    S1 = g.Sum(s => s.SkillOnlinePublicServices), S2 = g.Sum(s => s.SkillOnlineShopping), S3 = g.Sum(s => s.SkillOnlinePayment),
                    S4 = g.Sum(s => s.SkillOnlineSafety), S5 = g.Sum(s => s.SkillOtherPlatforms), All = g.Sum(s => s.AllFiveSkills),
                    Vneid = g.Sum(s => s.VneidLevel2), Account = g.Sum(s => s.PublicServiceAccount), Needs = g.Sum(s => s.NeedsAssistance),
                    NeedsUnassigned = g.Sum(s => s.NeedsAssistanceUnassigned), Assigned = g.Sum(s => s.AssignedToMember),
                },
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (new Ancestry(r.DistrictId, r.CommuneId, r.VillageId), r.Totals.ToCounts())).ToList();
    }

    private async Task<List<TeamFacts>> TeamsAsync(CnscdDbContext db, UnitRow root, DateOnly today, CancellationToken cancellationToken)
    {
        // R2 and R5 exactly as the team list computes them (TeamService.ListTeamsAsync), one row per team.
        var cutoff = today.AddDays(-teamOptions.Value.InactiveAfterDays);
        var cutoffUtc = VietnamClock.StartOfDayUtc(cutoff);
        // One query: R5's "plan for this year" and "every current member has a task" are EXISTS probes on the
        // (TeamId, Year) and (TeamId, EndDate) indexes, evaluated only for teams that have a regulation. (This was three
        // queries — teams, plans, untasked members — and each round trip costs ≈ 1.5 ms on PostgreSQL however small.)
        var year = today.Year;
        var teams = await InSubtree(db.Teams.AsNoTracking(), root).Where(t => t.ClosedOn == null || t.ClosedOn >= today)
            .Select(t => new
            {
                t.DistrictId, t.CommuneId, t.VillageId, t.IsConstituted,
                GovernanceComplete = t.RegulationNumber != null && t.RegulationNumber != "" && t.RegulationIssuedOn != null
                    && db.AnnualPlans.Any(p => p.TeamId == t.Id && p.Year == year)
                    && !db.TeamMembers.Any(m => m.TeamId == t.Id && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today)
                        && (m.TaskAssignment == null || m.TaskAssignment.Trim() == "")),
                Active = t.LastActivityOn != null ? t.LastActivityOn >= cutoff : t.CreatedAtUtc >= cutoffUtc,
            })
            .ToListAsync(cancellationToken);
        return teams.Select(t => new TeamFacts(new Ancestry(t.DistrictId, t.CommuneId, t.VillageId), t.IsConstituted, t.GovernanceComplete, t.Active))
            .ToList();
    }

    private static async Task<List<(Ancestry Key, bool OnTime)>> ReportsAsync(CnscdDbContext db, UnitRow root, DateOnly today,
        CancellationToken cancellationToken)
    {
        // R4: this year's reports that have fallen due; on time = submitted (not a draft) before the end of the due day.
        var startOfYear = new DateOnly(today.Year, 1, 1);
        var rows = await InSubtree(db.QuarterlyReports.AsNoTracking(), root)
            .Where(r => r.DueDate >= startOfYear && r.DueDate < today)
            .Select(r => new { r.DistrictId, r.CommuneId, r.VillageId, r.DueDate, r.SubmittedAtUtc, r.Status })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (new Ancestry(r.DistrictId, r.CommuneId, r.VillageId),
                r.Status != ReportStatus.Draft && r.SubmittedAtUtc is { } at && at < VietnamClock.StartOfDayUtc(r.DueDate.AddDays(1))))
            .ToList();
    }

    /// <summary>The subtree's models in the library (published or featured), counted per unit and skill set in SQL.</summary>
    private static async Task<List<(Ancestry Key, DigitalSkills Skills, int Count)>> PublishedModelsAsync(CnscdDbContext db, UnitRow root,
        CancellationToken cancellationToken)
    {
        var rows = await InSubtree(db.PracticeModels.AsNoTracking(), root)
            .Where(m => m.Status == PracticeStatus.Published || m.Status == PracticeStatus.Featured)
            .GroupBy(m => new { m.DistrictId, m.CommuneId, m.VillageId, m.Skills })
            .Select(g => new { g.Key.DistrictId, g.Key.CommuneId, g.Key.VillageId, g.Key.Skills, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (new Ancestry(r.DistrictId, r.CommuneId, r.VillageId), r.Skills, r.Count)).ToList();
    }

    /// <summary>The subtree's DX Day nominations of <paramref name="year"/> with a decision (decided or awarded), counted per nominating unit.</summary>
    private static async Task<List<(Ancestry Key, int Count)>> DecidedAwardsAsync(CnscdDbContext db, UnitRow root, int year, CancellationToken cancellationToken)
    {
        var rows = await InSubtree(db.AwardNominations.AsNoTracking(), root)
            .Where(n => n.Year == year && (n.Status == AwardStatus.Decided || n.Status == AwardStatus.Awarded))
            .GroupBy(n => new { n.DistrictId, n.CommuneId, n.VillageId })
            .Select(g => new { g.Key.DistrictId, g.Key.CommuneId, g.Key.VillageId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (new Ancestry(r.DistrictId, r.CommuneId, r.VillageId), r.Count)).ToList();
    }

    private static async Task<IReadOnlyList<TargetProgress>> TargetsAsync(CnscdDbContext db, int unitId, DashboardFigures totals, DateOnly today,
        CancellationToken cancellationToken)
    {
        // R6: for each indicator, the nearest target not yet past (or the latest one, once all are past).
        var targets = await db.Targets.AsNoTracking().Where(t => t.UnitId == unitId)
            .Select(t => new { t.Indicator, t.Percent, t.DueDate }).ToListAsync(cancellationToken);
        return targets.GroupBy(t => t.Indicator)
            .Select(g => g.Where(t => t.DueDate >= today).OrderBy(t => t.DueDate).FirstOrDefault() ?? g.OrderByDescending(t => t.DueDate).First())
            .OrderBy(t => t.Indicator)
            .Select(t => new TargetProgress(t.Indicator, IndicatorLabel(t.Indicator), t.Percent, t.DueDate, t.Indicator switch
            {
                TargetIndicator.HouseholdsCovered => totals.CoveredPercent,
                TargetIndicator.HouseholdsWithVneid => totals.PercentOf(SummaryCounter.VneidLevel2),
                TargetIndicator.HouseholdsWithPublicServiceAccount => totals.PercentOf(SummaryCounter.PublicServiceAccount),
                TargetIndicator.TeamsConstituted => totals.ConstitutedPercent,
                _ => 0,
            }))
            .ToList();
    }

    public static string IndicatorLabel(TargetIndicator indicator) => indicator switch
    {
        TargetIndicator.HouseholdsCovered => "Hộ gia đình được phủ",
        TargetIndicator.HouseholdsWithVneid => "Hộ có tài khoản VNeID mức 2",
        TargetIndicator.HouseholdsWithPublicServiceAccount => "Hộ có tài khoản dịch vụ công trực tuyến",
        TargetIndicator.TeamsConstituted => "Tổ đã kiện toàn",
        _ => indicator.ToString(),
    };

    /// <summary>The breadcrumb: the root, then its parents while they are among the visible units read with the children.</summary>
    private static List<(int Id, string Name)> PathOf(UnitRow root, List<UnitRow> units)
    {
        var byId = units.ToDictionary(u => u.Id);
        var path = new List<(int, string)> { (root.Id, root.Name) };
        var parentId = root.ParentId;
        while (parentId is { } id && byId.TryGetValue(id, out var parent) && path.Count < 5)
        {
            path.Insert(0, (parent.Id, parent.Name));
            parentId = parent.ParentId;
        }

        return path;
    }


    private sealed record UnitRow(int Id, string Code, string Name, UnitLevel Level, int? ParentId, int? DistrictId, int? CommuneId);

    private sealed record Ancestry(int? DistrictId, int? CommuneId, int? VillageId);

    private sealed record TeamFacts(Ancestry Key, bool Constituted, bool GovernanceComplete, bool Active);

    /// <summary>The figures of one unit, added up row by row.</summary>
    private sealed class Accumulator
    {
        private readonly HouseholdCounts _households = new();
        private int _teams, _constituted, _governance, _active, _reports, _onTime, _models, _awards;

        public void Add(HouseholdCounts counts) => _households.Add(counts);

        public void Add(TeamFacts team)
        {
            _teams++;
            _constituted += team.Constituted ? 1 : 0;
            _governance += team.GovernanceComplete ? 1 : 0;
            _active += team.Active ? 1 : 0;
        }

        public void Add(bool reportOnTime)
        {
            _reports++;
            _onTime += reportOnTime ? 1 : 0;
        }

        public void AddModels(int count) => _models += count;

        public void AddAwards(int count) => _awards += count;

        public DashboardFigures Figures() => new(_households, _teams, _constituted, _governance, _active, _reports, _onTime, _models, _awards);
    }
}
