using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Households;

/// <summary>
/// A visit as the phone form sends it. <see cref="ClientRequestId"/> is made once per form on the device and
/// kept with the form's state, so a save retried after a dropped connection is the same request.
/// </summary>
public sealed record VisitRequest(
    Guid ClientRequestId,
    int HouseholdId,
    DateOnly VisitedOn,
    int MemberId,
    DigitalSkills Skills,
    bool HasVneidLevel2,
    bool HasPublicServiceAccount,
    string? Note,
    VisitOutcome Outcome = VisitOutcome.Guided);
