using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Features.Auditing;

/// <summary>
/// Records the events that are not data changes (sign-ins, exports, refused attempts). Data changes
/// are audited by the interceptor, never here.
/// </summary>
public sealed class AuditLog(IDbContextFactory<CnscdDbContext> contextFactory)
{
    public async Task RecordAsync(string action, string entityType, string? entityId, int? unitId, string? details,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await RecordAsync(db, action, entityType, entityId, unitId, details, cancellationToken: cancellationToken);
    }

    /// <summary>Records with an explicit context (sign-in, where the actor is not yet the signed-in user).</summary>
    public static async Task RecordAsync(CnscdDbContext db, string action, string entityType, string? entityId, int? unitId,
        string? details, string? userId = null, string? userName = null, CancellationToken cancellationToken = default)
    {
        var actor = db.Actor;
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = db.Clock.UtcNow,
            UserId = userId ?? actor.UserId,
            UserName = userName ?? actor.UserName,
            ClientAddress = actor.ClientAddress,
            UnitId = unitId,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Changes = details,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
