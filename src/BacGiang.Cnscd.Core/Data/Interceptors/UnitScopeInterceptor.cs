using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BacGiang.Cnscd.Core.Data.Interceptors;

/// <summary>
/// The write half of scope isolation. Before anything is saved it (1) recomputes every scoped row's
/// ancestry columns from the database's units — a forged DistrictId/CommuneId/VillageId is simply
/// overwritten — and (2) refuses the whole save if any added, changed or deleted row lies, before or
/// after the change, outside the actor's <see cref="DataScope"/>. Audit rows are append-only.
/// </summary>
public sealed class UnitScopeInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        GuardAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await GuardAsync(eventData.Context, cancellationToken);
        return result;
    }

    private static async Task GuardAsync(DbContext? db, CancellationToken cancellationToken)
    {
        if (db is not CnscdDbContext context)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var entries = context.ChangeTracker.Entries<IUnitScoped>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (entries.Count == 0)
        {
            return;
        }

        if (entries.Any(e => e.Entity is AuditEntry && e.State != EntityState.Added))
        {
            throw new InvalidOperationException("The audit log is append-only.");
        }

        var unitIds = entries
            .Where(e => e.State != EntityState.Deleted && e.Entity.UnitId is not null)
            .Select(e => e.Entity.UnitId!.Value)
            .Distinct()
            .ToList();
        // Reading ancestry must see every unit, whatever the actor's scope: this is one of the named places.
        var ancestry = unitIds.Count == 0
            ? []
            : await UnitTree.Everywhere(context)
                .Where(u => unitIds.Contains(u.Id))
                .Select(u => new UnitAncestry(u.Id, u.DistrictId, u.CommuneId, u.VillageId))
                .ToDictionaryAsync(a => a.UnitId, cancellationToken);

        var scope = context.Actor.Scope;
        foreach (var entry in entries)
        {
            if (entry.State != EntityState.Added)
            {
                // What the row was before the change must have been inside the scope too.
                CheckCovers(scope, entry, Original(entry, nameof(IUnitScoped.DistrictId)),
                    Original(entry, nameof(IUnitScoped.CommuneId)), Original(entry, nameof(IUnitScoped.VillageId)));
            }

            if (entry.State == EntityState.Deleted)
            {
                continue;
            }

            var unitId = entry.Entity.UnitId;
            if (unitId is null)
            {
                // Only a province row or an account-level audit entry has no unit.
                entry.Entity.DistrictId = entry.Entity.CommuneId = entry.Entity.VillageId = null;
            }
            else if (!ancestry.TryGetValue(unitId.Value, out var a))
            {
                throw new ScopeViolationException($"Đơn vị hành chính {unitId} không tồn tại.");
            }
            else
            {
                entry.Entity.DistrictId = a.DistrictId;
                entry.Entity.CommuneId = a.CommuneId;
                entry.Entity.VillageId = a.VillageId;
            }

            if (entry.Entity is AdministrativeUnit { Id: > 0 } unit)
            {
                // A unit's ancestry is its parent's plus itself.
                CnscdDbContext.AnchorSelf(unit);
            }

            if (entry.Entity is AuditEntry)
            {
                // Refused attempts on other units are audited with that unit: the row must be writable.
                continue;
            }

            CheckCovers(scope, entry, entry.Entity.DistrictId, entry.Entity.CommuneId, entry.Entity.VillageId);
        }
    }

    private static int? Original(EntityEntry<IUnitScoped> entry, string property) =>
        (int?)entry.Property(property).OriginalValue;

    private static void CheckCovers(DataScope scope, EntityEntry<IUnitScoped> entry, int? districtId, int? communeId, int? villageId)
    {
        if (scope.IsUnrestricted || scope.Covers(districtId, communeId, villageId))
        {
            return;
        }

        throw new ScopeViolationException(
            $"Không có quyền ghi dữ liệu ngoài phạm vi đơn vị của tài khoản ({entry.Metadata.ClrType.Name}).");
    }

    private sealed record UnitAncestry(int UnitId, int? DistrictId, int? CommuneId, int? VillageId);
}
