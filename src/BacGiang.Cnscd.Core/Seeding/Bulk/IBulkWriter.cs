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
    /// Drops the secondary indexes of the tables before a large load and returns an action that
    /// recreates them: building an index once over sorted data is far cheaper than updating it
    /// row by row. Inside the caller's transaction, so a failed load leaves the indexes as they were.
    /// </summary>
    Task<Func<Task>> SuspendIndexesAsync(IReadOnlyList<string> tables, CancellationToken cancellationToken);

    /// <summary>After explicit ids were written, moves the table's id generator past them.</summary>
    Task ResetIdentityAsync(BulkTable table, CancellationToken cancellationToken);
}
