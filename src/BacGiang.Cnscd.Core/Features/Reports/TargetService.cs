using BacGiang.Cnscd.Core.Features.Common.Results;
using System.Globalization;
using System.Text.Json;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Data.Interceptors;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>
/// Targets (chỉ tiêu, rule R6, §2.9b): a district assigns each of its communes a percentage to reach by a date for each
/// indicator; the province assigns its districts. One row per (unit, indicator, due date) in the Target table, so a
/// dashboard reading the table sees every target ever set, the one in force being the nearest due date ahead.
/// </summary>
public sealed class TargetService(IDbContextFactory<CnscdDbContext> contextFactory, AccessRefusals refusals, VietnamClock clock)
{
    public const string NotTheAssigner = "Chỉ UBND huyện giao chỉ tiêu cho xã của huyện, và Sở giao chỉ tiêu cho huyện.";
    public const string PercentOutOfRange = "Chỉ tiêu phải từ 0 đến 100%.";
    public const string DueDateOutOfRange = "Ngày đến hạn không hợp lệ.";
    public const string Conflict = "Chỉ tiêu vừa được người khác thay đổi; hãy tải lại trang rồi nhập lại.";

    /// <summary>
    /// One page of the children of <paramref name="parentUnitId"/> (communes of a district, districts of the province) with
    /// their targets in force today and their current figure for each indicator.
    /// Empty when the parent is outside the reader's scope.
    /// </summary>
    public async Task<PagedResult<TargetRow>> ListAsync(int parentUnitId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var day = clock.Today;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var parent = await db.Units.AsNoTracking().Where(u => u.Id == parentUnitId).Select(u => new { u.Id, u.Level }).FirstOrDefaultAsync(cancellationToken);
        if (parent is null || parent.Level is UnitLevel.Commune or UnitLevel.Village)
        {
            return new PagedResult<TargetRow>([], 0);
        }

        var children = db.Units.AsNoTracking().Where(u => u.ParentId == parentUnitId && u.ValidFrom <= day && (u.ValidTo == null || u.ValidTo >= day));
        var total = await children.CountAsync(cancellationToken);
        var pageUnits = await children.OrderBy(u => u.Code).Skip(page.Skip).Take(page.Take).Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        var ids = pageUnits.Select(u => u.Id).ToList();
        var targets = await db.Targets.AsNoTracking().Where(t => ids.Contains(t.UnitId)).ToListAsync(cancellationToken);
        // Figures now: the calculator as of today, for the parent's children (one pass), so progress sits next to the target.
        var figures = (await IndicatorCalculator.ForChildrenAsync(db, parentUnitId, ReportingPeriod.Containing(day), cancellationToken))
            .ToDictionary(r => r.UnitId, r => r.Figures);
        var rows = pageUnits.Select(u => new TargetRow(u.Id, u.Name, TargetLabels.All.Select(indicator =>
        {
            var own = targets.Where(t => t.UnitId == u.Id && t.Indicator == indicator).ToList();
            var inForce = own.Where(t => t.DueDate >= day).MinBy(t => t.DueDate) ?? own.MaxBy(t => t.DueDate);
            return new TargetCell(indicator, inForce?.Id, inForce?.Percent, inForce?.DueDate, inForce?.Version ?? 0,
                figures.GetValueOrDefault(u.Id)?.Percent(indicator));
        }).ToList())).ToList();
        return new PagedResult<TargetRow>(rows, total);
    }

    /// <summary>
    /// Sets the target of a child unit for an indicator and a due date (creating it, or changing the percentage of the
    /// one with that date when <paramref name="expectedVersion"/> matches). Refused and audited when the unit is not a
    /// direct child of the reader's unit or the reader's role does not assign targets.
    /// </summary>
    public async Task<CommandResult<int>> SetAsync(int unitId, TargetIndicator indicator, decimal percent, DateOnly dueDate, int expectedVersion,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var actor = db.Actor;
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Id, u.ParentId, u.Level }).FirstOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            throw await RefuseAsync(unitId, await refusals.LocateAsync<AdministrativeUnit, int>(unitId, CancellationToken.None));
        }

        var assigns = unit.ParentId == actor.UnitId
            && ((actor.Role == AppRole.DistrictOfficer && unit.Level == UnitLevel.Commune)
                || (actor.Role == AppRole.ProvinceAdmin && unit.Level is UnitLevel.District or UnitLevel.Commune));
        if (!assigns)
        {
            throw await RefuseAsync(unitId, unitId);
        }

        if (!Enum.IsDefined(indicator) || percent < 0 || percent > 100)
        {
            return CommandResult<int>.Invalid(new Dictionary<string, string> { ["Percent"] = PercentOutOfRange }, PercentOutOfRange);
        }

        if (dueDate.Year is < 2020 or > 2100)
        {
            return CommandResult<int>.Invalid(new Dictionary<string, string> { ["DueDate"] = DueDateOutOfRange }, DueDateOutOfRange);
        }

        var row = await db.Targets.FirstOrDefaultAsync(t => t.UnitId == unitId && t.Indicator == indicator && t.DueDate == dueDate, cancellationToken);
        if (row is null)
        {
            row = new Target { UnitId = unitId, Indicator = indicator, DueDate = dueDate };
            db.Targets.Add(row);
        }
        else if (row.Version != expectedVersion)
        {
            return CommandResult<int>.Conflicted(new EditConflict(Conflict, row.Version));
        }
        else
        {
            db.Entry(row).Property(t => t.Version).OriginalValue = expectedVersion;
        }

        row.Percent = Math.Round(percent, 2);
        row.SetByUserId = actor.UserId;
        row.SetAtUtc = clock.UtcNow;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || db.Entry(row).State == EntityState.Added)
        {
            return CommandResult<int>.Conflicted(new EditConflict(Conflict, null));
        }

        return CommandResult<int>.Ok(row.Version);
    }

    private Task<ScopeViolationException> RefuseAsync(int unitId, int? auditedUnitId) =>
        refusals.RefuseAtAsync(nameof(Target), unitId.ToString(CultureInfo.InvariantCulture), auditedUnitId, NotTheAssigner);
}
