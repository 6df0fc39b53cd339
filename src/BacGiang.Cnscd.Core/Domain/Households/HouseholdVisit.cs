namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// A door-to-door visit. Never edited by the household list: a visit is a fact that happened.
/// <see cref="ClientRequestId"/> is unique, so a save retried after a dropped connection is
/// recognised and does not create a second visit.
/// </summary>
public class HouseholdVisit : UnitScopedEntity
{
    public long Id { get; set; }

    public int HouseholdId { get; set; }

    public DateOnly VisitedOn { get; set; }

    public int? MemberId { get; set; }

    public DigitalSkills SkillsGuided { get; set; }

    public bool HasVneidLevel2 { get; set; }

    public bool HasPublicServiceAccount { get; set; }

    public VisitOutcome Outcome { get; set; }

    [FreeText]
    public string? Note { get; set; }

    public Guid ClientRequestId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
