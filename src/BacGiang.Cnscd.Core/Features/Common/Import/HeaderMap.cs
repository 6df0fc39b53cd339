using BacGiang.Cnscd.Core.Text;

namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>
/// The template's columns as the header row of an upload places them. Headers are matched without diacritics,
/// case or extra spaces ("so dien thoai" typed by hand is still the phone column); other headers are ignored.
/// </summary>
internal sealed class HeaderMap
{
    public static readonly HeaderMap None = new(new Dictionary<string, int>(StringComparer.Ordinal));

    private readonly Dictionary<string, int> _columns;

    private HeaderMap(Dictionary<string, int> columns) => _columns = columns;

    /// <summary>
    /// Maps the template's <paramref name="columns"/> from the <paramref name="header"/> row (null: the sheet has none).
    /// Errors, all on row 1: one per missing <paramref name="required"/> column, one per template column found twice.
    /// </summary>
    public static (HeaderMap Map, List<ImportRowError> Errors) Build(SheetRow? header, IReadOnlyList<string> columns, IReadOnlyList<string> required)
    {
        var wanted = columns.ToDictionary(VietnameseText.ToSearchKey, name => name, StringComparer.Ordinal);
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var duplicates = new List<ImportRowError>();
        foreach (var (column, cell) in header?.Cells.OrderBy(c => c.Key) ?? Enumerable.Empty<KeyValuePair<int, SheetCell>>())
        {
            var key = VietnameseText.ToSearchKey(cell.Text);
            if (!wanted.TryGetValue(key, out var name))
            {
                continue;
            }

            if (!found.TryAdd(key, column))
            {
                // Which of two "Số điện thoại" columns holds the numbers is a guess; the officer decides.
                duplicates.Add(new ImportRowError(1,
                    ExcelMessages.DuplicateColumn(name, CellReference.ColumnName(found[key]), CellReference.ColumnName(column))));
            }
        }

        var errors = required.Where(name => !found.ContainsKey(VietnameseText.ToSearchKey(name)))
            .Select(name => new ImportRowError(1, ExcelMessages.MissingColumn(name)))
            .Concat(duplicates)
            .ToList();
        return (new HeaderMap(found), errors);
    }

    /// <summary>Whether the column was found.</summary>
    public bool Has(string name) => _columns.ContainsKey(VietnameseText.ToSearchKey(name));

    /// <summary>The row's cell under the template column <paramref name="name"/>; empty when the column is absent.</summary>
    public SheetCell Cell(SheetRow row, string name) =>
        _columns.TryGetValue(VietnameseText.ToSearchKey(name), out var column) ? row[column] : SheetCell.Empty;

    /// <summary>The row's text under the template column <paramref name="name"/>; "" when the column is absent.</summary>
    public string Text(SheetRow row, string name) => Cell(row, name).Text;
}
