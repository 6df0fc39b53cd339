using Microsoft.Data.Sqlite;

namespace BacGiang.Cnscd.Core.Seeding.Bulk;

/// <summary>One prepared INSERT reused for every row, in the caller's transaction.</summary>
public sealed class SqliteBulkWriter(SqliteConnection connection, SqliteTransaction transaction) : IBulkWriter
{
    public async Task<long> WriteAsync(BulkTable table, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
        var parameters = table.Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        command.Prepare();
        long count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = ToSqlite(row[i]);
            }

            command.ExecuteNonQuery();
            if (++count % 50_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return count;
    }

    // SQLite assigns max(rowid)+1 to the next row by itself.
    public Task ResetIdentityAsync(BulkTable table, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Values as EF Core's SQLite provider stores them (GUIDs as upper-case text).</summary>
    private static object ToSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        Enum e => Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
        decimal m => m.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };
}
