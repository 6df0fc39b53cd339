namespace BacGiang.Cnscd.Core.Features.Auditing;

/// <summary>One audit entry as the audit page lists it.</summary>
public sealed record AuditRow(long Id, DateTime AtUtc, string? UserName, string Action, string EntityType, string? EntityId,
    string? UnitName, string? Changes, string? ClientAddress);
