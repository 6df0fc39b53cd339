namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// Rule R3 (§2.9b), in one place. Lists, dashboards, summaries and reports all read the stored
/// <see cref="Household.Coverage"/>, which only this rule writes.
/// </summary>
public static class HouseholdCoverageRule
{
    public static CoverageStatus Evaluate(DigitalSkills skillsGuided, bool hasVneidLevel2, bool hasPublicServiceAccount,
        bool needsAssistance, int? assistantMemberId) =>
        Evaluate(skillsGuided, hasVneidLevel2, hasPublicServiceAccount, assisted: needsAssistance && assistantMemberId is not null);

    /// <summary>
    /// The same rule where "needs assistance and has an assistant" is already one fact: the reports count households
    /// grouped by these inputs in SQL (<c>IndicatorCalculator</c>) and decide each group's coverage here.
    /// </summary>
    public static CoverageStatus Evaluate(DigitalSkills skillsGuided, bool hasVneidLevel2, bool hasPublicServiceAccount, bool assisted)
    {
        if ((skillsGuided & DigitalSkills.All) == DigitalSkills.All && hasVneidLevel2 && hasPublicServiceAccount)
        {
            return CoverageStatus.CoveredByOwnMember;
        }

        return assisted ? CoverageStatus.CoveredByAssistance : CoverageStatus.NotCovered;
    }

    public static bool IsCovered(this CoverageStatus status) => status != CoverageStatus.NotCovered;

    public static string ToVietnamese(this CoverageStatus status) => status switch
    {
        CoverageStatus.CoveredByOwnMember => "Đã phủ (thành viên hộ tự sử dụng)",
        CoverageStatus.CoveredByAssistance => "Đã phủ (có người hỗ trợ)",
        _ => "Chưa phủ",
    };
}
