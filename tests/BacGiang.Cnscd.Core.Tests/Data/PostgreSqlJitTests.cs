using BacGiang.Cnscd.Core.Data;
using Npgsql;

namespace BacGiang.Cnscd.Core.Tests.Data;

/// <summary>The portal's PostgreSQL sessions run without JIT unless the connection string already decides (decision 042).</summary>
public class PostgreSqlJitTests
{
    [Fact]
    public void WithoutJit_AddsTheSessionOption()
    {
        var result = new NpgsqlConnectionStringBuilder(CnscdDatabase.WithoutJit("Host=db;Database=cnscd;Username=portal"));

        Assert.Equal("-c jit=off", result.Options);
        Assert.Equal(("db", "cnscd", "portal"), (result.Host, result.Database, result.Username));
    }

    [Fact]
    public void WithoutJit_KeepsOtherOptions()
    {
        var result = new NpgsqlConnectionStringBuilder(CnscdDatabase.WithoutJit("Host=db;Options=-c statement_timeout=30000"));

        Assert.Equal("-c statement_timeout=30000 -c jit=off", result.Options);
    }

    [Fact]
    public void WithoutJit_LeavesAnExplicitChoiceAlone()
    {
        const string explicitChoice = "Host=db;Options=-c jit=on";

        Assert.Equal(explicitChoice, CnscdDatabase.WithoutJit(explicitChoice));
    }
}
