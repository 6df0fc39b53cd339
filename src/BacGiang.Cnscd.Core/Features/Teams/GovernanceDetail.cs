namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>A team's governance records (§2.11, R5): the operating regulation with its document, and its annual plans, newest first.</summary>
public sealed record GovernanceDetail(int TeamId, string? RegulationNumber, DateOnly? RegulationIssuedOn, AttachmentLink? RegulationFile,
    IReadOnlyList<AnnualPlanRow> Plans, int Version);
