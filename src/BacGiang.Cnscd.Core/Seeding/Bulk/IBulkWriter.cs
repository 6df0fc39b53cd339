namespace BacGiang.Cnscd.Core.Seeding.Bulk;

/// <summary>
/// Writes many rows without EF change tracking, inside the caller's open transaction, so that an
/// interrupted run leaves nothing behind.
/// </summary>
public interface IBulkWriter
{
    /// <summary>Writes the rows (values in the table's column order) and returns how many were written.</summary>
    Task<long> WriteAsync(BulkTable table, IEnumerable<object?[]> rows, CancellationToken cancellationToken);

    /// <summary>
    /// Drops the secondary indexes (and, where the engine allows, the foreign keys) of the tables
    /// before a large load and returns an action that recreates and re-checks them: building an
    /// index once, or checking a foreign key in one join, is far cheaper than doing it row by row.
    /// Inside the caller's transaction, so a failed load leaves the schema as it was.
    /// </summary>
    Task<Func<Task>> SuspendIndexesAndForeignKeysAsync(IReadOnlyList<string> tables, CancellationToken cancellationToken);

    /// <summary>After explicit ids were written, moves the table's id generator past them.</summary>
    Task ResetIdentityAsync(BulkTable table, CancellationToken cancellationToken);
}
