namespace BacGiang.Cnscd.Core.Features.Restructuring;

/// <summary>
/// What applying a plan on <see cref="EffectiveOn"/> would change; nothing has been written. Units are closed
/// (ValidTo the day before, SuccessorId set), never deleted; district officers lose their scope.
/// </summary>
public sealed record RestructuringPreview(
    DateOnly EffectiveOn,
    string ProvinceName,
    string? NewProvinceName,
    IReadOnlyList<string> DistrictsToClose,
    IReadOnlyList<string> CommunesToClose,
    IReadOnlyList<NewCommunePreview> CommunesToOpen,
    IReadOnlyList<string> DistrictAccountsToDisable)
{
    public int VillagesMoved => CommunesToOpen.Sum(c => c.VillagesMoved);

    public int Households => CommunesToOpen.Sum(c => c.Households);

    public int Visits => CommunesToOpen.Sum(c => c.Visits);

    public int CurrentMembers => CommunesToOpen.Sum(c => c.CurrentMembers);

    public int Accounts => CommunesToOpen.Sum(c => c.Accounts);

    public int Targets => CommunesToOpen.Sum(c => c.Targets);

    public int OpenReports => CommunesToOpen.Sum(c => c.OpenReports);
}
