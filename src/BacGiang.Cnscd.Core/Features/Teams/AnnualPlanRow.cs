namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>A team's plan for one year (§2.11): key targets and the plan document.</summary>
public sealed record AnnualPlanRow(int Year, string KeyTargets, AttachmentLink? File);
