using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Testing;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Infrastructure;

/// <summary>A fresh, migrated database on one engine, removed on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseSettings settings) => Settings = settings;

    public DatabaseSettings Settings { get; }

    public DatabaseProvider Provider => Settings.Provider;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        var connectionString = provider switch
        {
            DatabaseProvider.Sqlite => $"Data Source={Path.Combine(Path.GetTempPath(), "cnscd-test-" + Guid.NewGuid().ToString("N") + ".db")};Pooling=false",
            DatabaseProvider.PostgreSql => await PostgresServer.CreateDatabaseAsync(),
            _ => throw new NotSupportedException("SQL Server cannot run here; its migrations are proven by script generation."),
        };
        var database = new TestDatabase(new DatabaseSettings(provider, connectionString, MigrateOnStartup: true));
        if (migrate)
        {
            await using var db = database.CreateContext(Actor.System("test set-up"));
            await db.Database.MigrateAsync();
        }

        return database;
    }

    /// <summary>A context acting as <paramref name="actor"/>: the scope filter and guard apply as in the app.</summary>
    public CnscdDbContext CreateContext(Actor actor, Core.Time.VietnamClock? clock = null) => CnscdDatabase.CreateContext(Settings, actor, clock);

    public CnscdDbContext CreateSystemContext() => CreateContext(Actor.System("test"));

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.PostgreSql)
        {
            await PostgresServer.DropDatabaseAsync(Settings.ConnectionString);
        }
        else
        {
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Settings.ConnectionString).DataSource;
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
