using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Households;

/// <summary>One of the 5 skills a household was guided in, when, and by which team member.</summary>
public sealed record HouseholdSkillRow(DigitalSkills Skill, DateOnly GuidedOn, int? MemberId, string? MemberName);
