namespace BacGiang.Cnscd.Core.Domain;

/// <summary>A target assigned to a unit by the level above (district → commune, province → district).</summary>
public class Target : UnitScopedEntity, IVersioned
{
    public int Id { get; set; }

    public TargetIndicator Indicator { get; set; }

    /// <summary>Target value in percent, 0–100.</summary>
    public decimal Percent { get; set; }

    public DateOnly DueDate { get; set; }

    public string? SetByUserId { get; set; }

    /// <summary>When the target was last set (UTC), for dashboards that show how recent a target is.</summary>
    public DateTime SetAtUtc { get; set; }

    public int Version { get; set; }
}
