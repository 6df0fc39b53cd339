using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Tenancy;

namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>
/// Who may take each step of a practice model (§1.6, §2.1đ): the unit itself submits (a village leader for the
/// village's team, a commune officer for the commune, a district officer for the district); the level directly above
/// reviews (the commune for its villages, the district for its communes — or the Department for communes placed under
/// the province since the 2025 reform — and the Department for districts); the Department (a province administrator)
/// publishes and features. Read-only roles take no step.
/// </summary>
public static class PracticeRights
{
    /// <summary>The submitting unit as the rights see it: its level and its parent.</summary>
    public sealed record PracticeUnit(int Id, UnitLevel Level, int? ParentId, UnitLevel? ParentLevel);

    public static bool IsAuthor(Actor actor, PracticeUnit unit) =>
        actor.UnitId == unit.Id && actor.Role == unit.Level switch
        {
            UnitLevel.Village => AppRole.VillageLeader,
            UnitLevel.Commune => AppRole.CommuneOfficer,
            UnitLevel.District => AppRole.DistrictOfficer,
            _ => (AppRole?)null,
        };

    public static bool IsReviewer(Actor actor, PracticeUnit unit) =>
        unit.ParentId is { } parent && actor.UnitId == parent && actor.Role == unit.ParentLevel switch
        {
            UnitLevel.Commune => AppRole.CommuneOfficer,
            UnitLevel.District => AppRole.DistrictOfficer,
            UnitLevel.Province => AppRole.ProvinceAdmin,
            _ => (AppRole?)null,
        };

    public static bool IsDepartment(Actor actor) => actor.Role == AppRole.ProvinceAdmin;

    /// <summary>Whether this actor may take <paramref name="action"/> on a model of <paramref name="unit"/> (the state is the workflow's question).</summary>
    public static bool May(Actor actor, PracticeUnit unit, PracticeStatus status, PracticeAction action) => action switch
    {
        PracticeAction.Edit or PracticeAction.Submit => IsAuthor(actor, unit),
        PracticeAction.Accept => IsReviewer(actor, unit),
        // The reviewer returns what was submitted to it; the Department may still return what a reviewer accepted.
        PracticeAction.Return => status == PracticeStatus.Accepted ? IsDepartment(actor) : IsReviewer(actor, unit),
        PracticeAction.Publish or PracticeAction.Feature or PracticeAction.Unfeature => IsDepartment(actor),
        _ => false,
    };

    /// <summary>
    /// Whether this actor takes <paramref name="action"/> on models of <paramref name="unit"/> in some state: a step it can
    /// never take is refused at once; one whose right depends on the state (the Department's return after acceptance) is
    /// judged on the state only once the actor's version is known to be current.
    /// </summary>
    public static bool MayEver(Actor actor, PracticeUnit unit, PracticeAction action) =>
        action == PracticeAction.Return ? IsReviewer(actor, unit) || IsDepartment(actor) : May(actor, unit, PracticeStatus.Draft, action);

    /// <summary>The steps this actor can take now: what a page offers as buttons.</summary>
    public static IReadOnlyList<PracticeAction> Available(Actor actor, PracticeUnit unit, PracticeStatus status) =>
        Enum.GetValues<PracticeAction>().Where(a => PracticeWorkflow.Allows(status, a) && May(actor, unit, status, a)).ToList();
}
