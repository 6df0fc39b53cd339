using Npgsql;
using NpgsqlTypes;

namespace BacGiang.Cnscd.Core.Seeding.Bulk;

/// <summary>Binary COPY, on the caller's connection and transaction.</summary>
public sealed class PostgreSqlBulkWriter(NpgsqlConnection connection) : IBulkWriter
{
    public async Task<long> WriteAsync(BulkTable table, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var writers = table.Columns.Select(c => WriterFor(c.ClrType)).ToArray();
        var copy = $"COPY \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        long count = 0;
        // The synchronous row API with typed writes: an await per field, or Npgsql resolving the type of a
        // boxed object on every value, cost more than the COPY itself.
        foreach (var row in rows)
        {
            importer.StartRow();
            for (var i = 0; i < writers.Length; i++)
            {
                if (row[i] is { } value)
                {
                    writers[i](importer, value);
                }
                else
                {
                    importer.WriteNull();
                }
            }

            if (++count % 50_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        await importer.CompleteAsync(cancellationToken);
        return count;
    }

    public async Task<Func<Task>> SuspendIndexesAndForeignKeysAsync(IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        // Secondary indexes only: primary keys and unique constraints stay, so the load is still checked.
        var indexes = new List<(string Name, string Sql)>();
        await using (var query = connection.CreateCommand())
        {
            query.CommandText =
                "SELECT i.indexname, i.indexdef FROM pg_indexes i " +
                "JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid " +
                "WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables) AND NOT x.indisprimary AND NOT x.indisunique";
            query.Parameters.AddWithValue("tables", tables.ToArray());
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        // Foreign keys are checked by a trigger per row; re-adding them checks the whole table in one join.
        var foreignKeys = new List<(string Table, string Name, string Definition)>();
        await using (var query = connection.CreateCommand())
        {
            query.CommandText =
                "SELECT t.relname, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid " +
                "WHERE c.contype = 'f' AND t.relname = ANY(@tables) AND t.relnamespace = current_schema()::regnamespace";
            query.Parameters.AddWithValue("tables", tables.ToArray());
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                foreignKeys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var (table, name, _) in foreignKeys)
        {
            await ExecuteAsync($"ALTER TABLE \"{table}\" DROP CONSTRAINT \"{name}\"", cancellationToken);
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

            foreach (var (table, name, definition) in foreignKeys)
            {
                await ExecuteAsync($"ALTER TABLE \"{table}\" ADD CONSTRAINT \"{name}\" {definition}", cancellationToken);
            }
        };
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ResetIdentityAsync(BulkTable table, CancellationToken cancellationToken)
    {
        if (table.IdentityColumn is null)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT setval(pg_get_serial_sequence('\"{table.Name}\"', '{table.IdentityColumn}'), " +
            $"COALESCE((SELECT MAX(\"{table.IdentityColumn}\") FROM \"{table.Name}\"), 0) + 1, false)";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A typed write per column type (enums arrive boxed as themselves and unbox to their underlying int).</summary>
    private static Action<NpgsqlBinaryImporter, object> WriterFor(Type clr) => clr switch
    {
        _ when clr == typeof(int) => (w, v) => w.Write((int)v, NpgsqlDbType.Integer),
        _ when clr == typeof(long) => (w, v) => w.Write((long)v, NpgsqlDbType.Bigint),
        _ when clr == typeof(short) => (w, v) => w.Write((short)v, NpgsqlDbType.Smallint),
        _ when clr == typeof(string) => (w, v) => w.Write((string)v, NpgsqlDbType.Text),
        _ when clr == typeof(bool) => (w, v) => w.Write((bool)v, NpgsqlDbType.Boolean),
        _ when clr == typeof(DateOnly) => (w, v) => w.Write((DateOnly)v, NpgsqlDbType.Date),
        _ when clr == typeof(DateTime) => (w, v) => w.Write((DateTime)v, NpgsqlDbType.TimestampTz),
        _ when clr == typeof(Guid) => (w, v) => w.Write((Guid)v, NpgsqlDbType.Uuid),
        _ when clr == typeof(decimal) => (w, v) => w.Write((decimal)v, NpgsqlDbType.Numeric),
        _ when clr == typeof(byte[]) => (w, v) => w.Write((byte[])v, NpgsqlDbType.Bytea),
        _ => throw new NotSupportedException("No COPY type for " + clr.Name),
    };
}
