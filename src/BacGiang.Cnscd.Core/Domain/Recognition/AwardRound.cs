namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// One year's call for DX Day nominations, set by the Department: the last day a nomination may be submitted.
/// Scoped to the province's unit, so every account reads it and only the province writes it.
/// </summary>
public class AwardRound : UnitScopedEntity, IVersioned
{
    public int Id { get; set; }

    public int Year { get; set; }

    /// <summary>The last day (Vietnam time) a unit may submit a nomination for this year.</summary>
    public DateOnly NominationDeadline { get; set; }

    public int Version { get; set; }

    /// <summary>DX Day of the year: the day the awards are handed over.</summary>
    public static DateOnly DigitalTransformationDay(int year) => new(year, 10, 10);
}
