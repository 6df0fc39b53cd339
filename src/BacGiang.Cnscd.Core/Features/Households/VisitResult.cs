using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Households;

/// <summary>
/// The outcome of <see cref="HouseholdVisitService.LogVisitAsync"/>: the stored visit, or a Vietnamese message.
/// <see cref="AlreadyRecorded"/> is true when the request had been saved before (a retry): nothing new was stored.
/// </summary>
public sealed record VisitResult(bool Succeeded, string? Error, long? VisitId, bool AlreadyRecorded, CoverageStatus? Coverage)
{
    public static VisitResult Fail(string error) => new(false, error, null, false, null);

    public static VisitResult Saved(long visitId, bool alreadyRecorded, CoverageStatus? coverage) => new(true, null, visitId, alreadyRecorded, coverage);
}
