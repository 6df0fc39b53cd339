namespace BacGiang.Cnscd.Core.Features.Restructuring;

/// <summary>
/// Everything one apply changed, with the values before it: the journal's content (serialised into
/// <see cref="Domain.RestructuringJournal.ChangesJson"/>), and all that undo needs to give the prior state back exactly.
/// Rows whose ancestry moved are not listed one by one: ancestry is derived from the unit tree, so undo restores the
/// tree and re-derives it for the villages listed in <see cref="VillageMoves"/>.
/// </summary>
internal sealed class RestructuringChanges
{
    public int ProvinceId { get; set; }

    /// <summary>Set for a village plan (move, merge, split), whose changes are all there; null for a commune merger plan.</summary>
    public VillagePlanChanges? Villages { get; set; }

    /// <summary>The province's name before a plan that renames it; null when the name stayed.</summary>
    public string? ProvinceNameBefore { get; set; }

    public List<int> OpenedUnitIds { get; set; } = [];

    public List<int> OpenedTeamIds { get; set; } = [];

    /// <summary>Old communes and districts closed: their ValidTo and SuccessorId before.</summary>
    public List<ClosedUnit> ClosedUnits { get; set; } = [];

    public List<int> ClosedTeamIds { get; set; } = [];

    /// <summary>Memberships of the closed teams that were current: they end the day before (the roster stays readable on any date).</summary>
    public List<EndedMembership> EndedMemberships { get; set; } = [];

    public List<VillageMove> VillageMoves { get; set; } = [];

    public List<MovedRow> MovedTargets { get; set; } = [];

    public List<MovedRow> MovedReports { get; set; } = [];

    /// <summary>People recorded at an old commune (commune-level members) now of its successor, so its merge tool finds them.</summary>
    public List<MovedRow> MovedPeople { get; set; } = [];

    public List<AccountBefore> Accounts { get; set; } = [];

    public sealed record EndedMembership(int Id, DateOnly? EndDate);

    public sealed record ClosedUnit(int Id, DateOnly? ValidTo, int? SuccessorId);

    /// <summary>Villages that left one old commune (of <paramref name="OldDistrictId"/>) for one new commune.</summary>
    public sealed record VillageMove(int OldCommuneId, int? OldDistrictId, int NewCommuneId, int? NewDistrictId, List<int> VillageIds);

    /// <summary>A row owned by an old commune that moved to its successor (a target or an open report).</summary>
    public sealed record MovedRow(int Id, int OldUnitId, int NewUnitId);

    public sealed record AccountBefore(string Id, string? Email, int UnitId, bool IsActive, string? SecurityStamp, AccountChange Change);

    public enum AccountChange
    {
        /// <summary>Re-scoped to the successor commune.</summary>
        Rescoped = 1,

        /// <summary>A village account: same unit, new ancestry, so its sessions are checked again.</summary>
        Rechecked = 2,

        /// <summary>A district account: the district is closed, so the account is disabled.</summary>
        Disabled = 3,
    }
}
