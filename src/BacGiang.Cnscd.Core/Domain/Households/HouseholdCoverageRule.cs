namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// Rule R3 (§2.9b), in one place. Lists, dashboards, summaries and reports all read the stored
/// <see cref="Household.Coverage"/>, which only this rule writes.
/// </summary>
public static class HouseholdCoverageRule
{
    public static CoverageStatus Evaluate(DigitalSkills skillsGuided, bool hasVneidLevel2, bool hasPublicServiceAccount,
        bool needsAssistance, int? assistantMemberId)
    {
        if ((skillsGuided & DigitalSkills.All) == DigitalSkills.All && hasVneidLevel2 && hasPublicServiceAccount)
        {
            return CoverageStatus.CoveredByOwnMember;
        }

        return needsAssistance && assistantMemberId is not null
            ? CoverageStatus.CoveredByAssistance
            : CoverageStatus.NotCovered;
    }

    public static bool IsCovered(this CoverageStatus status) => status != CoverageStatus.NotCovered;

    public static string ToVietnamese(this CoverageStatus status) => status switch
    {
        CoverageStatus.CoveredByOwnMember => "Đã phủ (thành viên hộ tự sử dụng)",
        CoverageStatus.CoveredByAssistance => "Đã phủ (có người hỗ trợ)",
        _ => "Chưa phủ",
    };
}
