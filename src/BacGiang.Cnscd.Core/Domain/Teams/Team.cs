namespace BacGiang.Cnscd.Core.Domain;

/// <summary>A Tổ CNSCĐ: one per commune or village (the unit is <see cref="UnitScopedEntity.UnitId"/>).</summary>
public class Team : UnitScopedEntity, IVersioned
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Commune team or village team, copied from the unit's level.</summary>
    public UnitLevel Level { get; set; }

    /// <summary>Result of the last R1 check, kept so that lists can filter on it without recomputing.</summary>
    public bool IsConstituted { get; set; }

    /// <summary>Support contact points (§1.5).</summary>
    public string? ZaloGroupUrl { get; set; }

    public string? Hotline { get; set; }

    /// <summary>Operating regulation (§2.11): number and date of the decision.</summary>
    public string? RegulationNumber { get; set; }

    public DateOnly? RegulationIssuedOn { get; set; }

    public Guid? RegulationFileId { get; set; }

    /// <summary>Last visit, training or outreach; rule R2 compares it to today.</summary>
    public DateOnly? LastActivityOn { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// The last day of a team whose unit was closed by a restructuring (issue 12); null while the team serves. A closed
    /// team keeps its roster and history but no longer counts, and its members are offered to the successor's team.
    /// </summary>
    public DateOnly? ClosedOn { get; set; }

    public int Version { get; set; }

    public List<TeamMember> Members { get; set; } = [];
}
