namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// A village's figures as they stood at the end of a quarter (or now, for the current quarter): the source of
/// the dashboards' per-quarter trend. The row of the current quarter receives the same deltas as
/// <see cref="VillageSummary"/>; it is created, as a copy of the summary, by the first change of the quarter.
/// A quarter without a row for a village means "unchanged since the village's previous row".
/// See docs/decisions/041-quarterly-trend-from-snapshots.md.
/// </summary>
public class VillageQuarterSummary : VillageCounters
{
    public int Year { get; set; }

    /// <summary>1–4 (Q1 = January–March), in Vietnam time.</summary>
    public int Quarter { get; set; }
}
