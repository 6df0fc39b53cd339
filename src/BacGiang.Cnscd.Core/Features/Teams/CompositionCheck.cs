namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>One line of the R1 checklist: what is required, and whether it is met (else the rule's Vietnamese message).</summary>
public sealed record CompositionCheck(string Requirement, bool IsMet, string? MissingMessage);
