using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Households;

/// <summary>
/// What <see cref="HouseholdAssistanceService.SetAssistanceAsync"/> left: the household's coverage (the rule ran again)
/// and its new <see cref="Version"/>, for the editor's next save.
/// </summary>
public sealed record AssistanceSaved(CoverageStatus Coverage, int Version);
