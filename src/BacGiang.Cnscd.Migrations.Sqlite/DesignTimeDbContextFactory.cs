using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Tenancy;
using Microsoft.EntityFrameworkCore.Design;

namespace BacGiang.Cnscd.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the model for this provider without starting the web host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CnscdDbContext>
{
    public CnscdDbContext CreateDbContext(string[] args) =>
        CnscdDatabase.CreateContext(
            new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design-time.db", MigrateOnStartup: false),
            Actor.System("design time"));
}
