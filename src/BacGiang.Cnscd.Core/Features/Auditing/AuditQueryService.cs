using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Core.Features.Auditing;

/// <summary>
/// Searches the audit log, newest first, one page at a time. The scope filter decides what a reader
/// sees (a district officer: their district's rows); this service offers no way to change a row.
/// </summary>
public sealed class AuditQueryService(IDbContextFactory<CnscdDbContext> contextFactory)
{
    /// <summary>The entity types and actions that occur in the log, for the page's filter lists.</summary>
    public static readonly IReadOnlyList<string> Actions =
        [AuditActions.Create, AuditActions.Update, AuditActions.Delete, AuditActions.SignIn, AuditActions.SignInFailed,
         AuditActions.AccountChange, AuditActions.Export, AuditActions.Import, AuditActions.Refused];

    /// <summary>One page of entries matching <paramref name="query"/> that the reader may see.</summary>
    public async Task<PagedResult<AuditRow>> SearchAsync(AuditQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var user = query.User.Trim();
            entries = entries.Where(a => a.UserName != null && a.UserName.Contains(user));
        }

        if (!string.IsNullOrWhiteSpace(query.UnitCode))
        {
            // The unit and everything under it, through the ancestry columns (indexed). A code outside
            // the reader's scope finds no unit (the units are scope-filtered too) and so no entry.
            var code = query.UnitCode.Trim();
            var unit = await db.Units.Where(u => u.Code == code).OrderByDescending(u => u.ValidFrom)
                .Select(u => new { u.Id, u.Level }).FirstOrDefaultAsync(cancellationToken);
            entries = unit?.Level switch
            {
                UnitLevel.District => entries.Where(a => a.DistrictId == unit.Id),
                UnitLevel.Commune => entries.Where(a => a.CommuneId == unit.Id),
                UnitLevel.Village => entries.Where(a => a.VillageId == unit.Id),
                UnitLevel.Province => entries,
                _ => entries.Where(_ => false),
            };
        }

        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            entries = entries.Where(a => a.EntityType == query.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(a => a.Action == query.Action);
        }

        if (query.From is { } from)
        {
            var start = VietnamClock.StartOfDayUtc(from);
            entries = entries.Where(a => a.AtUtc >= start);
        }

        if (query.To is { } to)
        {
            var end = VietnamClock.StartOfDayUtc(to.AddDays(1));
            entries = entries.Where(a => a.AtUtc < end);
        }

        var total = await entries.CountAsync(cancellationToken);
        var rows = await entries
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip(page.Skip).Take(page.Take)
            .Select(a => new AuditRow(a.Id, a.AtUtc, a.UserName, a.Action, a.EntityType, a.EntityId,
                db.Units.Where(u => u.Id == a.UnitId).Select(u => u.Name).FirstOrDefault(), a.Changes, a.ClientAddress))
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditRow>(rows, total);
    }

    /// <summary>The entity types that can appear in the log (read from the model, not by scanning the log).</summary>
    public IReadOnlyList<string> EntityTypes()
    {
        using var db = contextFactory.CreateDbContext();
        return db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.ClrType != typeof(AuditEntry) && (typeof(IUnitScoped).IsAssignableFrom(t.ClrType) || t.ClrType == typeof(AppUser)))
            .Select(t => t.ClrType.Name)
            .Order()
            .ToList();
    }

    public static string ActionLabel(string action) => action switch
    {
        AuditActions.Create => "Thêm mới",
        AuditActions.Update => "Sửa",
        AuditActions.Delete => "Xóa",
        AuditActions.SignIn => "Đăng nhập",
        AuditActions.SignInFailed => "Đăng nhập thất bại",
        AuditActions.AccountChange => "Thay đổi tài khoản",
        AuditActions.Export => "Xuất dữ liệu",
        AuditActions.Import => "Nhập dữ liệu",
        AuditActions.Refused => "Bị từ chối",
        _ => action,
    };
}
