namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// A membership: a person on a team in a position from <see cref="StartDate"/> until
/// <see cref="EndDate"/>. Leaving ends a membership; it is never deleted, so the team's
/// composition on any past date can be answered.
/// </summary>
public class TeamMember : UnitScopedEntity, IVersioned
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    public Team? Team { get; set; }

    public int PersonId { get; set; }

    public Person? Person { get; set; }

    public TeamPosition Position { get; set; }

    public OfficialTitle Title { get; set; }

    public Affiliation Affiliation { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    /// <summary>Task assignment (§2.11): the member's duties, and which villages or households they cover.</summary>
    [FreeText]
    public string? TaskAssignment { get; set; }

    public int Version { get; set; }

    public bool IsActiveOn(DateOnly date) => StartDate <= date && (EndDate is null || EndDate >= date);
}
