using BacGiang.Cnscd.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BacGiang.Cnscd.Testing;

/// <summary>
/// The real portal in-process on a fresh SQLite file (or PostgreSQL database), with the demo data
/// seeded by the same start-up path a developer's first run takes.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string _sqlitePath = Path.Combine(Path.GetTempPath(), "cnscd-host-" + Guid.NewGuid().ToString("N") + ".db");

    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>
    /// The demo tree this portal seeds (<c>Demo:Tree</c>). The journeys and host tests were written on the 2023 tree, with
    /// its district officer, and the restructuring journey applies the reform itself; the default demo is tested by
    /// the factory that overrides this.
    /// </summary>
    protected virtual string DemoTree => "2023";

    protected string ConnectionString { get; private set; } = "";

    /// <summary>Where this portal's Serilog files go (one folder per factory, so a test can read them).</summary>
    public string LogDirectory { get; } = Path.Combine(Path.GetTempPath(), "cnscd-test-logs", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ConnectionString = Provider == DatabaseProvider.Sqlite
            ? $"Data Source={_sqlitePath};Pooling=false"
            : PostgresServer.CreateDatabaseAsync().GetAwaiter().GetResult();
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Cnscd", ConnectionString);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Tree", DemoTree);
        builder.UseSetting("Logging:Directory", LogDirectory);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (Provider == DatabaseProvider.PostgreSql && ConnectionString.Length > 0)
        {
            await PostgresServer.DropDatabaseAsync(ConnectionString);
        }

        foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>The portal as <c>dotnet run</c> starts it: the default demo, today's tree after the 2025 reform.</summary>
public class DefaultDemoPortalFactory : PortalFactory
{
    protected override string DemoTree => "";
}

/// <summary>The default demo on a fresh PostgreSQL database of the test server.</summary>
public sealed class PostgreSqlDefaultDemoPortalFactory : DefaultDemoPortalFactory
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>The same portal on a fresh PostgreSQL database of the test server.</summary>
public sealed class PostgreSqlPortalFactory : PortalFactory
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
