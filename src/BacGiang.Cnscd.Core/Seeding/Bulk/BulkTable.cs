using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BacGiang.Cnscd.Core.Seeding.Bulk;

/// <summary>
/// A table and the columns a bulk path writes, resolved from the EF model so that the bulk path
/// and the migrations can never disagree on a name.
/// </summary>
public sealed record BulkTable(string Name, IReadOnlyList<BulkColumn> Columns, string? IdentityColumn)
{
    public static BulkTable For(IEntityType entityType, params string[] properties)
    {
        var table = entityType.GetTableName() ?? throw new InvalidOperationException(entityType.Name + " has no table.");
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var columns = properties.Select(name =>
        {
            var property = entityType.FindProperty(name) ?? throw new InvalidOperationException($"{entityType.Name}.{name} does not exist.");
            var clr = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            return new BulkColumn(property.GetColumnName(store)!, clr.IsEnum ? Enum.GetUnderlyingType(clr) : clr);
        }).ToList();
        var key = entityType.FindPrimaryKey()!.Properties;
        var identity = key.Count == 1 && key[0].ValueGenerated == ValueGenerated.OnAdd && properties.Contains(key[0].Name)
            ? key[0].GetColumnName(store)
            : null;
        return new BulkTable(table, columns, identity);
    }

    public static BulkTable For<T>(DbContext db, params string[] properties) =>
        For(db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not mapped."), properties);
}

/// <summary>A column and the CLR type its values have (enums already reduced to their number).</summary>
public sealed record BulkColumn(string Name, Type ClrType);
