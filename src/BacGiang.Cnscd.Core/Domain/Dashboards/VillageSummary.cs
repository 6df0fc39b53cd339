namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// The current household figures of one village (one row per village, keyed by the village's unit id),
/// maintained in the same transaction as every household change. Dashboards at every level add these rows
/// up instead of scanning households. See docs/decisions/040-maintained-village-summaries.md.
/// </summary>
public class VillageSummary : VillageCounters
{
}
