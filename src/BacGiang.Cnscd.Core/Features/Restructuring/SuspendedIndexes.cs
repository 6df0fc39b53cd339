using BacGiang.Cnscd.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace BacGiang.Cnscd.Core.Features.Restructuring;

/// <summary>
/// On PostgreSQL, a set-based rewrite of most rows of a big table (the province's 2.5 million visits when every village
/// moves) costs far more in index upkeep than in the rows themselves: every updated row that changes an indexed column
/// inserts one entry into each of the table's indexes (125 s for the visits, against 22 s without the secondary indexes
/// and 28 s to build them again, measured on the scale seed). So the apply drops the secondary indexes of such a table
/// inside its transaction, rewrites the rows and creates the indexes again. The statements are generated from the model by
/// EF's own migrations SQL generator, so the indexes come back exactly as the migrations made them. DDL is transactional
/// on PostgreSQL: a failure restores the indexes with everything else. The table is locked against readers until the
/// commit (about a minute for the whole province), which a once-a-reform operation can afford. Two rules keep the rest
/// of the transaction fast: an index that leads with <c>UnitId</c> stays (it serves the foreign key to the units, which
/// undo checks when it deletes the units it opened), and the indexes come back only at the end, because PostgreSQL does not
/// let the transaction that built an index over HOT-updated rows use it.
/// SQLite rewrites in place and gains nothing from this; there it is a no-op.
/// </summary>
internal static class SuspendedIndexes
{
    /// <summary>A share of a table's rows above which rebuilding its indexes beats updating them row by row.</summary>
    public const double RebuildAbove = 0.2;

    public static async Task DropAsync(CnscdDbContext db, Type entity, CancellationToken cancellationToken)
    {
        // Sorting 2.5 million keys in the default 64 MB spills to disk; for this transaction only.
        await ExecuteAsync(db, "SET LOCAL maintenance_work_mem = '256MB'", cancellationToken);
        foreach (var sql in Statements(db, entity, create: false))
        {
            await ExecuteAsync(db, sql, cancellationToken);
        }
    }

    public static async Task CreateAsync(CnscdDbContext db, Type entity, CancellationToken cancellationToken)
    {
        foreach (var sql in Statements(db, entity, create: true))
        {
            await ExecuteAsync(db, sql, cancellationToken);
        }
    }

    public static bool Applies(CnscdDbContext db) => db.Database.IsNpgsql();

    private static IEnumerable<string> Statements(CnscdDbContext db, Type entity, bool create)
    {
        var type = db.Model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var operations = type.GetIndexes().Where(index => index.Properties[0].Name != nameof(Domain.UnitScopedEntity.UnitId)).Select(index => create
            ? (MigrationOperation)new CreateIndexOperation
            {
                Name = index.GetDatabaseName(table)!, Table = table.Name, Schema = table.Schema, IsUnique = index.IsUnique,
                Columns = index.Properties.Select(p => p.GetColumnName(table)!).ToArray(), Filter = index.GetFilter(table),
            }
            : new DropIndexOperation { Name = index.GetDatabaseName(table)!, Table = table.Name, Schema = table.Schema })
            .ToList();
        var generator = db.GetService<IMigrationsSqlGenerator>();
        return generator.Generate(operations, db.Model).Select(c => c.CommandText);
    }

#pragma warning disable RS0030 // DDL generated from the model by EF's migrations generator (no input); the caller is a province administrator's apply.
    private static Task<int> ExecuteAsync(CnscdDbContext db, string sql, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
#pragma warning restore RS0030
}
