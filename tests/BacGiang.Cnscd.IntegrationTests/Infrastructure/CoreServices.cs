using BacGiang.Cnscd.Core;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BacGiang.Cnscd.IntegrationTests.Infrastructure;

/// <summary>
/// A Core feature service built from the portal's own registration (<see cref="CnscdCoreServices.AddCnscdCore"/>),
/// over a test database as one actor, so a test never lists a service's dependencies by hand and a new dependency
/// needs no test change. <c>overrides</c> replace registered instances by type (a test's own
/// <c>Options.Create(new TeamOptions { … })</c>).
/// </summary>
public static class CoreServices
{
    /// <summary>The service on the real clock.</summary>
    public static T Create<T>(IDbContextFactory<CnscdDbContext> factory, params object[] overrides)
        where T : notnull => Build<T>(factory, VietnamClock.System, overrides);

    /// <summary>The service on a clock that reads noon of <paramref name="today"/> (Vietnam time).</summary>
    public static T CreateOn<T>(DateOnly today, IDbContextFactory<CnscdDbContext> factory, params object[] overrides)
        where T : notnull => Build<T>(factory, TestClock.On(today), overrides);

    private static T Build<T>(IDbContextFactory<CnscdDbContext> factory, VietnamClock clock, object[] overrides)
        where T : notnull
    {
        Actor actor;
        using (var probe = factory.CreateDbContext())
        {
            actor = probe.Actor;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock.Provider);
        services.AddSingleton(clock);
        services.AddSingleton<IActorAccessor>(new FixedActorAccessor(actor));
        services.AddSingleton(factory is ActorContextFactory own ? own.WithClock(clock) : factory);
        services.AddCnscdCore();
        var provider = services.BuildServiceProvider();
        return ActivatorUtilities.CreateInstance<T>(provider, overrides);
    }
}
