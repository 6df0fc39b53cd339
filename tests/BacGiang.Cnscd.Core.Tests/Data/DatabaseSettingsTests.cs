using BacGiang.Cnscd.Core.Data;
using Microsoft.Extensions.Configuration;

namespace BacGiang.Cnscd.Core.Tests.Data;

public class DatabaseSettingsTests
{
    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void From_DefaultsToSqliteAndMigrating()
    {
        var settings = DatabaseSettings.From(Config(("ConnectionStrings:Cnscd", "Data Source=x.db")));
        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.True(settings.MigrateOnStartup);
    }

    [Theory]
    [InlineData("postgresql", DatabaseProvider.PostgreSql)]
    [InlineData("SqlServer", DatabaseProvider.SqlServer)]
    [InlineData("SQLITE", DatabaseProvider.Sqlite)]
    public void From_ReadsProviderIgnoringCase(string text, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseSettings.From(Config(("Database:Provider", text), ("ConnectionStrings:Cnscd", "x"))).Provider);

    [Theory]
    [InlineData("Oracle")]
    [InlineData("7")]
    public void From_UnknownProvider_NamesTheSetting(string text)
    {
        var ex = Assert.Throws<DatabaseConfigurationException>(() =>
            DatabaseSettings.From(Config(("Database:Provider", text), ("ConnectionStrings:Cnscd", "x"))));
        Assert.Contains("Database:Provider", ex.Message, StringComparison.Ordinal);
        Assert.Contains(text, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_MissingConnectionString_NamesTheSetting()
    {
        var ex = Assert.Throws<DatabaseConfigurationException>(() => DatabaseSettings.From(Config(("Database:Provider", "PostgreSql"))));
        Assert.Contains("ConnectionStrings:Cnscd", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_MigrateOnStartupFalse_IsRespected() =>
        Assert.False(DatabaseSettings.From(Config(("ConnectionStrings:Cnscd", "x"), ("Database:MigrateOnStartup", "false"))).MigrateOnStartup);
}
