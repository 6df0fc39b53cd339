using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Data;

/// <summary>What the portal's PostgreSQL sessions are set to, read back from a real server.</summary>
public class PostgreSqlSessionTests
{
    [Fact]
    public async Task ThePortalsSessions_RunWithoutJit()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql, migrate: false);
        await using var db = database.CreateContext(Actor.System("test"));

        var jit = await db.Database.SqlQueryRaw<string>("SELECT current_setting('jit') AS \"Value\"").SingleAsync();

        Assert.Equal("off", jit);
    }
}
