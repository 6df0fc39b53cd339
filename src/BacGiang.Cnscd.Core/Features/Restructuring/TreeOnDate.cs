using System.Text.Json;
using BacGiang.Cnscd.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Features.Restructuring;

/// <summary>
/// The unit tree as it stood on a past day, for readers of that day (the dashboard on a chosen date). Plans close and
/// open units with their dates (ValidFrom, ValidTo), so which units existed is in the units themselves; but a moved
/// village is re-parented in place (decision 046), so its parent on an earlier day is in the journals of the plans
/// that took effect after that day: their moves are read back, newest first, so the oldest one's "before" wins.
/// </summary>
public static class TreeOnDate
{
    /// <summary>The villages whose parent on <paramref name="day"/> differs from today's: village id → its commune then.</summary>
    public static async Task<IReadOnlyDictionary<int, int>> EarlierParentsAsync(CnscdDbContext db, DateOnly day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var journals = await db.RestructuringJournals.AsNoTracking().Where(j => j.UndoneAtUtc == null && j.EffectiveOn > day)
            .OrderByDescending(j => j.Id).Select(j => j.ChangesJson).ToListAsync(cancellationToken);
        var parents = new Dictionary<int, int>();
        foreach (var json in journals)
        {
            var changes = JsonSerializer.Deserialize<RestructuringChanges>(json)!;
            foreach (var move in changes.VillageMoves.Concat(changes.Villages?.Moves ?? []))
            {
                foreach (var village in move.VillageIds)
                {
                    parents[village] = move.OldCommuneId;
                }
            }
        }

        return parents;
    }
}
