using System.Globalization;

namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>
/// One cell of an uploaded sheet. <see cref="Text"/> is what the officer sees, cleaned (no control or invisible
/// characters, NFC) and trimmed: surrounding spaces are invisible in Excel. A whole number keeps its digits
/// ("1968", "123456789012", not "1.23457E+11"), a date reads dd/MM/yyyy. <see cref="Number"/> is the value of a
/// number, the serial of a date and 1/0 for a boolean.
/// </summary>
public readonly record struct SheetCell(CellKind Kind, string Text, double Number)
{
    public static readonly SheetCell Empty = new(CellKind.Empty, "", 0);

    public bool IsBlank => Text.Length == 0;

    /// <summary>The date of a <see cref="CellKind.Date"/> cell.</summary>
    public DateTime Date => DateTime.FromOADate(Number);

    /// <summary>Whether the cell is a number without a fractional part (a phone, a year, a count typed into a General cell).</summary>
    public bool IsWholeNumber => Kind == CellKind.Number && Number == Math.Floor(Number) && Math.Abs(Number) < 1e15;

    public static SheetCell FromText(string cleaned) => cleaned.Length == 0 ? Empty : new(CellKind.Text, cleaned, 0);

    public static SheetCell FromNumber(double value) =>
        new(CellKind.Number, value.ToString("0.###############", CultureInfo.InvariantCulture), value);

    public static SheetCell FromDate(double serial) =>
        new(CellKind.Date, DateTime.FromOADate(serial).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), serial);

    public static SheetCell FromBoolean(bool value) => new(CellKind.Boolean, value ? "TRUE" : "FALSE", value ? 1 : 0);

    public static SheetCell FromError(string code) => new(CellKind.Error, code, 0);
}
