namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>One non-blank row of an uploaded sheet: <see cref="Number"/> is Excel's row number, cells by 1-based column.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<int, SheetCell> Cells)
{
    public SheetCell this[int column] => Cells.TryGetValue(column, out var cell) ? cell : SheetCell.Empty;
}
