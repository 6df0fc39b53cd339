using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>
/// The years' rounds of DX Day nominations as every account reads them. A round is the province's row (only the
/// Department writes it, through the write guard), but its deadline is a public fact every nominating village and
/// commune must see, so reading it crosses the scope filter here, and nowhere else.
/// </summary>
public static class AwardRounds
{
    public static IQueryable<AwardRound> Everywhere(CnscdDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
#pragma warning disable RS0030 // A round's year and deadline are the province's public call for nominations, read by every unit (issue 16).
        return db.AwardRounds.IgnoreQueryFilters().AsNoTracking();
#pragma warning restore RS0030
    }

    public static Task<AwardRound?> OfYearAsync(CnscdDbContext db, int year, CancellationToken cancellationToken) =>
        Everywhere(db).FirstOrDefaultAsync(r => r.Year == year, cancellationToken);
}
