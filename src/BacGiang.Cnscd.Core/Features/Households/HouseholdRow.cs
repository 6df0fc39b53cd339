using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Households;

/// <summary>A household as the register lists it. <see cref="Phone"/> is already what the reader may see.</summary>
public sealed record HouseholdRow(
    int Id,
    string HeadName,
    string Address,
    string Phone,
    CoverageStatus Coverage,
    int SkillsCount,
    bool HasVneidLevel2,
    bool HasPublicServiceAccount,
    bool NeedsAssistance,
    string? AssistantName,
    DateOnly? LastVisitedOn);
