using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Dashboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BacGiang.Cnscd.Core.Data.Interceptors;

/// <summary>
/// Keeps <see cref="VillageSummary"/> (and the current quarter's <see cref="VillageQuarterSummary"/>) equal to
/// the households, in the same transaction as the change that moves them. Before a save it turns every added,
/// changed or deleted <see cref="Household"/> (original against current values) into per-village deltas; after
/// the rows are written, and before <see cref="AuditInterceptor"/> commits, it applies them with atomic
/// <c>UPDATE … SET x = x + d</c> statements. A failed save never reaches the second step, so the summaries
/// never move without the households; concurrent writers add, they never overwrite each other.
/// </summary>
/// <remarks>
/// Registered BEFORE <see cref="AuditInterceptor"/>: EF calls interceptors in registration order, and the audit's
/// SavedChanges commits the transaction it opened. Writers that bypass EF (the bulk seed) rebuild the summaries
/// with <see cref="SummaryMaintenance.RebuildAsync"/> at the end instead. See docs/decisions/040.
/// </remarks>
public sealed class SummaryInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        throw new NotSupportedException("CnscdDbContext saves asynchronously only.");

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CnscdDbContext context)
        {
            context.PendingSummaryDeltas = Collect(context);
        }

        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        throw new NotSupportedException("CnscdDbContext saves asynchronously only.");

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not CnscdDbContext { PendingSummaryDeltas: { } deltas } context)
        {
            return result;
        }

        context.PendingSummaryDeltas = null;
        // A household change is always audited, so the audit interceptor (or the caller) holds a transaction here.
        // Should a save ever arrive without one, the deltas get a transaction of their own rather than none.
        var own = context.Database.CurrentTransaction is null ? await context.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var (year, quarter) = SummaryMaintenance.QuarterOf(context.Clock.UtcNow);
            // Ascending village order, so that two writers touching the same villages lock them in the same order.
            foreach (var (villageId, delta) in deltas.OrderBy(d => d.Key))
            {
                await SummaryMaintenance.ApplyDeltaAsync(context, villageId, delta, year, quarter, cancellationToken);
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }

        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CnscdDbContext context)
        {
            context.PendingSummaryDeltas = null;
        }

        return Task.CompletedTask;
    }

    private static Dictionary<int, HouseholdCounts>? Collect(CnscdDbContext context)
    {
        context.ChangeTracker.DetectChanges();
        Dictionary<int, HouseholdCounts>? deltas = null;
        foreach (var entry in context.ChangeTracker.Entries<Household>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            deltas ??= [];
            if (entry.State != EntityState.Added)
            {
                Add(deltas, entry, original: true, sign: -1);
            }

            if (entry.State != EntityState.Deleted)
            {
                Add(deltas, entry, original: false, sign: +1);
            }
        }

        if (deltas is null)
        {
            return null;
        }

        foreach (var villageId in deltas.Where(d => d.Value.IsZero).Select(d => d.Key).ToList())
        {
            deltas.Remove(villageId);
        }

        return deltas.Count == 0 ? null : deltas;
    }

    private static void Add(Dictionary<int, HouseholdCounts> deltas, EntityEntry<Household> entry, bool original, int sign)
    {
        T Value<T>(string property)
        {
            var p = entry.Property(property);
            return (T)(original ? p.OriginalValue : p.CurrentValue)!;
        }

        T? Nullable<T>(string property)
            where T : struct
        {
            var p = entry.Property(property);
            return (T?)(original ? p.OriginalValue : p.CurrentValue);
        }

        var villageId = Value<int>(nameof(Household.UnitId));
        var contribution = HouseholdCounts.Of(
            Value<CoverageStatus>(nameof(Household.Coverage)), Value<DigitalSkills>(nameof(Household.SkillsGuided)),
            Value<bool>(nameof(Household.HasVneidLevel2)), Value<bool>(nameof(Household.HasPublicServiceAccount)),
            Value<bool>(nameof(Household.NeedsAssistance)), Nullable<int>(nameof(Household.AssistantMemberId)),
            Nullable<int>(nameof(Household.AssignedMemberId)));
        if (!deltas.TryGetValue(villageId, out var delta))
        {
            deltas[villageId] = delta = new HouseholdCounts();
        }

        delta.Add(contribution, sign);
    }
}
