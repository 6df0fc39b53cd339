namespace BacGiang.Cnscd.Core.Domain;

/// <summary>A team's plan for one year (§2.11, rule R5).</summary>
public class AnnualPlan : UnitScopedEntity, IVersioned
{
    public int Id { get; set; }

    public int TeamId { get; set; }

    public int Year { get; set; }

    [FreeText]
    public string KeyTargets { get; set; } = "";

    public Guid? FileId { get; set; }

    public int Version { get; set; }
}
