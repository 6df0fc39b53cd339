using System.Globalization;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Features.Common.Results;

/// <summary>
/// The conflict a workflow step gets when someone acted first (a practice model, a DX Day nomination): who acted, when
/// (Vietnam time), and the state the row is in now, so the second reviewer reloads instead of acting on a state they
/// never saw.
/// </summary>
public static class StepConflicts
{
    /// <param name="db">A context that reads accounts' names.</param>
    /// <param name="what">The row in words, as the sentence starts: "Mô hình", "Hồ sơ".</param>
    /// <param name="lastActedByUserId">Who made the stored row's last step.</param>
    /// <param name="lastActedAtUtc">When.</param>
    /// <param name="state">The stored state, in Vietnamese.</param>
    /// <param name="currentVersion">The stored version (what a reload reads).</param>
    /// <param name="cancellationToken">Cancels the name's lookup.</param>
    public static async Task<EditConflict> DescribeAsync(CnscdDbContext db, string what, string? lastActedByUserId, DateTime? lastActedAtUtc,
        string state, int currentVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var who = lastActedByUserId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == lastActedByUserId).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken);
        var when = lastActedAtUtc is { } at ? VietnamClock.ToVietnam(at).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) : null;
        var message = $"{what} vừa được {who ?? "người khác"} cập nhật{(when is null ? "" : " lúc " + when)} " +
            $"(trạng thái hiện tại: {state}). Tải lại để xem trước khi thao tác tiếp.";
        return new EditConflict(message, currentVersion, who, lastActedAtUtc);
    }
}
