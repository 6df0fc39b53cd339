namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// A row that belongs to one administrative unit and is therefore visible only to accounts whose
/// scope covers that unit. <see cref="UnitId"/> is the owning unit; the ancestry columns are
/// denormalised copies of that unit's district / commune / village, filled by
/// <c>UnitScopeInterceptor</c> from the database (never trusted from the caller) so that the
/// global query filter is a plain indexed equality.
/// </summary>
public interface IUnitScoped
{
    int? UnitId { get; }

    int? DistrictId { get; set; }

    int? CommuneId { get; set; }

    int? VillageId { get; set; }
}
