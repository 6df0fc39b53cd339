namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// The counters of one village (see <see cref="SummaryCounter"/>). Rows of these types are never tracked or
/// saved through the change tracker: they move by atomic <c>UPDATE … SET x = x + d</c> statements issued by
/// <c>SummaryInterceptor</c>, and are rebuilt by <c>SummaryMaintenance</c>. The owning unit is the village.
/// </summary>
public abstract class VillageCounters : UnitScopedEntity
{
    public int Households { get; set; }

    public int CoveredByOwnMember { get; set; }

    public int CoveredByAssistance { get; set; }

    public int SkillOnlinePublicServices { get; set; }

    public int SkillOnlineShopping { get; set; }

    public int SkillOnlinePayment { get; set; }

    public int SkillOnlineSafety { get; set; }

    public int SkillOtherPlatforms { get; set; }

    public int AllFiveSkills { get; set; }

    public int VneidLevel2 { get; set; }

    public int PublicServiceAccount { get; set; }

    public int NeedsAssistance { get; set; }

    public int NeedsAssistanceUnassigned { get; set; }

    public int AssignedToMember { get; set; }
}
