using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Dashboards;

/// <summary>
/// The fourteen household counters as a query projects them (sums of summary rows, or counts of households), so
/// that one mapping turns either into <see cref="HouseholdCounts"/>. EF fills it by member initialisation in SQL.
/// </summary>
internal sealed class CounterTotals
{
    public int Households { get; init; }

    public int Own { get; init; }

    public int Assisted { get; init; }

    public int S1 { get; init; }

    public int S2 { get; init; }

    public int S3 { get; init; }

    public int S4 { get; init; }

    public int S5 { get; init; }

    public int All { get; init; }

    public int Vneid { get; init; }

    public int Account { get; init; }

    public int Needs { get; init; }

    public int NeedsUnassigned { get; init; }

    public int Assigned { get; init; }

    public HouseholdCounts ToCounts()
    {
        var counts = new HouseholdCounts();
        counts[SummaryCounter.Households] = Households;
        counts[SummaryCounter.CoveredByOwnMember] = Own;
        counts[SummaryCounter.CoveredByAssistance] = Assisted;
        counts[SummaryCounter.SkillOnlinePublicServices] = S1;
        counts[SummaryCounter.SkillOnlineShopping] = S2;
        counts[SummaryCounter.SkillOnlinePayment] = S3;
        counts[SummaryCounter.SkillOnlineSafety] = S4;
        counts[SummaryCounter.SkillOtherPlatforms] = S5;
        counts[SummaryCounter.AllFiveSkills] = All;
        counts[SummaryCounter.VneidLevel2] = Vneid;
        counts[SummaryCounter.PublicServiceAccount] = Account;
        counts[SummaryCounter.NeedsAssistance] = Needs;
        counts[SummaryCounter.NeedsAssistanceUnassigned] = NeedsUnassigned;
        counts[SummaryCounter.AssignedToMember] = Assigned;
        return counts;
    }
}
