using System.Globalization;
using Microsoft.Data.Sqlite;

namespace BacGiang.Cnscd.Core.Seeding.Bulk;

/// <summary>
/// Prepared multi-row INSERTs (many rows per statement, well under SQLite's parameter limit), reused
/// for every batch, in the caller's transaction.
/// </summary>
public sealed class SqliteBulkWriter(SqliteConnection connection, SqliteTransaction transaction) : IBulkWriter
{
    // Microsoft.Data.Sqlite binds parameters by name and SQLite looks each name up linearly, so the cost of a
    // statement grows with the square of its parameters: a few hundred is the sweet spot (measured).
    private const int MaxParametersPerStatement = 240;

    public async Task<long> WriteAsync(BulkTable table, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var width = table.Columns.Count;
        var rowsPerBatch = Math.Max(1, MaxParametersPerStatement / width);
        await using var full = CreateInsert(table, rowsPerBatch);
        var batch = new List<object?[]>(rowsPerBatch);
        long count = 0;
        foreach (var row in rows)
        {
            batch.Add(row);
            if (batch.Count == rowsPerBatch)
            {
                Execute(full, batch, width);
                count += batch.Count;
                batch.Clear();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        if (batch.Count > 0)
        {
            await using var rest = CreateInsert(table, batch.Count);
            Execute(rest, batch, width);
            count += batch.Count;
        }

        return count;
    }

    public async Task<Func<Task>> SuspendIndexesAndForeignKeysAsync(IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var query = connection.CreateCommand())
        {
            query.Transaction = transaction;
            query.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", tables.Select((_, i) => "$t" + i))})";
            for (var i = 0; i < tables.Count; i++)
            {
                query.Parameters.AddWithValue("$t" + i, tables[i]);
            }

            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync($"DROP INDEX \"{name}\"", cancellationToken);
        }

        return async () =>
        {
            foreach (var (_, sql) in indexes)
            {
                await ExecuteAsync(sql, cancellationToken);
            }

            // The seeder loads with foreign-key enforcement off (it can only be switched outside a
            // transaction); check the loaded tables in one pass instead, before the commit.
            foreach (var table in tables)
            {
                await using var check = connection.CreateCommand();
                check.Transaction = transaction;
                check.CommandText = $"PRAGMA foreign_key_check(\"{table}\")";
                await using var reader = await check.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    throw new InvalidOperationException($"Bulk load broke a foreign key of {table} (row {reader.GetValue(1)} → {reader.GetString(2)}).");
                }
            }
        };
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // SQLite assigns max(rowid)+1 to the next row by itself.
    public Task ResetIdentityAsync(BulkTable table, CancellationToken cancellationToken) => Task.CompletedTask;

    private SqliteCommand CreateInsert(BulkTable table, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var width = table.Columns.Count;
        var values = string.Join(", ", Enumerable.Range(0, rowCount).Select(r =>
            "(" + string.Join(", ", Enumerable.Range(0, width).Select(c => "$p" + ((r * width) + c))) + ")"));
        command.CommandText =
            $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) VALUES {values}";
        for (var i = 0; i < rowCount * width; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i, null));
        }

        command.Prepare();
        return command;
    }

    private static void Execute(SqliteCommand command, List<object?[]> batch, int width)
    {
        var parameters = command.Parameters;
        for (var r = 0; r < batch.Count; r++)
        {
            var row = batch[r];
            for (var c = 0; c < width; c++)
            {
                parameters[(r * width) + c].Value = ToSqlite(row[c]);
            }
        }

        command.ExecuteNonQuery();
    }

    /// <summary>Values as EF Core's SQLite provider stores them (GUIDs as upper-case text, dates as ISO text).</summary>
    private static object ToSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        _ => value,
    };
}
