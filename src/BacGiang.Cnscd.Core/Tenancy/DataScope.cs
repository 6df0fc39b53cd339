using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Tenancy;

/// <summary>
/// The subtree of administrative units that one operation may read and write. A null id means
/// "any"; the global query filter compares each non-null id with the row's ancestry column, so a
/// commune scope becomes <c>DistrictId = @d AND CommuneId = @c</c> (EF drops the null terms).
/// The default is <see cref="Nothing"/>: forgetting to set a scope shows no data rather than all.
/// </summary>
public sealed record DataScope
{
    private const int NoUnit = -1;

    private DataScope(int? districtId, int? communeId, int? villageId, string description, bool isUnrestricted)
    {
        DistrictId = districtId;
        CommuneId = communeId;
        VillageId = villageId;
        Description = description;
        IsUnrestricted = isUnrestricted;
    }

    public int? DistrictId { get; }

    public int? CommuneId { get; }

    public int? VillageId { get; }

    public string Description { get; }

    /// <summary>True for system work (seeding, migrations, summaries) that crosses every unit.</summary>
    public bool IsUnrestricted { get; }

    public bool IsNothing => DistrictId == NoUnit;

    /// <summary>Sees no scoped row at all: anonymous requests, accounts without a valid unit.</summary>
    public static DataScope Nothing { get; } = new(NoUnit, NoUnit, NoUnit, "nothing", false);

    /// <summary>The whole province (ProvinceAdmin, ProvinceViewer).</summary>
    public static DataScope WholeProvince { get; } = new(null, null, null, "province", false);

    /// <summary>
    /// The one named door through which code crosses every scope. Grep for "Unrestricted(" to find
    /// every caller; each names its reason.
    /// </summary>
    public static DataScope Unrestricted(string reason) => new(null, null, null, "unrestricted: " + reason, true);

    /// <summary>The subtree rooted at a unit with the given ancestry (the unit's own column included).</summary>
    public static DataScope ForUnit(UnitLevel level, int? districtId, int? communeId, int? villageId) => level switch
    {
        UnitLevel.Province => WholeProvince,
        UnitLevel.District when districtId is not null => new(districtId, null, null, $"district {districtId}", false),
        UnitLevel.Commune when communeId is not null => new(districtId, communeId, null, $"commune {communeId}", false),
        UnitLevel.Village when villageId is not null => new(districtId, communeId, villageId, $"village {villageId}", false),
        _ => Nothing,
    };

    /// <summary>Whether a row with this ancestry lies inside the scope (the write guard's test).</summary>
    public bool Covers(int? districtId, int? communeId, int? villageId) =>
        !IsNothing
        && (DistrictId is null || DistrictId == districtId)
        && (CommuneId is null || CommuneId == communeId)
        && (VillageId is null || VillageId == villageId);

    public override string ToString() => Description;
}
