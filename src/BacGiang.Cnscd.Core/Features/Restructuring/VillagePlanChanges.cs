using static BacGiang.Cnscd.Core.Features.Restructuring.RestructuringChanges;

namespace BacGiang.Cnscd.Core.Features.Restructuring;

/// <summary>
/// Everything a village plan changed, with the values before it (the journal's <see cref="RestructuringChanges.Villages"/>):
/// what undo needs to give the prior state back exactly, and to tell whether anything was written since.
/// </summary>
internal sealed class VillagePlanChanges
{
    /// <summary>Villages moved to another commune, with everything in them.</summary>
    public List<VillageMove> Moves { get; set; } = [];

    /// <summary>Villages merged into another: their ValidTo and SuccessorId before.</summary>
    public List<MergedVillage> Merged { get; set; } = [];

    /// <summary>The villages and village teams a split opened.</summary>
    public List<int> OpenedVillageIds { get; set; } = [];

    public List<int> OpenedTeamIds { get; set; } = [];

    /// <summary>Households that changed village (merge, split), with their version before.</summary>
    public List<MovedHousehold> Households { get; set; } = [];

    /// <summary>People of a merged village, now of the village it merged into.</summary>
    public List<MovedRow> People { get; set; } = [];

    public List<int> ClosedTeamIds { get; set; } = [];

    public List<EndedMembership> EndedMemberships { get; set; } = [];

    public List<AccountBefore> Accounts { get; set; } = [];

    /// <summary>Villages that had no summary row before (one was made for them), and snapshots the apply created.</summary>
    public List<int> CreatedSummaries { get; set; } = [];

    public List<Snapshot> CreatedSnapshots { get; set; } = [];

    /// <summary>The last household and visit ids when the plan was applied: a row above them was written since.</summary>
    public int LastHouseholdId { get; set; }

    public long LastVisitId { get; set; }

    public sealed record MergedVillage(int Id, int IntoId, DateOnly? ValidTo, int? SuccessorId);

    public sealed record MovedHousehold(int Id, int FromVillageId, int ToVillageId, int Version);

    public sealed record Snapshot(int VillageId, int Year, int Quarter);

    /// <summary>Every village whose rows this plan changed (for the check before undo).</summary>
    public IEnumerable<int> AffectedVillages =>
        Moves.SelectMany(m => m.VillageIds).Concat(Merged.Select(m => m.IntoId)).Concat(OpenedVillageIds)
            .Concat(Households.SelectMany(h => new[] { h.FromVillageId, h.ToVillageId })).Distinct();
}
