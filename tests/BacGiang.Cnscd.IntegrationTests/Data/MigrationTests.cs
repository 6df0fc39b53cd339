using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BacGiang.Cnscd.IntegrationTests.Data;

/// <summary>Each provider's migrations are current, and SQL Server's (which cannot run here) generate a script.</summary>
public class MigrationTests
{
    private static CnscdDbContext DesignTimeContext(DatabaseProvider provider)
    {
        IDesignTimeDbContextFactory<CnscdDbContext> factory = provider switch
        {
            DatabaseProvider.Sqlite => new BacGiang.Cnscd.Migrations.Sqlite.DesignTimeDbContextFactory(),
            DatabaseProvider.PostgreSql => new BacGiang.Cnscd.Migrations.PostgreSql.DesignTimeDbContextFactory(),
            _ => new BacGiang.Cnscd.Migrations.SqlServer.DesignTimeDbContextFactory(),
        };
        return factory.CreateDbContext([]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Provider_HasNoPendingModelChanges(DatabaseProvider provider)
    {
        using var db = DesignTimeContext(provider);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"{provider}: the model has changes without a migration; run dotnet ef migrations add for this provider.");
    }

    [Fact]
    public void SqlServer_MigrationsGenerateAScript()
    {
        using var db = DesignTimeContext(DatabaseProvider.SqlServer);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [AdministrativeUnits]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [Households]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_HouseholdVisits_ClientRequestId]", script, StringComparison.Ordinal);
        Assert.Contains("[SearchKey] nvarchar(450)", script, StringComparison.Ordinal);
        // The reform's journal and the closed team's last day (issue 12).
        Assert.Contains("CREATE TABLE [RestructuringJournals]", script, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE [Teams] ADD [ClosedOn] date NULL", script, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE [RestructuringJournals] ADD [ProvinceNameBefore] nvarchar(200) NULL", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Migrations_ApplyToAnEmptyDatabase_AndLeaveNothingPending(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateSystemContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Units.CountAsync());
    }
}
