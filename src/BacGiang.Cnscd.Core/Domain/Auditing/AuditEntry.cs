namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// One audited event. Written by the audit interceptor (data changes) and the account code
/// (sign-ins, account changes, exports). The application offers no way to edit or delete these rows.
/// Scoped like domain rows, so a district officer reads only their district's entries.
/// </summary>
public class AuditEntry : IUnitScoped
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    public int? UnitId { get; set; }

    public int? DistrictId { get; set; }

    public int? CommuneId { get; set; }

    public int? VillageId { get; set; }

    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string? EntityId { get; set; }

    /// <summary>JSON: {"before": {...}, "after": {...}} of the changed properties, personal data masked.</summary>
    public string? Changes { get; set; }

    public string? ClientAddress { get; set; }
}
