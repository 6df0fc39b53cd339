using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Households;

/// <summary>
/// The outcome of <see cref="HouseholdAssistanceService.SetAssistanceAsync"/>: the household's coverage and new
/// <see cref="Version"/>, or a Vietnamese message.
/// </summary>
public sealed record AssistanceResult(bool Succeeded, string? Error, CoverageStatus? Coverage, int Version)
{
    public static AssistanceResult Fail(string error) => new(false, error, null, 0);

    public static AssistanceResult Ok(CoverageStatus coverage, int version) => new(true, null, coverage, version);
}
