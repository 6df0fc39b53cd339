using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>A training of members (§1.3) or an outreach event (§1.2) as the officer records it.</summary>
public sealed record ActivityInput(ActivityKind Kind, DateOnly Date, string? Title, DigitalSkills Topics, string? Place, int ParticipantCount,
    int MembersPresent);
