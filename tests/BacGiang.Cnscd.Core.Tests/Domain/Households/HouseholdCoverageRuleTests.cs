using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Tests.Domain.Households;

public class HouseholdCoverageRuleTests
{
    [Theory]
    [InlineData(DigitalSkills.All, true, true, false, null, CoverageStatus.CoveredByOwnMember)]
    [InlineData(DigitalSkills.All, true, true, true, 7, CoverageStatus.CoveredByOwnMember)]
    [InlineData(DigitalSkills.All, false, true, false, null, CoverageStatus.NotCovered)]
    [InlineData(DigitalSkills.All, true, false, false, null, CoverageStatus.NotCovered)]
    [InlineData(DigitalSkills.All & ~DigitalSkills.OtherPlatforms, true, true, false, null, CoverageStatus.NotCovered)]
    [InlineData(DigitalSkills.None, false, false, true, 7, CoverageStatus.CoveredByAssistance)]
    [InlineData(DigitalSkills.OnlinePayment, true, false, true, 7, CoverageStatus.CoveredByAssistance)]
    [InlineData(DigitalSkills.None, false, false, true, null, CoverageStatus.NotCovered)]
    [InlineData(DigitalSkills.None, false, false, false, 7, CoverageStatus.NotCovered)]
    public void Evaluate_FollowsRuleR3(DigitalSkills skills, bool vneid, bool publicServices, bool needsAssistance, int? assistant,
        CoverageStatus expected) =>
        Assert.Equal(expected, HouseholdCoverageRule.Evaluate(skills, vneid, publicServices, needsAssistance, assistant));

    [Fact]
    public void Household_GuidedInAllSkillsWithAccounts_IsCoveredByOwnMember()
    {
        var household = new Household();
        household.RecordGuidance(DigitalSkills.OnlinePublicServices | DigitalSkills.OnlinePayment, new DateOnly(2026, 3, 1), 5);
        household.SetAccounts(hasVneidLevel2: true, hasPublicServiceAccount: true);
        Assert.Equal(CoverageStatus.NotCovered, household.Coverage);

        household.RecordGuidance(DigitalSkills.OnlineShopping | DigitalSkills.OnlineSafety | DigitalSkills.OtherPlatforms, new DateOnly(2026, 4, 1), 6);

        Assert.Equal(CoverageStatus.CoveredByOwnMember, household.Coverage);
        Assert.Equal(5, household.Skills.Count);
        Assert.Equal(5, household.Skills.Single(s => s.Skill == DigitalSkills.OnlinePayment).GuidedByMemberId);
    }

    [Fact]
    public void Household_GuidedAgainLater_KeepsTheLatestDateAndMember()
    {
        var household = new Household();
        household.RecordGuidance(DigitalSkills.OnlinePayment, new DateOnly(2026, 3, 1), 5);
        household.RecordGuidance(DigitalSkills.OnlinePayment, new DateOnly(2026, 5, 1), 9);
        household.RecordGuidance(DigitalSkills.OnlinePayment, new DateOnly(2026, 4, 1), 7);

        var skill = Assert.Single(household.Skills);
        Assert.Equal(new DateOnly(2026, 5, 1), skill.GuidedOn);
        Assert.Equal(9, skill.GuidedByMemberId);
    }

    [Fact]
    public void Household_AssistanceWithdrawn_ClearsAssistantAndCoverage()
    {
        var household = new Household();
        household.SetAssistance(needsAssistance: true, assistantMemberId: 3);
        Assert.Equal(CoverageStatus.CoveredByAssistance, household.Coverage);

        household.SetAssistance(needsAssistance: false, assistantMemberId: 3);

        Assert.Null(household.AssistantMemberId);
        Assert.Equal(CoverageStatus.NotCovered, household.Coverage);
    }

    [Fact]
    public void AssistedOverload_DecidesLikeTheRuleForEveryCombinationOfInputs()
    {
        // The reports group households by these inputs in SQL and call the "assisted" overload once per group.
        foreach (var skills in new[] { DigitalSkills.None, DigitalSkills.OnlinePayment, DigitalSkills.All & ~DigitalSkills.OtherPlatforms, DigitalSkills.All })
        {
            foreach (var (vneid, publicServices) in new[] { (false, false), (true, false), (false, true), (true, true) })
            {
                foreach (var (needs, assistant) in new[] { (false, (int?)null), (false, 4), (true, null), (true, 4) })
                {
                    Assert.Equal(
                        HouseholdCoverageRule.Evaluate(skills, vneid, publicServices, needs, assistant),
                        HouseholdCoverageRule.Evaluate(skills, vneid, publicServices, assisted: needs && assistant is not null));
                }
            }
        }

        Assert.Equal(CoverageStatus.CoveredByOwnMember, HouseholdCoverageRule.Evaluate(DigitalSkills.All, true, true, assisted: true));
        Assert.Equal(CoverageStatus.CoveredByAssistance, HouseholdCoverageRule.Evaluate(DigitalSkills.All, true, false, assisted: true));
        Assert.Equal(CoverageStatus.NotCovered, HouseholdCoverageRule.Evaluate(DigitalSkills.All, false, true, assisted: false));
    }
}
