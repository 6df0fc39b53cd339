using Npgsql;

namespace BacGiang.Cnscd.Testing;

/// <summary>
/// The throwaway PostgreSQL server that <c>tests/run-all.sh</c> starts. Each test gets its own
/// database on it. Without the server the PostgreSQL tests fail (they are never skipped).
/// </summary>
public static class PostgresServer
{
    public const string Variable = "CNSCD_TEST_POSTGRES";

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set: run the tests through tests/run-all.sh, which starts a throwaway PostgreSQL.");

    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "cnscd_t_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = false }.ToString();
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}
