namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// A household of a village (the unit of coverage, rule R3). Coverage fields change only through
/// the methods below so that <see cref="Coverage"/> always agrees with <see cref="HouseholdCoverageRule"/>.
/// </summary>
public class Household : UnitScopedEntity, IVersioned
{
    public int Id { get; set; }

    public string HeadName { get; set; } = "";

    public string Address { get; set; } = "";

    /// <summary>Normalised "head name + address" (no diacritics, lower case) for indexed search.</summary>
    public string SearchKey { get; set; } = "";

    public int? HeadBirthYear { get; set; }

    public string? Phone { get; set; }

    public int Size { get; set; }

    public DigitalSkills SkillsGuided { get; private set; }

    /// <summary>
    /// The newest <see cref="HouseholdSkill.GuidedOn"/> among <see cref="Skills"/> (null: never guided). When it is on or
    /// before a date, <see cref="SkillsGuided"/> is exactly the skills as of that date, so the quarterly indicators read
    /// this row instead of summing the household's skill rows (see IndicatorCalculator).
    /// </summary>
    public DateOnly? SkillsLastGuidedOn { get; private set; }

    public bool HasVneidLevel2 { get; private set; }

    public bool HasPublicServiceAccount { get; private set; }

    public bool NeedsAssistance { get; private set; }

    /// <summary>The team member who helps a household that cannot manage alone (§2.9b).</summary>
    public int? AssistantMemberId { get; private set; }

    /// <summary>The team member responsible for visiting this household.</summary>
    public int? AssignedMemberId { get; set; }

    public CoverageStatus Coverage { get; private set; }

    public DateOnly? LastVisitedOn { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public int Version { get; set; }

    public List<HouseholdSkill> Skills { get; set; } = [];

    /// <summary>Records that a member guided the household in one or more skills on a date.</summary>
    public void RecordGuidance(DigitalSkills skills, DateOnly on, int? memberId)
    {
        foreach (var skill in DigitalSkillLabels.Each.Where(s => skills.HasFlag(s)))
        {
            var existing = Skills.FirstOrDefault(s => s.Skill == skill);
            if (existing is null)
            {
                Skills.Add(new HouseholdSkill { Skill = skill, GuidedOn = on, GuidedByMemberId = memberId });
            }
            else if (existing.GuidedOn < on)
            {
                existing.GuidedOn = on;
                existing.GuidedByMemberId = memberId;
            }
        }

        SkillsGuided |= skills & DigitalSkills.All;
        if ((skills & DigitalSkills.All) != DigitalSkills.None && (SkillsLastGuidedOn is null || SkillsLastGuidedOn < on))
        {
            SkillsLastGuidedOn = on;
        }

        RefreshCoverage();
    }

    public void SetAccounts(bool hasVneidLevel2, bool hasPublicServiceAccount)
    {
        HasVneidLevel2 = hasVneidLevel2;
        HasPublicServiceAccount = hasPublicServiceAccount;
        RefreshCoverage();
    }

    public void SetAssistance(bool needsAssistance, int? assistantMemberId)
    {
        NeedsAssistance = needsAssistance;
        AssistantMemberId = needsAssistance ? assistantMemberId : null;
        RefreshCoverage();
    }

    private void RefreshCoverage() =>
        Coverage = HouseholdCoverageRule.Evaluate(SkillsGuided, HasVneidLevel2, HasPublicServiceAccount, NeedsAssistance, AssistantMemberId);
}
