using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Tenancy;

namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>
/// Who may take each step of a DX Day nomination. The nominating unit proposes (its village leader, commune officer or
/// district officer) and the level directly above reviews — the same two rules as a practice model's
/// (<see cref="PracticeRights.IsAuthor"/>, <see cref="PracticeRights.IsReviewer"/>). For the province's certificate the
/// Department (a province administrator) selects, returns after endorsement, records the decision and the award; the
/// Department of Home Affairs' appraiser records the appraisal and nothing else. A district's or commune's certificate is
/// decided and handed over by the reviewing level itself.
/// </summary>
public static class AwardRights
{
    public static bool IsAppraiser(Actor actor) => actor.Role == AppRole.HomeAffairsAppraiser;

    public static bool May(Actor actor, PracticeRights.PracticeUnit unit, AwardStatus status, bool localForm, AwardAction action) => action switch
    {
        AwardAction.Edit or AwardAction.Submit => PracticeRights.IsAuthor(actor, unit),
        AwardAction.Endorse => PracticeRights.IsReviewer(actor, unit),
        AwardAction.Return => status == AwardStatus.Endorsed && !localForm ? PracticeRights.IsDepartment(actor) : PracticeRights.IsReviewer(actor, unit),
        AwardAction.Select => PracticeRights.IsDepartment(actor),
        AwardAction.Appraise or AwardAction.Reject => IsAppraiser(actor),
        AwardAction.Decide or AwardAction.Award => localForm ? PracticeRights.IsReviewer(actor, unit) : PracticeRights.IsDepartment(actor),
        _ => false,
    };

    /// <summary>
    /// Whether this actor takes <paramref name="action"/> on this unit's nominations in some state: a step it can never take
    /// is refused at once; one whose right depends on the state (the Department's return after endorsement) is judged on the
    /// state once the actor's version is known to be current.
    /// </summary>
    public static bool MayEver(Actor actor, PracticeRights.PracticeUnit unit, bool localForm, AwardAction action) =>
        action == AwardAction.Return
            ? PracticeRights.IsReviewer(actor, unit) || (!localForm && PracticeRights.IsDepartment(actor))
            : May(actor, unit, AwardStatus.Draft, localForm, action);

    /// <summary>The steps this actor can take now: what a page offers as buttons.</summary>
    public static IReadOnlyList<AwardAction> Available(Actor actor, PracticeRights.PracticeUnit unit, AwardStatus status, bool localForm) =>
        Enum.GetValues<AwardAction>().Where(a => AwardWorkflow.Allows(status, a, localForm) && May(actor, unit, status, localForm, a)).ToList();
}
