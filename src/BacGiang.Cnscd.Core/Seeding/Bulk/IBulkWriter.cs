namespace BacGiang.Cnscd.Core.Seeding.Bulk;

/// <summary>
/// Writes many rows without EF change tracking, inside the caller's open transaction, so that an
/// interrupted run leaves nothing behind.
/// </summary>
public interface IBulkWriter
{
    /// <summary>Writes the rows (values in the table's column order) and returns how many were written.</summary>
    Task<long> WriteAsync(BulkTable table, IEnumerable<object?[]> rows, CancellationToken cancellationToken);

    /// <summary>After explicit ids were written, moves the table's id generator past them.</summary>
    Task ResetIdentityAsync(BulkTable table, CancellationToken cancellationToken);
}
