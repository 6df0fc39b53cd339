namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// The household figures kept per village in <see cref="VillageSummary"/>. Each name is also the column
/// (and property) that holds it, so the interceptor, the recompute and the verifier share one list.
/// </summary>
public enum SummaryCounter
{
    Households,
    CoveredByOwnMember,
    CoveredByAssistance,
    SkillOnlinePublicServices,
    SkillOnlineShopping,
    SkillOnlinePayment,
    SkillOnlineSafety,
    SkillOtherPlatforms,
    AllFiveSkills,
    VneidLevel2,
    PublicServiceAccount,
    NeedsAssistance,
    NeedsAssistanceUnassigned,
    AssignedToMember,
}
