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
}
