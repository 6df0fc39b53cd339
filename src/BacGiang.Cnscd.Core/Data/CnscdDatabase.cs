using BacGiang.Cnscd.Core.Data.Interceptors;
using BacGiang.Cnscd.Core.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BacGiang.Cnscd.Core.Data;

/// <summary>Wires the DbContext to the configured provider and its own migrations assembly.</summary>
public static class CnscdDatabase
{
    public static string MigrationsAssembly(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "BacGiang.Cnscd.Migrations.Sqlite",
        DatabaseProvider.PostgreSql => "BacGiang.Cnscd.Migrations.PostgreSql",
        DatabaseProvider.SqlServer => "BacGiang.Cnscd.Migrations.SqlServer",
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>Configures options for a provider; used by the host, the design-time factories and tests alike.</summary>
    public static DbContextOptionsBuilder<CnscdDbContext> Configure(DbContextOptionsBuilder<CnscdDbContext> options,
        DatabaseProvider provider, string connectionString)
    {
        var migrations = MigrationsAssembly(provider);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(migrations));
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(WithoutJit(connectionString), o => o.MigrationsAssembly(migrations));
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(connectionString, o => o.MigrationsAssembly(migrations));
                break;
        }

        // SummaryInterceptor before AuditInterceptor: its SavedChanges must run while the audit's transaction is still open.
        options.AddInterceptors(new UnitScopeInterceptor(), new SummaryInterceptor(), new AuditInterceptor());
        return options;
    }

    /// <summary>
    /// Turns PostgreSQL's JIT compilation off for the portal's sessions unless the connection string already says
    /// otherwise (an <c>Options</c> value naming <c>jit</c>). The portal's queries are short; on the 540,000-household
    /// seed JIT compilation cost ≈ 2.2 s of a 5.9 s province report and a district report took 0.57 s with it, 0.17 s
    /// without. See docs/decisions/042-report-indicators-fast-path-and-postgresql-jit-off.md.
    /// </summary>
    public static string WithoutJit(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) == true)
        {
            return connectionString;
        }

        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c jit=off" : builder.Options + " -c jit=off";
        return builder.ConnectionString;
    }

    /// <summary>
    /// Registers <see cref="IDbContextFactory{CnscdDbContext}"/> as scoped, so each context gets the
    /// scoped <see cref="IActorAccessor"/> of its request or circuit.
    /// </summary>
    public static IServiceCollection AddCnscdDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteDirectory(settings.ConnectionString);
        }

        services.AddDbContextFactory<CnscdDbContext>(
            options => Configure((DbContextOptionsBuilder<CnscdDbContext>)options, settings.Provider, settings.ConnectionString),
            ServiceLifetime.Scoped);
        return services;
    }

    /// <summary>Creates a context outside DI (command-line verbs, tests).</summary>
    public static CnscdDbContext CreateContext(DatabaseSettings settings, Actor actor, Time.VietnamClock? clock = null) =>
        new(Configure(new DbContextOptionsBuilder<CnscdDbContext>(), settings.Provider, settings.ConnectionString).Options,
            new FixedActorAccessor(actor), clock);

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
    }
}
