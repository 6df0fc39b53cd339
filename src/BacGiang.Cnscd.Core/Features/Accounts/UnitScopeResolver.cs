using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Features.Accounts;

/// <summary>Turns an account's unit into the <see cref="DataScope"/> its sessions carry.</summary>
public static class UnitScopeResolver
{
    /// <summary>
    /// The scope of an account bound to <paramref name="unitId"/> with <paramref name="role"/>. A unit
    /// whose level does not match the role gives <see cref="DataScope.Nothing"/>: a mis-bound account
    /// sees nothing rather than too much; so does an account whose unit was closed (a district after the 2025 reform),
    /// even before its sessions end.
    /// </summary>
    public static async Task<DataScope> ResolveAsync(CnscdDbContext db, AppRole role, int unitId, CancellationToken cancellationToken = default)
    {
        // Sign-in happens before any scope exists: reading the account's own unit crosses scopes by design.
        var unit = await UnitTree.Everywhere(db)
            .Where(u => u.Id == unitId)
            .Select(u => new { u.Level, u.DistrictId, u.CommuneId, u.VillageId, u.ValidTo })
            .FirstOrDefaultAsync(cancellationToken);
        if (unit is null || unit.Level != role.ScopeLevel() || unit.ValidTo < db.Clock.Today)
        {
            return DataScope.Nothing;
        }

        return DataScope.ForUnit(unit.Level, unit.DistrictId, unit.CommuneId, unit.VillageId);
    }
}
