namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// A province, district, commune or village. Units are data, not code: a level may be absent
/// (since 2025 communes sit directly under the province), and a merge closes a unit
/// (<see cref="ValidTo"/>) and points it at its <see cref="SuccessorId"/> instead of deleting it.
/// </summary>
public class AdministrativeUnit : IUnitScoped, IVersioned
{
    public int Id { get; set; }

    /// <summary>Official (GSO) code, e.g. "07201"; generated villages get the commune code plus a suffix.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public UnitLevel Level { get; set; }

    public UnitKind Kind { get; set; }

    public int? ParentId { get; set; }

    public AdministrativeUnit? Parent { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    /// <summary>The unit this one was merged into, when it was.</summary>
    public int? SuccessorId { get; set; }

    // A unit's ancestry includes itself: a district row has DistrictId == Id. The context sets the
    // self column right after insert, because the id is only known then.
    int? IUnitScoped.UnitId => ParentId;

    public int? DistrictId { get; set; }

    public int? CommuneId { get; set; }

    public int? VillageId { get; set; }

    public int Version { get; set; }

    public bool IsCurrent(DateOnly on) => ValidFrom <= on && (ValidTo is null || ValidTo >= on);
}
