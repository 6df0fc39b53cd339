using BacGiang.Cnscd.Core;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Accounts;
using BacGiang.Cnscd.Core.Features.Accounts.Import;
using BacGiang.Cnscd.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BacGiang.Cnscd.IntegrationTests.Infrastructure;

/// <summary>
/// Identity and <see cref="AccountService"/> outside the web host, wired as <c>PortalHost</c> wires them
/// (password length 12, unique e-mail, EF stores on <see cref="CnscdDbContext"/>), over a test database
/// and acting as whatever <see cref="Actor"/> is set.
/// </summary>
public sealed class AccountTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    /// <param name="database">The database to act on.</param>
    /// <param name="configure">Extra registrations (a failing validator to prove a rollback), after the portal's.</param>
    public AccountTestHost(TestDatabase database, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        // One actor per scope, as one per circuit in the portal: two services for two actors do not interfere.
        services.AddScoped(_ => new FixedActorAccessor(Actor.System("account test set-up")));
        services.AddScoped<IActorAccessor>(sp => sp.GetRequiredService<FixedActorAccessor>());
        services.AddScoped<IDbContextFactory<CnscdDbContext>>(sp => new Factory(database, sp.GetRequiredService<IActorAccessor>()));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CnscdDbContext>>().CreateDbContext());
        services.AddIdentityCore<AppUser>(options =>
            {
                options.Password.RequiredLength = 12;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<CnscdDbContext>();
        services.AddCnscdCore();
        configure?.Invoke(services);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private readonly List<AsyncServiceScope> _scopes = [];

    /// <summary>An account service acting as <paramref name="actor"/>, in a scope of its own as a circuit would be.</summary>
    public AccountService ServiceFor(Actor actor)
    {
        var scope = _provider.CreateAsyncScope();
        _scopes.Add(scope);
        scope.ServiceProvider.GetRequiredService<FixedActorAccessor>().Current = actor;
        return scope.ServiceProvider.GetRequiredService<AccountService>();
    }

    /// <summary>The village-leader import acting as <paramref name="actor"/>, in a scope of its own.</summary>
    public VillageLeaderImport ImportFor(Actor actor)
    {
        var scope = _provider.CreateAsyncScope();
        _scopes.Add(scope);
        scope.ServiceProvider.GetRequiredService<FixedActorAccessor>().Current = actor;
        return scope.ServiceProvider.GetRequiredService<VillageLeaderImport>();
    }

    /// <summary>Creates an account directly, as the system, without a password (sign-in is not under test).</summary>
    public async Task<AppUser> AddAccountAsync(string email, string fullName, AppRole role, AdministrativeUnit unit)
    {
        await using var scope = _provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, FullName = fullName, Role = role, UnitId = unit.Id,
            CreatedAtUtc = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(user);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
        return user;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var scope in _scopes)
        {
            await scope.DisposeAsync();
        }

        await _provider.DisposeAsync();
    }

    private sealed class Factory(TestDatabase database, IActorAccessor actor) : IDbContextFactory<CnscdDbContext>
    {
        public CnscdDbContext CreateDbContext() => database.CreateContext(actor.Current);
    }
}
