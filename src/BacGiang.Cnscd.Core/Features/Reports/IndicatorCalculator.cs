using BacGiang.Cnscd.Core.Time;
using System.Linq.Expressions;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>
/// The one place where a report's indicators are computed from the data, for a unit's subtree AS OF a date
/// (the quarter's end), so a report for an earlier quarter shows what was true then:
/// <list type="bullet">
/// <item>households that existed on the date (created before the end of that day, Vietnam time);</item>
/// <item>a skill counts when its <see cref="HouseholdSkill.GuidedOn"/> is on or before the date (households with no
/// guidance after the date are read from their stored skills, which are then exactly those);</item>
/// <item>VNeID and public-services accounts are what the latest visit on or before the date saw (a household
/// never visited keeps what it was registered with); assistance counts when the assistant's membership was
/// active on the date; a household with no visit after the date is read from its stored accounts, which are exactly
/// those of its newest visit (the fast path for the current quarter);</item>
/// <item>coverage is then decided by <see cref="HouseholdCoverageRule.Evaluate"/> itself — the same rule as
/// the stored <see cref="Household.Coverage"/>, only fed with the values of the date;</item>
/// <item>teams created by the date; R1 from the memberships active on the date (<see cref="TeamCompositionRule"/>);
/// R5 from the regulation issued by the date, a task for every member active on the date and a plan for the year;</item>
/// <item>visits, trainings and outreach dated inside the quarter.</item>
/// </list>
/// Everything reads through the caller's context, so the scope filter applies: nobody computes a unit they cannot see.
/// </summary>
public static class IndicatorCalculator
{
    /// <summary>
    /// One row per child unit that was current on <see cref="ReportingPeriod.End"/> (communes of a district, villages of
    /// a commune, districts of the province), in code order; data attached directly to the unit itself (a commune's own
    /// team) gets a last row named after the unit when there is any.
    /// </summary>
    public static async Task<IReadOnlyList<UnitFigures>> ForChildrenAsync(CnscdDbContext db, int unitId, ReportingPeriod period,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var asOf = period.End;
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Id, u.Name, u.Level }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("Không tìm thấy đơn vị.");
        var children = await db.Units.AsNoTracking()
            .Where(u => u.ParentId == unitId && u.ValidFrom <= asOf && (u.ValidTo == null || u.ValidTo >= asOf))
            .OrderBy(u => u.Code)
            .Select(u => new { u.Id, u.Name })
            .ToListAsync(cancellationToken);
        var childIds = children.Select(c => c.Id).ToHashSet();
        var sums = await ComputeAsync(db, unit.Level, unit.Id, childIds, period, cancellationToken);
        var rows = children.Select(c => new UnitFigures(c.Id, c.Name, sums.GetValueOrDefault(c.Id) ?? IndicatorSet.Zero)).ToList();
        if (sums.TryGetValue(unit.Id, out var own) && own != IndicatorSet.Zero)
        {
            rows.Add(new UnitFigures(unit.Id, unit.Name + " (" + unit.Level.ToVietnamese().ToLowerInvariant() + ")", own));
        }

        return rows;
    }

    /// <summary>The whole subtree of a unit as one set of figures (the sum of <see cref="ForChildrenAsync"/>).</summary>
    public static async Task<IndicatorSet> ForUnitAsync(CnscdDbContext db, int unitId, ReportingPeriod period, CancellationToken cancellationToken = default) =>
        (await ForChildrenAsync(db, unitId, period, cancellationToken)).Aggregate(IndicatorSet.Zero, (sum, r) => sum.Add(r.Figures));

    /// <summary>
    /// The target in force on <paramref name="asOf"/> for each unit and indicator: the one with the nearest due date on
    /// or after the date, or else the most recent one that fell due.
    /// </summary>
    public static async Task<Dictionary<int, List<TargetValue>>> TargetsInForceAsync(CnscdDbContext db, IReadOnlyCollection<int> unitIds, DateOnly asOf,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = unitIds.ToList();
        var targets = await db.Targets.AsNoTracking().Where(t => ids.Contains(t.UnitId))
            .Select(t => new { t.UnitId, t.Indicator, t.Percent, t.DueDate })
            .ToListAsync(cancellationToken);
        return targets.GroupBy(t => t.UnitId).ToDictionary(
            g => g.Key,
            g => g.GroupBy(t => t.Indicator)
                .Select(i => i.Where(t => t.DueDate >= asOf).OrderBy(t => t.DueDate).FirstOrDefault() ?? i.OrderByDescending(t => t.DueDate).First())
                .OrderBy(t => t.Indicator)
                .Select(t => new TargetValue(t.Indicator, t.Percent, t.DueDate))
                .ToList());
    }

    private static async Task<Dictionary<int, IndicatorSet>> ComputeAsync(CnscdDbContext db, UnitLevel level, int unitId, HashSet<int> childIds,
        ReportingPeriod period, CancellationToken cancellationToken)
    {
        var asOf = period.End;
        var from = period.Start;
        var cutoffUtc = VietnamClock.StartOfDayUtc(asOf.AddDays(1));
        int Bucket(int? districtId, int? communeId, int? villageId) =>
            districtId is { } d && childIds.Contains(d) ? d
            : communeId is { } c && childIds.Contains(c) ? c
            : villageId is { } v && childIds.Contains(v) ? v
            : unitId;

        var acc = new Dictionary<int, Accumulator>();
        Accumulator For(int key)
        {
            if (!acc.TryGetValue(key, out var a))
            {
                acc[key] = a = new Accumulator();
            }

            return a;
        }

        Accumulator At(int? d, int? c, int? v) => For(Bucket(d, c, v));

        // A child unit's accumulator by its id, or the unit's own for anything not under a current child.
        Accumulator Under(int? childId) => For(childId is { } id && childIds.Contains(id) ? id : unitId);

        // Households: counted by the database, grouped per child unit and per input of the coverage rule, so a few rows per
        // child and combination come back instead of one per household (≈ 1,000 rows for the province of the scale seed
        // instead of 540,000). Each household's values as of the date are computed in the inner projection; the rule itself
        // is applied here, once per group (HouseholdCoverageRule.Evaluate), so there is still one coverage rule.
        // The child is the ancestry column one level below the unit (districts of the province, communes of a district,
        // villages of a commune); a household whose child is not current on the date lands on the unit's own row, as
        // everything else does through Bucket.
        var scoped = db.Households.AsNoTracking().Where(InSubtree<Household>(level, unitId)).Where(h => h.CreatedAtUtc < cutoffUtc);
        var withChild = level switch
        {
            UnitLevel.Province => scoped.Select(h => new { Child = h.DistrictId, h }),
            UnitLevel.District => scoped.Select(h => new { Child = h.CommuneId, h }),
            _ => scoped.Select(h => new { Child = h.VillageId, h }),
        };
        var householdQuery = withChild
            .Select(x => new
            {
                x.Child,
                // Skills as of the date. A household none of whose skills was guided after the date has exactly its stored
                // skills (SkillsLastGuidedOn is the newest GuidedOn): read from the row — for the current quarter that is
                // nearly every household. Only the others sum their dated rows (a seek on the (HouseholdId, Skill) key);
                // summing them for all 540,000 households of the province took ≈ 2.7 s on PostgreSQL.
                Skills = x.h.SkillsLastGuidedOn == null || x.h.SkillsLastGuidedOn <= asOf
                    ? (int)x.h.SkillsGuided
                    : x.h.Skills.Where(s => s.GuidedOn <= asOf).Sum(s => (int)s.Skill),
                // 1 = VNeID, 2 = public services, as the latest visit on or before the date saw them. Accounts are stored from
                // the newest visit (HouseholdVisitService.LogVisitAsync): when no visit is after the date, the stored accounts ARE
                // the date's, and only households visited after the date pay for reading their visit history (none of them
                // visited by the date: no account).
                Accounts = x.h.LastVisitedOn == null || x.h.LastVisitedOn <= asOf
                    ? (x.h.HasVneidLevel2 ? 1 : 0) + (x.h.HasPublicServiceAccount ? 2 : 0)
                    : db.HouseholdVisits.Where(v => v.HouseholdId == x.h.Id && v.VisitedOn <= asOf)
                        .OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id)
                        .Select(v => (int?)((v.HasVneidLevel2 ? 1 : 0) + (v.HasPublicServiceAccount ? 2 : 0)))
                        .FirstOrDefault() ?? 0,
                // Assistance counts when the assistant's membership was active on the date.
                Assisted = x.h.NeedsAssistance && x.h.AssistantMemberId != null && db.TeamMembers.Any(m => m.Id == x.h.AssistantMemberId
                    && m.StartDate <= asOf && (m.EndDate == null || m.EndDate >= asOf)),
            })
            // The key holds every input of the rule, so the only aggregate is a count: EF then keeps the per-household values
            // in the GROUP BY (a count with a condition over them would become a correlated count per group).
            .GroupBy(h => new { h.Child, h.Skills, h.Accounts, h.Assisted })
            .Select(g => new { g.Key.Child, g.Key.Skills, g.Key.Accounts, g.Key.Assisted, Count = g.Count() });
        var householdGroups = await householdQuery.ToListAsync(cancellationToken);
        foreach (var g in householdGroups)
        {
            var skills = (DigitalSkills)g.Skills & DigitalSkills.All;
            var vneid = (g.Accounts & 1) != 0;
            var publicServices = (g.Accounts & 2) != 0;
            var coverage = HouseholdCoverageRule.Evaluate(skills, vneid, publicServices, g.Assisted);
            var a = Under(g.Child);
            a.Households += g.Count;
            if (coverage.IsCovered())
            {
                a.Covered += g.Count;
            }

            if (coverage == CoverageStatus.CoveredByAssistance)
            {
                a.CoveredByAssistance += g.Count;
            }

            for (var i = 0; i < DigitalSkillLabels.Each.Count; i++)
            {
                if (skills.HasFlag(DigitalSkillLabels.Each[i]))
                {
                    a.BySkill[i] += g.Count;
                }
            }

            a.Vneid += vneid ? g.Count : 0;
            a.PublicServices += publicServices ? g.Count : 0;
        }

        // Teams and the memberships active on the date (a few per village: small even for the province).
        var teams = await db.Teams.AsNoTracking().Where(InSubtree<Team>(level, unitId))
            .Where(t => t.CreatedAtUtc < cutoffUtc && (t.ClosedOn == null || t.ClosedOn >= asOf))
            .Select(t => new
            {
                t.Id, t.Level, t.DistrictId, t.CommuneId, t.VillageId, t.RegulationNumber, t.RegulationIssuedOn,
                HasPlan = db.AnnualPlans.Any(p => p.TeamId == t.Id && p.Year == asOf.Year),
            })
            .ToListAsync(cancellationToken);
        var memberships = await db.TeamMembers.AsNoTracking().Where(InSubtree<TeamMember>(level, unitId))
            .Where(m => m.StartDate <= asOf && (m.EndDate == null || m.EndDate >= asOf))
            .Select(m => new { m.TeamId, m.Position, m.Title, m.Affiliation, HasTask = m.TaskAssignment != null && m.TaskAssignment.Trim() != "" })
            .ToListAsync(cancellationToken);
        var byTeam = memberships.ToLookup(m => m.TeamId);
        foreach (var t in teams)
        {
            var members = byTeam[t.Id].ToList();
            var a = At(t.DistrictId, t.CommuneId, t.VillageId);
            a.Teams++;
            if (TeamCompositionRule.IsConstituted(t.Level, members.Select(m => new TeamCompositionRule.Holder(m.Position, m.Title))))
            {
                a.TeamsConstituted++;
            }

            var hasRegulation = !string.IsNullOrWhiteSpace(t.RegulationNumber) && t.RegulationIssuedOn is { } issued && issued <= asOf;
            if (hasRegulation && members.All(m => m.HasTask) && t.HasPlan)
            {
                a.TeamsGoverned++;
            }

            a.Members += members.Count;
            foreach (var m in members)
            {
                var index = (int)m.Affiliation - 1;
                if (index >= 0 && index < a.ByAffiliation.Length)
                {
                    a.ByAffiliation[index]++;
                }
            }
        }

        var visits = await db.HouseholdVisits.AsNoTracking().Where(InSubtree<HouseholdVisit>(level, unitId))
            .Where(v => v.VisitedOn >= from && v.VisitedOn <= asOf)
            .GroupBy(v => new { v.DistrictId, v.CommuneId, v.VillageId })
            .Select(g => new { g.Key.DistrictId, g.Key.CommuneId, g.Key.VillageId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        foreach (var v in visits)
        {
            At(v.DistrictId, v.CommuneId, v.VillageId).Visits += v.Count;
        }

        var activities = await db.TeamActivities.AsNoTracking().Where(InSubtree<TeamActivity>(level, unitId))
            .Where(x => x.Date >= from && x.Date <= asOf)
            .GroupBy(x => new { x.DistrictId, x.CommuneId, x.VillageId, x.Kind })
            .Select(g => new { g.Key.DistrictId, g.Key.CommuneId, g.Key.VillageId, g.Key.Kind, Count = g.Count(), People = g.Sum(x => x.ParticipantCount) })
            .ToListAsync(cancellationToken);
        foreach (var x in activities)
        {
            var a = At(x.DistrictId, x.CommuneId, x.VillageId);
            if (x.Kind == ActivityKind.Training)
            {
                a.Trainings += x.Count;
                a.TrainingAttendees += x.People;
            }
            else
            {
                a.Outreach += x.Count;
            }
        }

        // Models in the library by the cut-off: published on or before the quarter's last day (the workflow never unpublishes).
        var models = await db.PracticeModels.AsNoTracking().Where(InSubtree<PracticeModel>(level, unitId))
            .Where(m => (m.Status == PracticeStatus.Published || m.Status == PracticeStatus.Featured) && m.PublishedAtUtc < cutoffUtc)
            .GroupBy(m => new { m.DistrictId, m.CommuneId, m.VillageId, m.Skills })
            .Select(g => new { g.Key.DistrictId, g.Key.CommuneId, g.Key.VillageId, g.Key.Skills, Count = g.Count() })
            .ToListAsync(cancellationToken);
        foreach (var m in models)
        {
            var a = At(m.DistrictId, m.CommuneId, m.VillageId);
            a.Models += m.Count;
            for (var i = 0; i < DigitalSkillLabels.Each.Count; i++)
            {
                a.ModelsBySkill[i] += m.Skills.HasFlag(DigitalSkillLabels.Each[i]) ? m.Count : 0;
            }
        }

        return acc.ToDictionary(e => e.Key, e => e.Value.ToSet());
    }

    /// <summary>Rows of the subtree of a unit: the ancestry column of the unit's level equals its id (the province: all).</summary>
    private static Expression<Func<T, bool>> InSubtree<T>(UnitLevel level, int unitId)
        where T : class, IUnitScoped
    {
        var row = Expression.Parameter(typeof(T), "row");
        var column = level switch
        {
            UnitLevel.District => nameof(IUnitScoped.DistrictId),
            UnitLevel.Commune => nameof(IUnitScoped.CommuneId),
            UnitLevel.Village => nameof(IUnitScoped.VillageId),
            _ => null,
        };
        if (column is null)
        {
            return _ => true;
        }

        var body = Expression.Equal(Expression.Property(row, column), QueryParameter.Of<int?>(unitId));
        return Expression.Lambda<Func<T, bool>>(body, row);
    }

    private sealed class Accumulator
    {
        public int Teams;
        public int TeamsConstituted;
        public int TeamsGoverned;
        public int Members;
        public int[] ByAffiliation = new int[7];
        public int Households;
        public int Covered;
        public int CoveredByAssistance;
        public int[] BySkill = new int[5];
        public int Vneid;
        public int PublicServices;
        public int Visits;
        public int Trainings;
        public int TrainingAttendees;
        public int Outreach;
        public int Models;
        public int[] ModelsBySkill = new int[5];

        public IndicatorSet ToSet() => new()
        {
            Teams = Teams, TeamsConstituted = TeamsConstituted, TeamsGoverned = TeamsGoverned, Members = Members,
            MembersByAffiliation = ByAffiliation, Households = Households, HouseholdsCovered = Covered,
            HouseholdsCoveredByAssistance = CoveredByAssistance, HouseholdsBySkill = BySkill, HouseholdsWithVneid = Vneid,
            HouseholdsWithPublicServiceAccount = PublicServices, VisitsInQuarter = Visits, Trainings = Trainings,
            TrainingAttendees = TrainingAttendees, OutreachActivities = Outreach, PracticeModels = Models, PracticeModelsBySkill = ModelsBySkill,
        };
    }
}
