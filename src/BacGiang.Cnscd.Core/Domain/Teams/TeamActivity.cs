namespace BacGiang.Cnscd.Core.Domain;

/// <summary>A training of members (§1.3) or an outreach event (§1.2).</summary>
public class TeamActivity : UnitScopedEntity, IVersioned
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    public ActivityKind Kind { get; set; }

    public DateOnly Date { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Which of the 5 skills the activity was about (none = general).</summary>
    public DigitalSkills Topics { get; set; }

    public string? Place { get; set; }

    /// <summary>People reached (outreach) or attendees (training).</summary>
    public int ParticipantCount { get; set; }

    public int MembersPresent { get; set; }

    public int Version { get; set; }
}
