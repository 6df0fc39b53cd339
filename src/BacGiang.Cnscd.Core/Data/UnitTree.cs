using BacGiang.Cnscd.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Data;

/// <summary>
/// The administrative-unit tree read across every scope. The tree is the official, public list of units (codes,
/// names, parents, validity), not anyone's data: resolving an account's scope at sign-in, deriving a row's ancestry in
/// the write guard, matching village codes in an import and naming a report's issuing body all need units outside the
/// reader's subtree. Scoped rows (households, teams, reports …) are never read through here.
/// </summary>
public static class UnitTree
{
    /// <summary>Every unit, whatever the actor's scope, untracked.</summary>
    public static IQueryable<AdministrativeUnit> Everywhere(CnscdDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
#pragma warning disable RS0030 // The unit tree is public reference data (see the class comment); the one crossing for it.
        return db.Units.IgnoreQueryFilters().AsNoTracking();
#pragma warning restore RS0030
    }
}
