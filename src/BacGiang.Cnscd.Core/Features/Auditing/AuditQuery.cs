namespace BacGiang.Cnscd.Core.Features.Auditing;

/// <summary>Filters of the audit log page; every one is optional. The unit is its official code; dates are Vietnam calendar days.</summary>
public sealed record AuditQuery(
    string? User = null,
    string? UnitCode = null,
    string? EntityType = null,
    string? Action = null,
    DateOnly? From = null,
    DateOnly? To = null);
