using BacGiang.Cnscd.Core.Domain;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace BacGiang.Cnscd.Core.Data.Interceptors;

/// <summary>What the audit interceptor carries from SavingChanges to SavedChanges of one save.</summary>
internal sealed class PendingAudit
{
    public List<AuditEntry> Ready { get; } = [];

    /// <summary>Inserted rows: their keys exist only after the insert.</summary>
    public List<(EntityEntry Entry, AuditEntry Audit)> AwaitingKeys { get; } = [];

    /// <summary>A transaction the interceptor opened so that the audit rows commit with the change.</summary>
    public IDbContextTransaction? OwnTransaction { get; set; }
}
