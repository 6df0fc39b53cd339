using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Seeding;
using BacGiang.Cnscd.Core.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Web.Demo;

/// <summary>
/// Seeds the demo province and the demo accounts into an empty database, then, for today's tree (the default, see
/// <see cref="DemoTree"/>), its history: the quarters before 1 July 2025 reported through the districts and the reform applied.
/// </summary>
public sealed class DemoSeeder(CnscdDbContext db, UserManager<AppUser> userManager, VietnamClock clock, IConfiguration configuration,
    IServiceProvider services, ILogger<DemoSeeder> logger)
{
    /// <summary>A demo login as it stands in the database: the reform moves the commune officer and disables the district's.</summary>
    public sealed record Login(DemoAccounts.Account Account, string UnitName, bool Active);

    /// <summary>Seeds when the database has no units; returns false when it already had data.</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await UnitTree.Everywhere(db).AnyAsync(cancellationToken))
        {
            return false;
        }

        var report = await new ProvinceSeeder(db).SeedAsync(SeedOptions.Demo(clock.Today),
            new Progress<string>(line => logger.LogInformation("Demo: {Line}", line)), cancellationToken);
        logger.LogInformation("Demo: đã ghi dữ liệu tỉnh demo trong {Seconds:F1} s ({Rows:N0} dòng)", report.Total.TotalSeconds, report.BulkRows);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await CreateAccountsAsync(cancellationToken);
        logger.LogInformation("Demo: đã tạo tài khoản demo trong {Seconds:F1} s", watch.Elapsed.TotalSeconds);
        if (DemoTreeSetting.From(configuration) == DemoTree.Reformed2025)
        {
            await ActivatorUtilities.CreateInstance<DemoHistory>(services).SeedAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>The demo accounts that exist, with their unit now, in the order of <see cref="DemoAccounts.All"/>.</summary>
    public async Task<IReadOnlyList<Login>> LoginsAsync(CancellationToken cancellationToken)
    {
        var emails = DemoAccounts.All.Select(a => a.Email).ToList();
        var users = await db.Users.AsNoTracking().Where(u => emails.Contains(u.Email!))
            .Select(u => new { u.Email, u.UnitId, u.IsActive }).ToListAsync(cancellationToken);
        var unitIds = users.Select(u => u.UnitId).ToList();
        var names = await UnitTree.Everywhere(db).Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        return [.. DemoAccounts.All.Join(users, a => a.Email, u => u.Email, (a, u) => new Login(a, names.GetValueOrDefault(u.UnitId, ""), u.IsActive))];
    }

    /// <summary>One line per login for the console: role, unit, e-mail and password, or why it cannot sign in.</summary>
    public static string Describe(Login login) => login.Active
        ? $"{login.Account.Role,-20} {login.Account.Email} / {DemoAccounts.Password} ({login.UnitName})"
        : $"{login.Account.Role,-20} {login.Account.Email} — đã khóa khi bỏ cấp huyện ({login.UnitName} đã đóng)";

    public async Task CreateAccountsAsync(CancellationToken cancellationToken)
    {
        db.Actor.RequireUnrestricted("Tạo tài khoản demo");
        // The demo accounts share one password: hashed once (210,000 PBKDF2 rounds take ≈ 0.2 s each here), each account
        // still gets the salted hash Identity verifies at sign-in.
        string? passwordHash = null;
        foreach (var account in DemoAccounts.All)
        {
            if (await userManager.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }

            var unit = await UnitTree.Everywhere(db).SingleAsync(u => u.Code == account.UnitCode, cancellationToken);
            int? memberId = null;
            if (account.Role == AppRole.VillageLeader)
            {
                // As the system actor asserted above, the scope filter lets every row through: no bypass is needed.
                var leader = await db.TeamMembers
                    .Where(m => m.UnitId == unit.Id && m.Position == TeamPosition.Leader && m.EndDate == null)
                    .Select(m => new { m.Id, m.PersonId }).FirstOrDefaultAsync(cancellationToken);
                // The demo leader is the team's leader: the generated person takes the account's name, so the roster, the
                // visit form's "visitor" and the account all say the same person.
                if (leader is not null)
                {
                    await db.People.Where(p => p.Id == leader.PersonId)
                        .ExecuteUpdateAsync(set => set.SetProperty(p => p.FullName, account.FullName)
                            .SetProperty(p => p.FullNameSearch, VietnameseText.ToSearchKey(account.FullName)), cancellationToken);
                }

                memberId = leader?.Id;
            }

            var user = new AppUser
            {
                UserName = account.Email, Email = account.Email, EmailConfirmed = true, FullName = account.FullName,
                Role = account.Role, UnitId = unit.Id, MemberId = memberId, CreatedAtUtc = clock.UtcNow,
            };
            user.PasswordHash = passwordHash ??= userManager.PasswordHasher.HashPassword(user, DemoAccounts.Password);
            var result = await userManager.CreateAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Cannot create demo account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            if (account.Role == AppRole.ProvinceAdmin)
            {
                // The same token Identity's authenticator store writes (UserStore.SetAuthenticatorKeyAsync).
                await userManager.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoAccounts.AdminAuthenticatorKey);
                await userManager.SetTwoFactorEnabledAsync(user, true);
            }
        }
    }
}
