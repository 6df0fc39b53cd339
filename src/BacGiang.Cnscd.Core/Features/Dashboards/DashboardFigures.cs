using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Dashboards;

/// <summary>
/// The figures of one unit on the dashboard: the household counters (from the village summaries), the teams (R1
/// constituted, R5 governance complete, R2 active), the quarterly reports (R4) that fell due and how many came on
/// time, the digital-transformation models published to the library (§1.6, §2.1đ), and the DX Day commendations
/// decided for the day's year (§1.7; nominations of the unit's subtree, decided or awarded). Percentages are of households
/// (or teams, or reports due); 0 when the base is 0.
/// </summary>
public sealed record DashboardFigures(
    HouseholdCounts Households, int Teams, int TeamsConstituted, int TeamsGovernanceComplete, int TeamsActive, int ReportsDue, int ReportsOnTime,
    int ModelsPublished = 0, int AwardsDecided = 0)
{
    public int HouseholdTotal => Households[SummaryCounter.Households];

    public int Covered => Households.Covered;

    public double CoveredPercent => Percent(Covered, HouseholdTotal);

    public double PercentOf(SummaryCounter counter) => Percent(Households[counter], HouseholdTotal);

    public double ConstitutedPercent => Percent(TeamsConstituted, Teams);

    public static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);

    public static DashboardFigures Empty() => new(new HouseholdCounts(), 0, 0, 0, 0, 0, 0);
}
