using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Nodes;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Data.Interceptors;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BacGiang.Cnscd.Core.Features.Common.Refusals;

/// <summary>
/// The one refusal path. When a request names something the actor may not reach (another unit's row, a role that may
/// not act), a service asks this class to locate the target across the scope filter — reading only the target's unit
/// id, never its data — and to write exactly one <see cref="AuditActions.Refused"/> row against that unit, so the
/// target's commune and district see the attempt in their audit log. The caller gets back the exception to throw or
/// simply returns "not found"; what the caller learns never depends on whether the id exists.
/// <para>
/// The audit row is written in a context of its own: the caller's context may hold tracked, refused changes that must
/// not ride along, and a refusal is recorded even when the caller's work is cancelled.
/// </para>
/// </summary>
public sealed class AccessRefusals(IDbContextFactory<CnscdDbContext> contextFactory, ILogger<AccessRefusals> logger)
{
    /// <summary>
    /// Refuses an action on a scoped row (a household, team, member, report …) by id: audits against the row's own
    /// unit when it exists, against no unit when it does not.
    /// </summary>
    /// <typeparam name="TEntity">The row's type; its key is the property <c>Id</c>.</typeparam>
    /// <typeparam name="TKey">The key's type (int for most rows, Guid for attachments).</typeparam>
    /// <param name="id">The id the request named.</param>
    /// <param name="reason">Why it was refused, in words (shown to the user when it is Vietnamese, and kept in the audit).</param>
    /// <param name="details">Extra facts for the audit (ids, periods; never personal data).</param>
    public async Task<ScopeViolationException> RefuseAsync<TEntity, TKey>(TKey id, string reason, object? details = null)
        where TEntity : class
        where TKey : notnull
    {
        var unitId = await LocateAsync<TEntity, TKey>(id);
        var text = id is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : id.ToString();
        return await RefuseAtAsync(typeof(TEntity).Name, text, unitId, reason, details);
    }

    /// <summary>The same as <see cref="RefuseAsync{TEntity, TKey}"/> for the common integer key.</summary>
    public Task<ScopeViolationException> RefuseAsync<TEntity>(int id, string reason, object? details = null)
        where TEntity : class => RefuseAsync<TEntity, int>(id, reason, details);

    /// <summary>Refuses an action whose target unit the caller already knows (or that has none).</summary>
    /// <param name="entityType">What was aimed at, as the audit names it (an entity type name, "Dashboard" …).</param>
    /// <param name="entityId">The target's id, if it has one.</param>
    /// <param name="unitId">The unit the refusal is filed under: the target's, or the actor's own for a role refusal.</param>
    /// <param name="reason">Why it was refused.</param>
    /// <param name="details">Extra facts for the audit (never personal data).</param>
    public async Task<ScopeViolationException> RefuseAtAsync(string entityType, string? entityId, int? unitId, string reason,
        object? details = null)
    {
        await using var db = await contextFactory.CreateDbContextAsync(CancellationToken.None);
        // {"reason": …} first, then the details' own fields, flat: the audit page and the tests read one shape.
        var changes = new JsonObject { ["reason"] = reason };
        if (details is not null && JsonSerializer.SerializeToNode(details, AuditJson.Options) is JsonObject extra)
        {
            foreach (var (name, value) in extra.ToList())
            {
                extra.Remove(name);
                changes[name] = value;
            }
        }

        await AuditLog.RecordAsync(db, AuditActions.Refused, entityType, entityId, unitId, changes.ToJsonString(AuditJson.Options),
            cancellationToken: CancellationToken.None);
        // Ids only: reasons may carry a name the user typed.
        logger.LogWarning("Refused {EntityType} {EntityId} (unit {UnitId}) for actor {ActorId}", entityType, entityId, unitId, db.Actor.UserId);
        return new ScopeViolationException(reason);
    }

    /// <summary>
    /// Whether a row exists anywhere, whatever the actor's scope: lets a read that found nothing tell "no such id"
    /// (nothing to audit) from "not yours" (audit it).
    /// </summary>
    public async Task<bool> ExistsAsync<TEntity>(int id, CancellationToken cancellationToken = default)
        where TEntity : class => await LocateAsync<TEntity, int>(id, cancellationToken) is not null;

    /// <summary>
    /// The unit a row belongs to, across every scope: the row's <c>UnitId</c> for a scoped row, the unit itself for an
    /// <see cref="AdministrativeUnit"/>; null when the id does not exist.
    /// </summary>
    public async Task<int?> LocateAsync<TEntity, TKey>(TKey id, CancellationToken cancellationToken = default)
        where TEntity : class
        where TKey : notnull
    {
        var unitColumn = typeof(TEntity) == typeof(AdministrativeUnit) ? "Id"
            : typeof(IUnitScoped).IsAssignableFrom(typeof(TEntity)) ? nameof(IUnitScoped.UnitId)
            : throw new InvalidOperationException($"{typeof(TEntity).Name} has no unit: use RefuseAtAsync with the unit.");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // The crossing this class exists for: one id column of one row, to file the refusal where its superiors look.
#pragma warning disable RS0030 // Locating a refused target: reads the target's unit id only (see the class comment).
        var rows = db.Set<TEntity>().IgnoreQueryFilters();
#pragma warning restore RS0030
        return await rows.AsNoTracking().Where(HasKey<TEntity, TKey>(id))
            .Select(e => (int?)EF.Property<int>(e, unitColumn)).FirstOrDefaultAsync(cancellationToken);
    }

    // e => e.Id == id, built for any key type (C# cannot compare an unconstrained generic with ==); the id is a parameter.
    private static Expression<Func<TEntity, bool>> HasKey<TEntity, TKey>(TKey id)
    {
        var e = Expression.Parameter(typeof(TEntity), "e");
        return Expression.Lambda<Func<TEntity, bool>>(Expression.Equal(Expression.Property(e, "Id"), QueryParameter.Of(id)), e);
    }
}
