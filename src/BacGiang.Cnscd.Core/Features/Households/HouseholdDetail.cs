using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Households;

/// <summary>
/// One household with its 5 skills, accounts and assistance, and the village team's active members
/// (who may be named as the visitor or the assistant). <see cref="Phone"/> is already what the reader may see;
/// <see cref="Version"/> is the concurrency token an edit sends back.
/// </summary>
public sealed record HouseholdDetail(
    int Id,
    int VillageId,
    string VillageName,
    string HeadName,
    string Address,
    string Phone,
    int Size,
    CoverageStatus Coverage,
    DigitalSkills SkillsGuided,
    IReadOnlyList<HouseholdSkillRow> Skills,
    bool HasVneidLevel2,
    bool HasPublicServiceAccount,
    bool NeedsAssistance,
    int? AssistantMemberId,
    string? AssistantName,
    DateOnly? LastVisitedOn,
    IReadOnlyList<TeamMemberOption> Members,
    int Version = 0);
