using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Text;

namespace BacGiang.Cnscd.Core.Seeding;

/// <summary>
/// Deterministic generator of teams, people, households, coverage and visits. Every village draws
/// from its own random stream (seed × village), so a village can be regenerated identically in each
/// pass of the bulk path without holding the province in memory.
/// </summary>
internal sealed class ProvinceGenerator(SeedOptions options)
{
    private static readonly DateTime CreatedAt = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public sealed record UnitInfo(int Id, UnitLevel Level, UnitKind Kind, string Name, int? DistrictId, int? CommuneId, int? VillageId)
    {
        public bool Urban => Kind is UnitKind.ResidentialGroup or UnitKind.Ward or UnitKind.Township;
    }

    public sealed record VillagePlan(UnitInfo Village, int FirstHouseholdId, int HouseholdCount, double Progress, int[] MemberIds);

    public sealed class GeneratedTeams
    {
        public List<object?[]> Teams { get; } = [];

        public List<object?[]> People { get; } = [];

        public List<object?[]> Members { get; } = [];

        public List<object?[]> Activities { get; } = [];

        public List<object?[]> AnnualPlans { get; } = [];

        public Dictionary<int, List<int>> ActiveMembersByVillage { get; } = [];

        public Dictionary<int, int> TeamIdByUnit { get; } = [];

        public Dictionary<int, DateOnly> LastActivityByTeam { get; } = [];
    }

    public sealed record GeneratedVisit(DateOnly On, int? MemberId, DigitalSkills Skills, bool Vneid, bool PublicServices, VisitOutcome Outcome, Guid RequestId);

    public sealed record GeneratedHousehold(
        int Id, string HeadName, string Address, string SearchKey, int BirthYear, string? Phone, int Size,
        DigitalSkills Skills, bool Vneid, bool PublicServices, bool NeedsAssistance, int? AssistantId, int? AssignedId,
        CoverageStatus Coverage, DateOnly? LastVisitedOn,
        List<(DigitalSkills Skill, DateOnly On, int? MemberId)> Guidance, List<GeneratedVisit> Visits);

    public static readonly string[] TeamColumns =
    [
        nameof(Team.Id), nameof(Team.UnitId), nameof(Team.DistrictId), nameof(Team.CommuneId), nameof(Team.VillageId),
        nameof(Team.Name), nameof(Team.Level), nameof(Team.IsConstituted), nameof(Team.ZaloGroupUrl), nameof(Team.Hotline),
        nameof(Team.RegulationNumber), nameof(Team.RegulationIssuedOn), nameof(Team.LastActivityOn), nameof(Team.CreatedAtUtc), nameof(Team.Version),
    ];

    public static readonly string[] PersonColumns =
    [
        nameof(Person.Id), nameof(Person.UnitId), nameof(Person.DistrictId), nameof(Person.CommuneId), nameof(Person.VillageId),
        nameof(Person.FullName), nameof(Person.FullNameSearch), nameof(Person.BirthYear), nameof(Person.Phone), nameof(Person.Zalo), nameof(Person.Version),
    ];

    public static readonly string[] MemberColumns =
    [
        nameof(TeamMember.Id), nameof(TeamMember.UnitId), nameof(TeamMember.DistrictId), nameof(TeamMember.CommuneId), nameof(TeamMember.VillageId),
        nameof(TeamMember.TeamId), nameof(TeamMember.PersonId), nameof(TeamMember.Position), nameof(TeamMember.Title), nameof(TeamMember.Affiliation),
        nameof(TeamMember.StartDate), nameof(TeamMember.EndDate), nameof(TeamMember.TaskAssignment), nameof(TeamMember.Version),
    ];

    public static readonly string[] ActivityColumns =
    [
        nameof(TeamActivity.UnitId), nameof(TeamActivity.DistrictId), nameof(TeamActivity.CommuneId), nameof(TeamActivity.VillageId),
        nameof(TeamActivity.TeamId), nameof(TeamActivity.Kind), nameof(TeamActivity.Date), nameof(TeamActivity.Title), nameof(TeamActivity.Topics),
        nameof(TeamActivity.Place), nameof(TeamActivity.ParticipantCount), nameof(TeamActivity.MembersPresent), nameof(TeamActivity.Version),
    ];

    public static readonly string[] AnnualPlanColumns =
    [
        nameof(AnnualPlan.UnitId), nameof(AnnualPlan.DistrictId), nameof(AnnualPlan.CommuneId), nameof(AnnualPlan.VillageId),
        nameof(AnnualPlan.TeamId), nameof(AnnualPlan.Year), nameof(AnnualPlan.KeyTargets), nameof(AnnualPlan.Version),
    ];

    /// <summary>A quarter's snapshot of a village: its place, the quarter, then every counter in <see cref="SummaryCounter"/> order.</summary>
    public static readonly string[] QuarterSnapshotColumns =
    [
        nameof(VillageQuarterSummary.UnitId), nameof(VillageQuarterSummary.DistrictId), nameof(VillageQuarterSummary.CommuneId),
        nameof(VillageQuarterSummary.VillageId), nameof(VillageQuarterSummary.Year), nameof(VillageQuarterSummary.Quarter),
        .. HouseholdCounts.Counters.Select(c => c.ToString()),
    ];

    public static readonly string[] HouseholdColumns =
    [
        nameof(Household.Id), nameof(Household.UnitId), nameof(Household.DistrictId), nameof(Household.CommuneId), nameof(Household.VillageId),
        nameof(Household.HeadName), nameof(Household.Address), nameof(Household.SearchKey), nameof(Household.HeadBirthYear), nameof(Household.Phone),
        nameof(Household.Size), nameof(Household.SkillsGuided), nameof(Household.HasVneidLevel2), nameof(Household.HasPublicServiceAccount),
        nameof(Household.NeedsAssistance), nameof(Household.AssistantMemberId), nameof(Household.AssignedMemberId), nameof(Household.Coverage),
        nameof(Household.LastVisitedOn), nameof(Household.SkillsLastGuidedOn), nameof(Household.CreatedAtUtc), nameof(Household.Version),
    ];

    public static readonly string[] SkillColumns =
    [
        nameof(HouseholdSkill.HouseholdId), nameof(HouseholdSkill.Skill), nameof(HouseholdSkill.GuidedOn), nameof(HouseholdSkill.GuidedByMemberId),
    ];

    public static readonly string[] VisitColumns =
    [
        nameof(HouseholdVisit.UnitId), nameof(HouseholdVisit.DistrictId), nameof(HouseholdVisit.CommuneId), nameof(HouseholdVisit.VillageId),
        nameof(HouseholdVisit.HouseholdId), nameof(HouseholdVisit.VisitedOn), nameof(HouseholdVisit.MemberId), nameof(HouseholdVisit.SkillsGuided),
        nameof(HouseholdVisit.HasVneidLevel2), nameof(HouseholdVisit.HasPublicServiceAccount), nameof(HouseholdVisit.Outcome), nameof(HouseholdVisit.Note),
        nameof(HouseholdVisit.ClientRequestId), nameof(HouseholdVisit.CreatedAtUtc),
    ];

    private readonly Random _random = new(options.Seed);

    // ≈ 9.7 villages a commune, as the province's ≈ 1,891 villages over 195 communes.
    public int VillageCount(UnitInfo commune) => commune.Urban ? _random.Next(6, 13) : _random.Next(6, 15);

    public IReadOnlyList<string> VillageNames(UnitInfo commune, int count) =>
        VietnameseNames.Villages(_random, count, commune.Urban);

    /// <summary>Teams for every commune and village, with their people, memberships and activities.</summary>
    public GeneratedTeams Teams(IReadOnlyList<UnitInfo> communes, IReadOnlyList<UnitInfo> villages)
    {
        var result = new GeneratedTeams();
        var teamId = 0;
        var personId = 0;
        var memberId = 0;
        foreach (var unit in communes.Concat(villages))
        {
            var random = new Random(StreamSeed(unit.Id, 1));
            var id = ++teamId;
            result.TeamIdByUnit[unit.Id] = id;
            var requirements = TeamCompositionRule.RequirementsFor(unit.Level);
            // About one team in eight still lacks a prescribed office holder: the "chưa kiện toàn" cases.
            var skipped = random.NextDouble() < 0.12 ? random.Next(requirements.Count) : -1;
            var holders = new List<TeamCompositionRule.Holder>();
            var active = new List<int>();
            var plainMembers = unit.Level == UnitLevel.Commune ? random.Next(7, 13) : random.Next(3, 6);
            var since = new DateOnly(2023, 1, 1).AddDays(random.Next(0, 500));
            var firstMemberRow = result.Members.Count;
            for (var slot = 0; slot < requirements.Count + plainMembers; slot++)
            {
                if (slot == skipped)
                {
                    continue;
                }

                var required = slot < requirements.Count ? requirements[slot] : null;
                var position = required?.Position ?? TeamPosition.Member;
                var title = required?.Title ?? OfficialTitle.None;
                var affiliation = title switch
                {
                    OfficialTitle.CommuneChair or OfficialTitle.VillageHead => Affiliation.Official,
                    OfficialTitle.CommunePoliceChief or OfficialTitle.VillagePoliceOfficer => Affiliation.Police,
                    OfficialTitle.CommuneYouthUnionSecretary or OfficialTitle.VillageYouthUnionSecretary => Affiliation.YouthUnion,
                    _ => (Affiliation)random.Next(1, 8),
                };
                var male = random.NextDouble() < (title == OfficialTitle.None ? 0.5 : 0.75);
                var name = VietnameseNames.FullName(random, male);
                var phone = VietnameseNames.Phone(random);
                result.People.Add([++personId, unit.Id, unit.DistrictId, unit.CommuneId, unit.VillageId,
                    name, VietnameseText.ToSearchKey(name), random.Next(1962, 2004), phone, random.NextDouble() < 0.7 ? phone : null, 0]);
                result.Members.Add([++memberId, unit.Id, unit.DistrictId, unit.CommuneId, unit.VillageId,
                    id, personId, position, title, affiliation, since, null,
                    title == OfficialTitle.None ? "Hướng dẫn kỹ năng số cho các hộ được phân công" : null, 0]);
                holders.Add(new(position, title));
                active.Add(memberId);
            }

            // A few former members, so history has something to answer.
            if (random.NextDouble() < 0.25)
            {
                var name = VietnameseNames.FullName(random, random.NextDouble() < 0.5);
                result.People.Add([++personId, unit.Id, unit.DistrictId, unit.CommuneId, unit.VillageId,
                    name, VietnameseText.ToSearchKey(name), random.Next(1962, 2004), VietnameseNames.Phone(random), null, 0]);
                result.Members.Add([++memberId, unit.Id, unit.DistrictId, unit.CommuneId, unit.VillageId,
                    id, personId, TeamPosition.Member, OfficialTitle.None, Affiliation.Citizen, since, since.AddDays(random.Next(60, 400)), null, 0]);
            }

            if (unit.Level == UnitLevel.Village)
            {
                result.ActiveMembersByVillage[unit.Id] = active;
            }

            var lastActivity = (DateOnly?)null;
            var activityCount = unit.Level == UnitLevel.Commune ? random.Next(2, 6) : random.Next(0, 3);
            for (var a = 0; a < activityCount; a++)
            {
                var kind = random.NextDouble() < 0.5 ? ActivityKind.Training : ActivityKind.Outreach;
                var date = options.Today.AddDays(-random.Next(1, 400));
                var topic = DigitalSkillLabels.Each[random.Next(5)];
                lastActivity = lastActivity is null || date > lastActivity ? date : lastActivity;
                result.Activities.Add([unit.Id, unit.DistrictId, unit.CommuneId, unit.VillageId, id, kind, date,
                    (kind == ActivityKind.Training ? "Tập huấn: " : "Tuyên truyền: ") + topic.ToVietnamese(), topic,
                    kind == ActivityKind.Training ? "Hội trường UBND " + unit.Name : "Nhà văn hóa " + unit.Name,
                    random.Next(15, 120), random.Next(2, Math.Max(3, active.Count)), 0]);
            }

            if (lastActivity is not null)
            {
                result.LastActivityByTeam[id] = lastActivity.Value;
            }

            var hasRegulation = random.NextDouble() < 0.75;
            // Rule R5 (§2.11), drawn after everything else so the rest of the team stays as it always was: about two teams in
            // three have the regulation, a task for every member and this year's plan; the others show the usual gaps — no
            // regulation, last year's plan only, or office holders without a written task.
            var hasPlanThisYear = hasRegulation && random.NextDouble() < 0.95;
            var everyoneTasked = random.NextDouble() < 0.93;
            if (everyoneTasked)
            {
                for (var row = firstMemberRow; row < result.Members.Count; row++)
                {
                    var member = result.Members[row];
                    member[12] ??= (TeamPosition)member[7]! switch
                    {
                        TeamPosition.Leader => "Phụ trách chung; chỉ đạo, đôn đốc các thành viên; báo cáo kết quả hằng quý",
                        TeamPosition.Deputy => "Giúp tổ trưởng theo dõi tiến độ phủ hộ gia đình; tổng hợp khó khăn, đề xuất",
                        _ => "Phối hợp tuyên truyền, hướng dẫn kỹ năng số theo lĩnh vực phụ trách",
                    };
                }
            }

            var planYears = hasPlanThisYear ? new[] { options.Today.Year - 1, options.Today.Year }
                : hasRegulation ? [options.Today.Year - 1] : [];
            foreach (var planYear in planYears)
            {
                result.AnnualPlans.Add([unit.Id, unit.DistrictId, unit.CommuneId, unit.VillageId, id, planYear,
                    $"Năm {planYear}: {random.Next(80, 100)}% hộ gia đình có người sử dụng được 05 kỹ năng số; 100% hộ được hướng dẫn kích hoạt VNeID mức 2; tập huấn thành viên mỗi quý.", 0]);
            }

            result.Teams.Add([id, unit.Id, unit.DistrictId, unit.CommuneId, unit.VillageId,
                "Tổ CNSCĐ " + unit.Name, unit.Level, TeamCompositionRule.IsConstituted(unit.Level, holders),
                random.NextDouble() < 0.6 ? "https://zalo.me/g/" + Convert.ToHexString(BitConverter.GetBytes(random.NextInt64())).ToLowerInvariant() : null,
                random.NextDouble() < 0.5 ? VietnameseNames.Phone(random) : null,
                hasRegulation ? $"{random.Next(10, 250)}/QĐ-UBND" : null,
                hasRegulation ? new DateOnly(2023, 1, 1).AddDays(random.Next(0, 600)) : null,
                null, CreatedAt, 0]);
        }

        return result;
    }

    /// <summary>Plans the villages that get households: how many each, their first id, how far ahead their commune is.</summary>
    public List<VillagePlan> PlanHouseholds(IReadOnlyList<UnitInfo> villagesWithHouseholds, IReadOnlyDictionary<int, List<int>> membersByVillage)
    {
        var weights = villagesWithHouseholds.Select(_ => 0.5 + _random.NextDouble()).ToList();
        var totalWeight = weights.Sum();
        var districtProgress = new Dictionary<int, double>();
        var communeProgress = new Dictionary<int, double>();
        var plans = new List<VillagePlan>(villagesWithHouseholds.Count);
        var nextId = 1;
        var assigned = 0;
        for (var i = 0; i < villagesWithHouseholds.Count; i++)
        {
            var village = villagesWithHouseholds[i];
            var count = i == villagesWithHouseholds.Count - 1
                ? options.Households - assigned
                : (int)Math.Round(options.Households * weights[i] / totalWeight);
            count = Math.Max(0, Math.Min(count, options.Households - assigned));
            var district = village.DistrictId ?? 0;
            if (!districtProgress.TryGetValue(district, out var dp))
            {
                dp = districtProgress[district] = 0.3 + (_random.NextDouble() * 0.55);
            }

            var commune = village.CommuneId ?? 0;
            if (!communeProgress.TryGetValue(commune, out var cp))
            {
                // Some communes far ahead, some behind: the commune varies around its district.
                cp = communeProgress[commune] = Math.Clamp(dp + ((_random.NextDouble() - 0.5) * 0.5), 0.05, 0.97);
            }

            plans.Add(new VillagePlan(village, nextId, count, cp, membersByVillage.TryGetValue(village.Id, out var m) ? [.. m] : []));
            nextId += count;
            assigned += count;
        }

        return plans;
    }

    /// <summary>The households of one village, identical every time it is called for the same plan.</summary>
    public IEnumerable<GeneratedHousehold> Households(VillagePlan plan)
    {
        var random = new Random(StreamSeed(plan.Village.Id, 2));
        var members = plan.MemberIds;
        int? AnyMember() => members.Length == 0 ? null : members[random.Next(members.Length)];
        for (var n = 0; n < plan.HouseholdCount; n++)
        {
            var male = random.NextDouble() < 0.72;
            var head = VietnameseNames.FullName(random, male);
            var birthYear = random.Next(1938, 1998);
            var engagement = Math.Clamp(plan.Progress + ((random.NextDouble() - 0.5) * 0.4), 0, 1);
            var skills = DigitalSkills.None;
            foreach (var skill in DigitalSkillLabels.Each)
            {
                var p = skill == DigitalSkills.OtherPlatforms ? engagement * 0.85 : engagement;
                if (random.NextDouble() < p)
                {
                    skills |= skill;
                }
            }

            // Most covered households have all five; make "all" more likely than independent draws would.
            if (random.NextDouble() < engagement * 0.6)
            {
                skills = DigitalSkills.All;
            }

            var vneid = random.NextDouble() < Math.Min(1, engagement + 0.15);
            var publicServices = random.NextDouble() < engagement;
            var needsAssistance = birthYear < 1956 && random.NextDouble() < 0.5;
            var assistant = needsAssistance && random.NextDouble() < plan.Progress ? AnyMember() : null;
            var assigned = random.NextDouble() < 0.8 ? AnyMember() : null;

            var visitCount = (int)Math.Round(random.NextDouble() * 2 * options.VisitsPerHousehold);
            if (skills != DigitalSkills.None && visitCount == 0)
            {
                visitCount = 1; // a skill is only ever guided during a visit
            }

            var visitDates = Enumerable.Range(0, visitCount).Select(_ => options.Today.AddDays(-random.Next(0, 730))).Order().ToList();
            var visits = new List<GeneratedVisit>(visitCount);
            var guidance = new List<(DigitalSkills, DateOnly, int?)>();
            var visitSkills = new DigitalSkills[visitCount];
            foreach (var skill in DigitalSkillLabels.Each.Where(s => skills.HasFlag(s)))
            {
                visitSkills[random.Next(visitCount)] |= skill;
            }

            for (var v = 0; v < visitCount; v++)
            {
                var member = AnyMember();
                var last = v == visitCount - 1;
                var outcome = visitSkills[v] != DigitalSkills.None ? VisitOutcome.Guided
                    : (VisitOutcome)random.Next(1, 5);
                visits.Add(new GeneratedVisit(visitDates[v], member, visitSkills[v], last && vneid, last && publicServices, outcome, NewGuid(random)));
                foreach (var skill in DigitalSkillLabels.Each.Where(s => visitSkills[v].HasFlag(s)))
                {
                    guidance.Add((skill, visitDates[v], member));
                }
            }

            var address = VietnameseNames.Address(random, plan.Village.Name, plan.Village.Urban);
            yield return new GeneratedHousehold(
                plan.FirstHouseholdId + n, head, address, VietnameseText.ToSearchKey(head + " " + address), birthYear,
                random.NextDouble() < 0.85 ? VietnameseNames.Phone(random) : null, random.Next(1, 8),
                skills, vneid, publicServices, needsAssistance, assistant, assigned,
                HouseholdCoverageRule.Evaluate(skills, vneid, publicServices, needsAssistance, assistant),
                visitCount == 0 ? null : visitDates[^1], guidance, visits);
        }
    }

    /// <summary>
    /// The village's figures at the end of each given quarter, as its households stood then: a skill counts from the visit
    /// that guided it, VNeID, the public-service account and the assistant from the visit that recorded them (the last; a
    /// household never visited had them all along), coverage by the same rule. The quarter snapshots the dashboard's trend
    /// reads, for the quarters before the seed's.
    /// </summary>
    public static IEnumerable<object?[]> QuarterSnapshotRows(VillagePlan plan, IReadOnlyList<GeneratedHousehold> households,
        IEnumerable<ReportingPeriod> quarters)
    {
        var v = plan.Village;
        foreach (var quarter in quarters)
        {
            var end = quarter.End;
            var totals = new HouseholdCounts();
            foreach (var h in households)
            {
                var skills = DigitalSkills.None;
                foreach (var (skill, on, _) in h.Guidance)
                {
                    skills |= on <= end ? skill : DigitalSkills.None;
                }

                // A household never visited had its accounts from the start (registered elsewhere, e.g. by the police).
                var recorded = h.LastVisitedOn is not { } last || last <= end;
                var vneid = recorded && h.Vneid;
                var publicServices = recorded && h.PublicServices;
                var assistant = recorded ? h.AssistantId : null;
                totals.Add(HouseholdCounts.Of(HouseholdCoverageRule.Evaluate(skills, vneid, publicServices, h.NeedsAssistance, assistant),
                    skills, vneid, publicServices, h.NeedsAssistance, assistant, h.AssignedId));
            }

            yield return [v.Id, v.DistrictId, v.CommuneId, v.VillageId, quarter.Year, quarter.Quarter,
                .. HouseholdCounts.Counters.Select(c => (object?)totals[c])];
        }
    }

    public static object?[] HouseholdRow(VillagePlan plan, GeneratedHousehold h)
    {
        var v = plan.Village;
        return [h.Id, v.Id, v.DistrictId, v.CommuneId, v.VillageId, h.HeadName, h.Address,
            h.SearchKey, h.BirthYear, h.Phone, h.Size, h.Skills, h.Vneid, h.PublicServices,
            h.NeedsAssistance, h.AssistantId, h.AssignedId, h.Coverage, h.LastVisitedOn,
            h.Guidance.Count == 0 ? null : h.Guidance.Max(g => g.On), CreatedAt, 0];
    }

    public static IEnumerable<object?[]> SkillRows(GeneratedHousehold h) =>
        h.Guidance.Select(g => new object?[] { h.Id, g.Skill, g.On, g.MemberId });

    public static IEnumerable<object?[]> VisitRows(VillagePlan plan, GeneratedHousehold h)
    {
        var v = plan.Village;
        return h.Visits.Select(visit => new object?[]
        {
            v.Id, v.DistrictId, v.CommuneId, v.VillageId, h.Id, visit.On, visit.MemberId, visit.Skills, visit.Vneid, visit.PublicServices,
            visit.Outcome, null, visit.RequestId, visit.On.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
        });
    }

    private int StreamSeed(int unitId, int stream) => unchecked((options.Seed * 1_000_003) + (unitId * 31) + stream);

    private static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
