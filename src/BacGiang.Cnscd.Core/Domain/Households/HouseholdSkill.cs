namespace BacGiang.Cnscd.Core.Domain;

/// <summary>One of the 5 skills a household was guided in: when, and by which team member.</summary>
public class HouseholdSkill
{
    public int HouseholdId { get; set; }

    public DigitalSkills Skill { get; set; }

    public DateOnly GuidedOn { get; set; }

    public int? GuidedByMemberId { get; set; }
}
