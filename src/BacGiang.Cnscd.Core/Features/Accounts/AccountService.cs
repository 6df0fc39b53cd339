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
using static BacGiang.Cnscd.Core.Features.Accounts.AccountRules;

namespace BacGiang.Cnscd.Core.Features.Accounts;

/// <summary>
/// Account management: a higher level creates, edits, locks, unlocks and resets the password of the
/// accounts in its own subtree, never above or beside it. Accounts are not behind the unit query filter
/// (decision 004), so every operation checks explicitly that the account's unit lies inside the manager's
/// subtree and that its role is strictly below the manager's (a province admin manages every account,
/// but nobody changes their own role, unit or active flag). Every refusal throws
/// <see cref="ScopeViolationException"/> and leaves a <see cref="AuditActions.Refused"/> audit row.
/// </summary>
/// <remarks>
/// The injected <see cref="UserManager{TUser}"/> is only a template: in Blazor Server it lives as long as the
/// circuit, and so would its DbContext, handing back stale tracked accounts. Each operation builds a
/// manager with the same options, validators and hasher over its own short-lived context instead.
/// </remarks>
public sealed class AccountService(
    IDbContextFactory<CnscdDbContext> contextFactory,
    UserManager<AppUser> userManagerTemplate,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> identityLogger,
    AccessRefusals refusals,
    VietnamClock clock,
    ILogger<AccountService> logger)
{
    /// <summary>How many units the unit picker offers at once; the rest are reached by typing.</summary>
    public const int MaxUnitOptions = 50;

    private const string NotFound = "Không tìm thấy tài khoản.";

    internal PasswordOptions PasswordOptions => userManagerTemplate.Options.Password;

    /// <summary>
    /// One page of the accounts the reader may manage: bound to a unit of the reader's subtree and with a
    /// role the reader may manage, ordered by name. <paramref name="search"/> matches the name without
    /// diacritics (stored <see cref="AppUser.FullNameSearch"/>) or any part of the e-mail, in SQL.
    /// </summary>
    public async Task<PagedResult<AccountRow>> ListAsync(PageRequest page, string? search, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var manager = await LoadManagerAsync(db, cancellationToken);
        if (manager is null)
        {
            return new PagedResult<AccountRow>([], 0);
        }

        var roles = ManageableRoles(manager.Role);
        var (d, c, v) = (manager.AccountScope.DistrictId, manager.AccountScope.CommuneId, manager.AccountScope.VillageId);
        // db.Units carries the session's scope filter; the extra terms apply the scope of the account's
        // unit as it is now in the database, so a stale cookie cannot list more than either allows.
        var units = db.Units.Where(u => (d == null || u.DistrictId == d) && (c == null || u.CommuneId == c) && (v == null || u.VillageId == v));
        var query = db.Users.AsNoTracking().Where(a => roles.Contains(a.Role) && units.Any(u => u.Id == a.UnitId));

        var key = VietnameseText.ToSearchKey(search);
        if (key.Length > 0)
        {
            var raw = search!.Trim();
            var upper = raw.ToUpperInvariant();
            // FullName itself too: accounts created before FullNameSearch existed have an empty key.
            query = query.Where(a => a.FullNameSearch.Contains(key) || a.FullName.Contains(raw) || a.NormalizedEmail!.Contains(upper));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderBy(a => a.FullNameSearch).ThenBy(a => a.NormalizedEmail)
            .Skip(page.Skip).Take(page.Take)
            .Select(a => new
            {
                a.Id, a.FullName, a.Email, a.Role, a.UnitId, a.IsActive, a.ConcurrencyStamp,
                UnitName = db.Units.Where(u => u.Id == a.UnitId).Select(u => u.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new PagedResult<AccountRow>(
            rows.Select(r => new AccountRow(r.Id, r.FullName, r.Email ?? "", r.Role, r.UnitId, r.UnitName ?? "", r.IsActive,
                r.ConcurrencyStamp ?? "", r.Id == manager.UserId)).ToList(),
            total);
    }

    /// <summary>The roles the reader may give to a new or edited account, highest first (empty for non-managers).</summary>
    public async Task<IReadOnlyList<AppRole>> GetGrantableRolesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var manager = await LoadManagerAsync(db, cancellationToken);
        return manager is null ? [] : ManageableRoles(manager.Role).OrderDescending().ToList();
    }

    /// <summary>
    /// The current units of the level <paramref name="role"/> binds to that the reader may bind accounts to
    /// (inside the reader's subtree), filtered by name without diacritics; at most <see cref="MaxUnitOptions"/>.
    /// </summary>
    public async Task<IReadOnlyList<UnitOption>> ListAssignableUnitsAsync(AppRole role, string? search,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var manager = await LoadManagerAsync(db, cancellationToken);
        if (manager is null || !CanManage(manager.Role, role))
        {
            return [];
        }

        var level = role.ScopeLevel();
        var today = clock.Today;
        var (d, c, v) = (manager.AccountScope.DistrictId, manager.AccountScope.CommuneId, manager.AccountScope.VillageId);
        // A province has a few thousand villages at most, and units have no stored search key: the name
        // filter runs in memory over id, name and parent name only.
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Level == level && u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo >= today))
            .Where(u => (d == null || u.DistrictId == d) && (c == null || u.CommuneId == c) && (v == null || u.VillageId == v))
            .OrderBy(u => u.Code)
            .Select(u => new UnitOption(u.Id, u.Name, u.Parent == null ? null : u.Parent.Name))
            .ToListAsync(cancellationToken);
        var key = VietnameseText.ToSearchKey(search);
        return units
            .Where(u => key.Length == 0 || VietnameseText.ToSearchKey(u.Display).Contains(key, StringComparison.Ordinal))
            .Take(MaxUnitOptions)
            .ToList();
    }

    /// <summary>
    /// Creates an account. Refused (exception, audited) when the role is not below the reader's or the unit
    /// is not of the role's level inside the reader's subtree; fails (result) on Identity's validation.
    /// </summary>
    public async Task<CommandResult<string>> CreateAsync(AccountRequest request, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string operation = "Tạo tài khoản";
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var manager = await RequireManagerAsync(db, operation, null, cancellationToken);
        var unit = await CheckBindingAsync(db, manager, request.Role, request.UnitId, null, operation, cancellationToken);
        if (Validate(request, unit, unitChanged: true, clock.Today) is { } invalid)
        {
            return invalid;
        }

        using var users = CreateUserManager(db);
        var user = NewAccount(request, clock.UtcNow);
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return CommandResult<string>.Invalid(AccountMessages.Translate(result.Errors, PasswordOptions));
        }

        logger.LogInformation("Account {AccountId} created by {ActorId}", user.Id, manager.UserId);
        return CommandResult<string>.Ok(user.Id);
    }

    /// <summary>
    /// Changes an account's name, e-mail, role and unit. <paramref name="expectedConcurrencyStamp"/> is the
    /// stamp the editor loaded: if the account changed since, nothing is saved and the result says so.
    /// A change of role, unit or e-mail renews the security stamp, which ends the account's open sessions.
    /// </summary>
    public async Task<CommandResult<string>> UpdateAsync(string id, AccountRequest request, string expectedConcurrencyStamp,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string operation = "Sửa tài khoản";
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var manager = await RequireManagerAsync(db, operation, id, cancellationToken);
        using var users = CreateUserManager(db);
        var user = await FindManageableAsync(db, users, manager, id, operation, cancellationToken);
        if (user is null)
        {
            return CommandResult<string>.Invalid(NotFound);
        }

        var bindingChanged = request.Role != user.Role || request.UnitId != user.UnitId;
        if (bindingChanged && user.Id == manager.UserId)
        {
            throw await RefuseAsync(operation, "Không ai được tự thay đổi vai trò hoặc đơn vị của chính mình.", user.Id, user.UnitId);
        }

        var unit = bindingChanged
            ? await CheckBindingAsync(db, manager, request.Role, request.UnitId, user.Id, operation, cancellationToken)
            : null;
        if (Validate(request, unit, unitChanged: request.UnitId != user.UnitId, clock.Today) is { } invalid)
        {
            return invalid;
        }

        if (!string.Equals(user.ConcurrencyStamp, expectedConcurrencyStamp, StringComparison.Ordinal))
        {
            return CommandResult<string>.Conflicted(new EditConflict(AccountMessages.Conflict, null));
        }

        // The stamp the editor saw is also the one the UPDATE's WHERE clause checks, so an edit that lands
        // between this read and the save is caught too.
        db.Entry(user).Property(u => u.ConcurrencyStamp).OriginalValue = expectedConcurrencyStamp;
        var email = request.Email.Trim();
        var emailChanged = !string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase);
        user.FullName = request.FullName.Trim();
        user.Email = email;
        user.UserName = email;
        user.Role = request.Role;
        user.UnitId = request.UnitId;
        // The session's scope and role live in its cookie: renewing the stamp makes revalidation end it.
        var result = bindingChanged || emailChanged
            ? await users.UpdateSecurityStampAsync(user)
            : await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return CommandResult<string>.Invalid(AccountMessages.Translate(result.Errors, PasswordOptions));
        }

        logger.LogInformation("Account {AccountId} updated by {ActorId}", user.Id, manager.UserId);
        return CommandResult<string>.Ok(user.Id);
    }

    /// <summary>Locks (<paramref name="active"/> false) or unlocks an account; locking ends its open sessions.</summary>
    public async Task<CommandResult<string>> SetActiveAsync(string id, bool active, CancellationToken cancellationToken = default)
    {
        var operation = active ? "Mở khóa tài khoản" : "Khóa tài khoản";
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var manager = await RequireManagerAsync(db, operation, id, cancellationToken);
        using var users = CreateUserManager(db);
        var user = await FindManageableAsync(db, users, manager, id, operation, cancellationToken);
        if (user is null)
        {
            return CommandResult<string>.Invalid(NotFound);
        }

        if (user.Id == manager.UserId)
        {
            throw await RefuseAsync(operation, "Không ai được tự khóa hoặc mở khóa tài khoản của chính mình.", user.Id, user.UnitId);
        }

        if (user.IsActive == active)
        {
            return CommandResult<string>.Ok(user.Id);
        }

        user.IsActive = active;
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            return CommandResult<string>.Invalid(AccountMessages.Translate(result.Errors, PasswordOptions));
        }

        logger.LogInformation("Account {AccountId} set active={Active} by {ActorId}", user.Id, active, manager.UserId);
        return CommandResult<string>.Ok(user.Id);
    }

    /// <summary>
    /// Gives an account a new password (validated like any other) and ends its open sessions; also clears a
    /// lockout. Not for one's own account: that goes through "change password", which asks for the old one.
    /// </summary>
    public async Task<CommandResult<string>> ResetPasswordAsync(string id, string newPassword, CancellationToken cancellationToken = default)
    {
        const string operation = "Đặt lại mật khẩu";
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var manager = await RequireManagerAsync(db, operation, id, cancellationToken);
        using var users = CreateUserManager(db);
        var user = await FindManageableAsync(db, users, manager, id, operation, cancellationToken);
        if (user is null)
        {
            return CommandResult<string>.Invalid(NotFound);
        }

        if (user.Id == manager.UserId)
        {
            throw await RefuseAsync(operation, "Hãy đổi mật khẩu của chính mình ở mục “Tài khoản của tôi”.", user.Id, user.UnitId);
        }

        if (await ValidatePasswordAsync(users, user, newPassword) is { Count: > 0 } errors)
        {
            return CommandResult<string>.Invalid(errors);
        }

        // One save for hash, lockout and stamp (RemovePassword + AddPassword would be two).
        user.PasswordHash = users.PasswordHasher.HashPassword(user, newPassword);
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            return CommandResult<string>.Invalid(AccountMessages.Translate(result.Errors, PasswordOptions));
        }

        logger.LogInformation("Password of account {AccountId} reset by {ActorId}", user.Id, manager.UserId);
        return CommandResult<string>.Ok(user.Id);
    }

    /// <summary>Whether an account of <paramref name="managerRole"/> may manage (and grant) <paramref name="role"/>.</summary>
    public static bool CanManage(AppRole managerRole, AppRole role) => managerRole switch
    {
        AppRole.ProvinceAdmin => true,
        AppRole.DistrictOfficer or AppRole.CommuneOfficer => role < managerRole,
        _ => false,
    };

    /// <summary>Identity's password validators (length, character classes), their errors said in Vietnamese.</summary>
    internal async Task<IReadOnlyList<string>> ValidatePasswordAsync(UserManager<AppUser> users, AppUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, password);
            errors.AddRange(check.Errors);
        }

        return AccountMessages.Translate(errors, PasswordOptions).ToList();
    }

    internal UserManager<AppUser> CreateUserManager(CnscdDbContext db) =>
        new(new AccountUserStore(db, userManagerTemplate.ErrorDescriber), Options.Create(userManagerTemplate.Options),
            userManagerTemplate.PasswordHasher, userManagerTemplate.UserValidators, userManagerTemplate.PasswordValidators,
            userManagerTemplate.KeyNormalizer, userManagerTemplate.ErrorDescriber, services, identityLogger);

    internal async Task<Manager> RequireManagerAsync(CnscdDbContext db, string operation, string? accountId, CancellationToken cancellationToken) =>
        await LoadManagerAsync(db, cancellationToken)
        ?? throw await RefuseAsync(operation, "Tài khoản của bạn không có quyền quản lý tài khoản.", accountId, null);

    /// <summary>The account, tracked by <paramref name="db"/>, if it is the manager's to manage; refused otherwise.</summary>
    private async Task<AppUser?> FindManageableAsync(CnscdDbContext db, UserManager<AppUser> users, Manager manager, string id,
        string operation, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return null;
        }

        var unit = await LoadUnitAsync(db, user.UnitId, cancellationToken);
        if (unit is null || !manager.Covers(unit) || !CanManage(manager.Role, user.Role))
        {
            throw await RefuseAsync(operation, "Tài khoản này không thuộc phạm vi quản lý của bạn.", user.Id, unit?.Id);
        }

        return user;
    }

    /// <summary>Checks that the manager may give <paramref name="role"/> at <paramref name="unitId"/>; refused otherwise.</summary>
    private async Task<UnitFacts> CheckBindingAsync(CnscdDbContext db, Manager manager, AppRole role, int unitId, string? accountId,
        string operation, CancellationToken cancellationToken)
    {
        var unit = CanGrant(manager, role) ? await LoadUnitAsync(db, unitId, cancellationToken) : null;
        if (BindingProblem(manager, role, unit) is { } problem)
        {
            throw await RefuseAsync(operation, problem, accountId, unit?.Id);
        }

        return unit!;
    }

    /// <summary>
    /// Records the refusal in a context of its own (the operation's context may hold half-made changes that
    /// must not be saved with it), even if the caller has gone, then hands back the exception to throw.
    /// </summary>
    /// <summary>Refuses an account operation, filed under the unit it aimed at (the account's, or the unit it would bind to).</summary>
    internal Task<ScopeViolationException> RefuseAsync(string operation, string message, string? accountId, int? unitId) =>
        refusals.RefuseAtAsync(nameof(AppUser), accountId, unitId, message, new { operation });
}
