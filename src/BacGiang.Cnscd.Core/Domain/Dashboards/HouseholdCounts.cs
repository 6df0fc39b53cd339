using System.Reflection;

namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// A vector of the <see cref="SummaryCounter"/> figures: what one household contributes to its village
/// (<see cref="Of"/>), a delta between two states of a household, or a village's totals.
/// </summary>
public sealed class HouseholdCounts
{
    public static readonly IReadOnlyList<SummaryCounter> Counters = Enum.GetValues<SummaryCounter>();

    private static readonly PropertyInfo[] Properties =
        Counters.Select(c => typeof(VillageCounters).GetProperty(c.ToString())!).ToArray();

    private readonly int[] values = new int[Counters.Count];

    public int this[SummaryCounter counter]
    {
        get => values[(int)counter];
        set => values[(int)counter] = value;
    }

    public bool IsZero => values.All(v => v == 0);

    public int Covered => this[SummaryCounter.CoveredByOwnMember] + this[SummaryCounter.CoveredByAssistance];

    /// <summary>
    /// What one household adds to its village's figures. Coverage is the stored <see cref="Household.Coverage"/>,
    /// which only <see cref="HouseholdCoverageRule"/> writes; the rest are read as stored too. The recompute in
    /// <c>SummaryMaintenance</c> counts the same predicates in SQL — a test holds the two together.
    /// </summary>
    public static HouseholdCounts Of(CoverageStatus coverage, DigitalSkills skills, bool hasVneidLevel2, bool hasPublicServiceAccount,
        bool needsAssistance, int? assistantMemberId, int? assignedMemberId)
    {
        var counts = new HouseholdCounts();
        counts[SummaryCounter.Households] = 1;
        counts[SummaryCounter.CoveredByOwnMember] = coverage == CoverageStatus.CoveredByOwnMember ? 1 : 0;
        counts[SummaryCounter.CoveredByAssistance] = coverage == CoverageStatus.CoveredByAssistance ? 1 : 0;
        counts[SummaryCounter.SkillOnlinePublicServices] = skills.HasFlag(DigitalSkills.OnlinePublicServices) ? 1 : 0;
        counts[SummaryCounter.SkillOnlineShopping] = skills.HasFlag(DigitalSkills.OnlineShopping) ? 1 : 0;
        counts[SummaryCounter.SkillOnlinePayment] = skills.HasFlag(DigitalSkills.OnlinePayment) ? 1 : 0;
        counts[SummaryCounter.SkillOnlineSafety] = skills.HasFlag(DigitalSkills.OnlineSafety) ? 1 : 0;
        counts[SummaryCounter.SkillOtherPlatforms] = skills.HasFlag(DigitalSkills.OtherPlatforms) ? 1 : 0;
        counts[SummaryCounter.AllFiveSkills] = (skills & DigitalSkills.All) == DigitalSkills.All ? 1 : 0;
        counts[SummaryCounter.VneidLevel2] = hasVneidLevel2 ? 1 : 0;
        counts[SummaryCounter.PublicServiceAccount] = hasPublicServiceAccount ? 1 : 0;
        counts[SummaryCounter.NeedsAssistance] = needsAssistance ? 1 : 0;
        counts[SummaryCounter.NeedsAssistanceUnassigned] = needsAssistance && assistantMemberId is null ? 1 : 0;
        counts[SummaryCounter.AssignedToMember] = assignedMemberId is null ? 0 : 1;
        return counts;
    }

    public static HouseholdCounts From(VillageCounters row)
    {
        var counts = new HouseholdCounts();
        for (var i = 0; i < Properties.Length; i++)
        {
            counts.values[i] = (int)Properties[i].GetValue(row)!;
        }

        return counts;
    }

    public void CopyTo(VillageCounters row)
    {
        for (var i = 0; i < Properties.Length; i++)
        {
            Properties[i].SetValue(row, values[i]);
        }
    }

    /// <summary>Adds <paramref name="other"/> times <paramref name="sign"/> (+1 or −1) to this vector.</summary>
    public HouseholdCounts Add(HouseholdCounts other, int sign = 1)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] += sign * other.values[i];
        }

        return this;
    }
}
