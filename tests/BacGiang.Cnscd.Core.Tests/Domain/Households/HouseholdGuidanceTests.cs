using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Tests.Domain.Households;

/// <summary>
/// <see cref="Household.SkillsLastGuidedOn"/> is the newest date among the household's skill rows: the quarterly indicators
/// trust the stored skills for any date on or after it, so it must never lag behind a skill row nor move back.
/// </summary>
public class HouseholdGuidanceTests
{
    [Fact]
    public void NeverGuided_HasNoDate()
    {
        var household = new Household();

        household.RecordGuidance(DigitalSkills.None, new DateOnly(2026, 5, 1), null);

        Assert.Null(household.SkillsLastGuidedOn);
        Assert.Empty(household.Skills);
    }

    [Fact]
    public void TheDate_IsTheNewestAmongTheSkillRows_EvenWhenAnOlderVisitIsTypedInLate()
    {
        var household = new Household();

        household.RecordGuidance(DigitalSkills.OnlineShopping, new DateOnly(2026, 3, 2), null);
        household.RecordGuidance(DigitalSkills.OnlinePayment | DigitalSkills.OnlineShopping, new DateOnly(2026, 8, 9), null);
        household.RecordGuidance(DigitalSkills.OnlineSafety, new DateOnly(2026, 4, 1), null); // kept on a phone, saved late

        Assert.Equal(new DateOnly(2026, 8, 9), household.SkillsLastGuidedOn);
        Assert.Equal(household.Skills.Max(s => s.GuidedOn), household.SkillsLastGuidedOn);
        Assert.Equal(DigitalSkills.OnlineShopping | DigitalSkills.OnlinePayment | DigitalSkills.OnlineSafety, household.SkillsGuided);
    }
}
