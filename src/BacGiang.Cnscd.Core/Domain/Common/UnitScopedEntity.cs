namespace BacGiang.Cnscd.Core.Domain;

/// <summary>Base for rows owned by one administrative unit (see <see cref="IUnitScoped"/>).</summary>
public abstract class UnitScopedEntity : IUnitScoped
{
    /// <summary>The owning unit. Ancestry columns below are derived from it on save.</summary>
    public int UnitId { get; set; }

    int? IUnitScoped.UnitId => UnitId;

    public int? DistrictId { get; set; }

    public int? CommuneId { get; set; }

    public int? VillageId { get; set; }
}
