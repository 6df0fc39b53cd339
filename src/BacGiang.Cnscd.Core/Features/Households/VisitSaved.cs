using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Households;

/// <summary>
/// A visit as <see cref="HouseholdVisitService.LogVisitAsync"/> stored it, and the household's coverage after it.
/// <see cref="AlreadyRecorded"/> is true when the request had been saved before (a retry): nothing new was stored.
/// </summary>
public sealed record VisitSaved(long VisitId, bool AlreadyRecorded, CoverageStatus? Coverage);
