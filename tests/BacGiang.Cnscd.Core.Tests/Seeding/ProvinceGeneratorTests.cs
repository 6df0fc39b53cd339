using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Seeding;
using Info = BacGiang.Cnscd.Core.Seeding.ProvinceGenerator.UnitInfo;

namespace BacGiang.Cnscd.Core.Tests.Seeding;

public class ProvinceGeneratorTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly Info Commune = new(10, UnitLevel.Commune, UnitKind.Commune, "Xã Đông Hưng", 1, 10, null);
    private static readonly Info Village = new(100, UnitLevel.Village, UnitKind.Village, "Thôn Đông", 1, 10, 100);

    private static List<ProvinceGenerator.GeneratedHousehold> Generate(int seed, int households = 300)
    {
        var generator = new ProvinceGenerator(new SeedOptions { Seed = seed, Households = households, Today = Today });
        var teams = generator.Teams([Commune], [Village]);
        var plan = generator.PlanHouseholds([Village], teams.ActiveMembersByVillage).Single();
        return generator.Households(plan).ToList();
    }

    [Fact]
    public void SameSeed_GeneratesTheSameHouseholds()
    {
        var first = Generate(7);
        var second = Generate(7);
        Assert.Equal(first.Select(h => (h.HeadName, h.Address, h.Skills, h.Visits.Count)), second.Select(h => (h.HeadName, h.Address, h.Skills, h.Visits.Count)));
    }

    [Fact]
    public void OtherSeed_GeneratesOtherHouseholds() =>
        Assert.NotEqual(Generate(7).Select(h => h.HeadName), Generate(8).Select(h => h.HeadName));

    [Fact]
    public void Households_AreConsistentWithTheRules()
    {
        var households = Generate(2025, 500);
        Assert.Equal(500, households.Count);
        foreach (var h in households)
        {
            Assert.Equal(HouseholdCoverageRule.Evaluate(h.Skills, h.Vneid, h.PublicServices, h.NeedsAssistance, h.AssistantId), h.Coverage);
            Assert.All(h.Visits, v => Assert.True(v.On <= Today, "no visit in the future"));
            // Every guided skill was guided during one of the household's visits.
            Assert.All(h.Guidance, g => Assert.Contains(h.Visits, v => v.On == g.On && v.Skills.HasFlag(g.Skill)));
            Assert.Equal(h.Skills, h.Guidance.Aggregate(DigitalSkills.None, (all, g) => all | g.Skill));
            Assert.Matches(@"^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$", h.HeadName);
        }

        // A believable spread: some covered, some not.
        Assert.Contains(households, h => h.Coverage == CoverageStatus.CoveredByOwnMember);
        Assert.Contains(households, h => h.Coverage == CoverageStatus.NotCovered);
    }

    [Fact]
    public void Teams_FollowRuleR1_WithSomeNotConstituted()
    {
        var communes = Enumerable.Range(1, 60).Select(i => Commune with { Id = i, CommuneId = i }).ToList();
        var teams = new ProvinceGenerator(new SeedOptions { Today = Today }).Teams(communes, []);
        var constituted = teams.Teams.Count(t => (bool)t[7]!);
        Assert.InRange(constituted, 40, 59);
    }

    [Fact]
    public void QuarterSnapshots_RiseQuarterByQuarter_AndTheLastEqualsTheHouseholdsAsTheyStand()
    {
        var generator = new ProvinceGenerator(new SeedOptions { Seed = 11, Households = 400, Today = Today });
        var teams = generator.Teams([Commune], [Village]);
        var plan = generator.PlanHouseholds([Village], teams.ActiveMembersByVillage).Single();
        var households = generator.Households(plan).ToList();
        var quarters = new SeedOptions { Today = Today }.HistoryPeriods().Append(ReportingPeriod.Containing(Today)).ToList();

        var rows = ProvinceGenerator.QuarterSnapshotRows(plan, households, quarters).ToList();
        var column = ProvinceGenerator.QuarterSnapshotColumns.ToList();
        int Value(object?[] row, SummaryCounter counter) => (int)row[column.IndexOf(counter.ToString())]!;
        int Covered(object?[] row) => Value(row, SummaryCounter.CoveredByOwnMember) + Value(row, SummaryCounter.CoveredByAssistance);

        Assert.Equal(6, rows.Count);
        Assert.Equal([(2025, 3), (2025, 4), (2026, 1), (2026, 2), (2026, 3), (2026, 4)], rows.Select(r => ((int)r[4]!, (int)r[5]!)));
        // Each quarter at least as far as the one before, and the first quarters well short of today.
        Assert.All(rows.Zip(rows.Skip(1)), pair => Assert.True(Covered(pair.Second) >= Covered(pair.First)));
        Assert.True(Covered(rows[0]) < Covered(rows[^1]) / 2, $"{Covered(rows[0])} of {Covered(rows[^1])} already covered six quarters ago");
        // Today's quarter (every visit is in it or before) is exactly what the households say now.
        var now = households.Aggregate(new HouseholdCounts(), (sum, h) => sum.Add(HouseholdCounts.Of(h.Coverage, h.Skills, h.Vneid, h.PublicServices,
            h.NeedsAssistance, h.AssistantId, h.AssignedId)));
        Assert.All(HouseholdCounts.Counters, c => Assert.Equal(now[c], Value(rows[^1], c)));
        // The same seed number, the same history.
        Assert.Equal(rows.Select(r => string.Join(",", r)), ProvinceGenerator.QuarterSnapshotRows(plan, generator.Households(plan).ToList(), quarters)
            .Select(r => string.Join(",", r)));
    }

    [Fact]
    public void Teams_AboutTwoInThreeHaveTheirGovernance_TheOthersRealisticGaps()
    {
        var villages = Enumerable.Range(1, 300).Select(i => Village with { Id = 1000 + i, VillageId = 1000 + i }).ToList();
        var teams = new ProvinceGenerator(new SeedOptions { Today = Today }).Teams([Commune], villages);
        var plansThisYear = teams.AnnualPlans.Where(p => (int)p[5]! == Today.Year).Select(p => (int)p[4]!).ToHashSet();
        var untasked = teams.Members.Where(m => m[11] is null && m[12] is null).Select(m => (int)m[5]!).ToHashSet();
        var regulated = teams.Teams.Where(t => t[10] is not null).Select(t => (int)t[0]!).ToHashSet();
        var complete = teams.Teams.Select(t => (int)t[0]!).Count(id => regulated.Contains(id) && plansThisYear.Contains(id) && !untasked.Contains(id));

        Assert.InRange(complete / (double)teams.Teams.Count, 0.55, 0.78);
        Assert.Contains(regulated, id => !plansThisYear.Contains(id) || untasked.Contains(id)); // a regulation, yet a gap
        Assert.Contains(teams.Teams, t => t[10] is null);                                      // no regulation at all
        Assert.All(plansThisYear, id => Assert.Contains(id, regulated));
    }
}
