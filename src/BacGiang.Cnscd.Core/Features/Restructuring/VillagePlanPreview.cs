namespace BacGiang.Cnscd.Core.Features.Restructuring;

/// <summary>
/// What applying a village plan on <see cref="EffectiveOn"/> would change, line by line; nothing has been written.
/// </summary>
public sealed record VillagePlanPreview(DateOnly EffectiveOn, IReadOnlyList<VillageChangePreview> Changes)
{
    public int Households => Changes.Sum(c => c.Households);

    public int Visits => Changes.Sum(c => c.Visits);

    public int Count(VillageAction action) => Changes.Count(c => c.Action == action);
}

/// <summary>
/// One line of a village plan as it would apply: the village, where it is now (<paramref name="From"/>, its commune)
/// and where it goes (<paramref name="To"/>: the commune it moves to, the village it merges into, or the new village
/// and its commune), with what goes along. <paramref name="People"/> and <paramref name="MembersEnded"/> are a merged
/// village's people (they move) and its team's current members (the team closes with its roster kept);
/// <paramref name="Accounts"/> are the village's accounts, re-scoped (merge) or asked to sign in again (move).
/// </summary>
public sealed record VillageChangePreview(int Row, VillageAction Action, string Village, string From, string To, int Households, int Visits,
    int People, int MembersEnded, int Accounts);
