using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Auditing;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Common.Results;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Core.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.Core.Features.Accounts;

/// <summary>
/// The rules a single account edit (<see cref="AccountService"/>) and the village-leader import
/// (<see cref="Import.VillageLeaderImport"/>) both apply, so the two cannot drift: who is a manager, which roles they may
/// grant at which unit, what a new account looks like, and what its fields must hold.
/// </summary>
internal static class AccountRules
{
    internal const string OutsideScope = "Đơn vị này nằm ngoài phạm vi quản lý của bạn.";

    internal static List<AppRole> ManageableRoles(AppRole managerRole) =>
        Enum.GetValues<AppRole>().Where(r => AccountService.CanManage(managerRole, r)).ToList();

    /// <summary>A new, active account as <paramref name="request"/> describes it, without a password yet.</summary>
    internal static AppUser NewAccount(AccountRequest request, DateTime createdAtUtc)
    {
        var email = request.Email.Trim();
        return new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, FullName = request.FullName.Trim(),
            Role = request.Role, UnitId = request.UnitId, IsActive = true, CreatedAtUtc = createdAtUtc,
        };
    }

    /// <summary>
    /// The signed-in manager as the database knows them now. The role comes from the account row, not the
    /// cookie (the actor carries none); the scope must hold both in the session and for the account's unit.
    /// </summary>
    internal static async Task<Manager?> LoadManagerAsync(CnscdDbContext db, CancellationToken cancellationToken)
    {
        var actor = db.Actor;
        if (actor.UserId is null || actor.Scope.IsNothing || actor.Scope.IsUnrestricted)
        {
            return null;
        }

        var me = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId)
            .Select(u => new { u.Role, u.UnitId, u.IsActive })
            .FirstOrDefaultAsync(cancellationToken);
        if (me is null || !me.IsActive || ManageableRoles(me.Role).Count == 0)
        {
            return null;
        }

        var accountScope = await UnitScopeResolver.ResolveAsync(db, me.Role, me.UnitId, cancellationToken);
        return accountScope.IsNothing ? null : new Manager(actor.UserId, me.Role, actor.Scope, accountScope);
    }

    internal static bool CanGrant(Manager manager, AppRole role) => Enum.IsDefined(role) && AccountService.CanManage(manager.Role, role);

    /// <summary>
    /// Why <paramref name="manager"/> may not bind an account of <paramref name="role"/> to <paramref name="unit"/>
    /// (null: not found), or null if they may. Shared by single creation (which refuses) and the import (which
    /// reports the row).
    /// </summary>
    internal static string? BindingProblem(Manager manager, AppRole role, UnitFacts? unit)
    {
        if (!CanGrant(manager, role))
        {
            return $"Bạn không được cấp vai trò “{role.ToVietnamese()}”.";
        }

        if (unit is null)
        {
            return "Đơn vị hành chính không tồn tại.";
        }

        if (unit.Level != role.ScopeLevel())
        {
            return $"Vai trò “{role.ToVietnamese()}” phải gắn với đơn vị {role.ScopeLevel().ToVietnamese().ToLowerInvariant()}.";
        }

        return manager.Covers(unit) ? null : OutsideScope;
    }

    internal static CommandResult<string>? Validate(AccountRequest request, UnitFacts? unit, bool unitChanged, DateOnly today)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(request.FullName))
        {
            errors.Add("Hãy nhập họ tên.");
        }
        else if (request.FullName.Trim().Length > 150)
        {
            errors.Add("Họ tên dài quá 150 ký tự.");
        }

        if (string.IsNullOrWhiteSpace(request.Email))
        {
            errors.Add("Hãy nhập thư điện tử.");
        }

        
        if (unitChanged && unit is { ValidTo: { } validTo } && validTo < today)
        {
            errors.Add("Đơn vị này đã giải thể hoặc sáp nhập; hãy chọn đơn vị hiện hành.");
        }

        return errors.Count == 0 ? null : CommandResult<string>.Invalid(errors);
    }

    // Reading the unit of an account crosses scopes by design: the explicit Covers test decides (decision 004).
    internal static Task<UnitFacts?> LoadUnitAsync(CnscdDbContext db, int unitId, CancellationToken cancellationToken) =>
        UnitTree.Everywhere(db)
            .Where(u => u.Id == unitId)
            .Select(u => new UnitFacts(u.Id, u.Level, u.DistrictId, u.CommuneId, u.VillageId, u.ValidTo))
            .FirstOrDefaultAsync(cancellationToken);

    internal sealed record UnitFacts(int Id, UnitLevel Level, int? DistrictId, int? CommuneId, int? VillageId, DateOnly? ValidTo);

    internal sealed record Manager(string UserId, AppRole Role, DataScope SessionScope, DataScope AccountScope)
    {
        public bool Covers(UnitFacts unit) =>
            SessionScope.Covers(unit.DistrictId, unit.CommuneId, unit.VillageId)
            && AccountScope.Covers(unit.DistrictId, unit.CommuneId, unit.VillageId);
    }
}
