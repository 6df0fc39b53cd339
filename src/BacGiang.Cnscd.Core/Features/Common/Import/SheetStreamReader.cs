using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml;

namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>
/// Streams the rows of one sheet's XML (decision 044): the declared dimension, every row number (blank rows and
/// gaps count toward the row cap), every cell's column, the number of cells and each cell's length are checked as
/// they are met, so a hostile sheet stops at its first offending element. Formulas are skipped: a cell is its
/// cached value, or empty when it has none.
/// </summary>
internal static class SheetStreamReader
{
    /// <summary>
    /// The non-blank rows of the sheet at <paramref name="path"/>. A row numbered above <paramref name="maxRowNumber"/>
    /// (blank or not) stops the read with <paramref name="tooManyRows"/>; other bounds with the shared messages.
    /// </summary>
    public static IEnumerable<SheetRow> Rows(UploadWorkbook workbook, string path, int maxRowNumber, string tooManyRows)
    {
        var limits = workbook.Budget.Limits;
        using var reader = workbook.Open(path);
        var lastRow = 0;
        var cells = new StrongBox<int>();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            switch (reader.LocalName)
            {
                case "dimension":
                    CheckDimension(XlsxXml.Attribute(reader, "ref"), limits, maxRowNumber, tooManyRows);
                    reader.Read();
                    break;
                case "row":
                    var number = int.TryParse(XlsxXml.Attribute(reader, "r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : lastRow + 1;
                    if (number <= lastRow || number > CellReference.LastRow)
                    {
                        throw new InvalidDataException("rows out of order");
                    }

                    if (number > maxRowNumber)
                    {
                        throw new UploadRefusedException(tooManyRows);
                    }

                    lastRow = number;
                    var row = ReadRow(reader, workbook, number, cells);
                    if (row is not null)
                    {
                        yield return row;
                    }

                    break;
                case "f" or "extLst" or "mergeCells" or "conditionalFormatting" or "dataValidations" or "hyperlinks":
                    reader.Skip();
                    break;
                default:
                    reader.Read();
                    break;
            }
        }
    }

    private static void CheckDimension(string? reference, UploadLimits limits, int maxRowNumber, string tooManyRows)
    {
        var last = reference?.Split(':')[^1] ?? "";
        if (!CellReference.TryParse(last, out var column, out var row))
        {
            return;
        }

        if (column > limits.MaxColumns)
        {
            throw new UploadRefusedException(ExcelMessages.TooManyColumns(limits.MaxColumns));
        }

        if (row > maxRowNumber)
        {
            throw new UploadRefusedException(tooManyRows);
        }
    }

    /// <summary>Reads the &lt;row&gt; the reader is on; null when all its cells are blank. Leaves the reader after the row.</summary>
    private static SheetRow? ReadRow(XmlReader reader, UploadWorkbook workbook, int number, StrongBox<int> cells)
    {
        var limits = workbook.Budget.Limits;
        var values = new Dictionary<int, SheetCell>();
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return null;
        }

        var depth = reader.Depth;
        var lastColumn = 0;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            if (reader.LocalName != "c")
            {
                reader.Skip();
                continue;
            }

            if (++cells.Value > limits.MaxCells)
            {
                throw new UploadRefusedException(ExcelMessages.TooManyCells(limits.MaxCells));
            }

            if (cells.Value % 1024 == 0)
            {
                workbook.Budget.Check();
            }

            var reference = XlsxXml.Attribute(reader, "r");
            var column = reference is not null && CellReference.TryParse(reference, out var c, out _) ? c : lastColumn + 1;
            if (column <= lastColumn)
            {
                throw new InvalidDataException("cells out of order");
            }

            if (column > limits.MaxColumns)
            {
                throw new UploadRefusedException(ExcelMessages.TooManyColumns(limits.MaxColumns));
            }

            lastColumn = column;
            var cell = ReadCell(reader, workbook, CellReference.ColumnName(column) + number.ToString(CultureInfo.InvariantCulture), number);
            if (!cell.IsBlank)
            {
                values[column] = cell;
            }
        }

        reader.Read();
        return values.Count == 0 ? null : new SheetRow(number, values);
    }

    /// <summary>Reads the &lt;c&gt; the reader is on into a value; leaves the reader after the cell.</summary>
    private static SheetCell ReadCell(XmlReader reader, UploadWorkbook workbook, string name, int row)
    {
        var limits = workbook.Budget.Limits;
        var type = XlsxXml.Attribute(reader, "t") ?? "n";
        var style = int.TryParse(XlsxXml.Attribute(reader, "s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        string? value = null;
        string? inline = null;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return SheetCell.Empty;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
            }
            else if (reader.LocalName == "v")
            {
                value = XlsxXml.ReadText(reader, limits.MaxCellChars) ?? throw TooLong(name, row, limits);
            }
            else if (reader.LocalName == "is")
            {
                inline = XlsxRichText.Read(reader, limits.MaxCellChars) ?? throw TooLong(name, row, limits);
                workbook.Budget.SpendText(inline.Length);
            }
            else
            {
                // <f>: the formula's text is never read, let alone evaluated.
                reader.Skip();
            }
        }

        reader.Read();
        return type switch
        {
            "inlineStr" => SheetCell.FromText(inline ?? ""),
            _ when value is null => SheetCell.Empty,
            "s" => SharedString(workbook, value, name, row),
            "str" => Text(workbook, value),
            "b" => SheetCell.FromBoolean(value.Trim() is "1" or "true"),
            "e" => SheetCell.FromError(value.Trim()),
            "d" => DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
                ? SheetCell.FromDate(date.ToOADate())
                : Text(workbook, value),
            _ => Number(workbook, value, style),
        };
    }

    private static SheetCell Number(UploadWorkbook workbook, string value, int style)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            return Text(workbook, value);
        }

        var isDate = style < workbook.DateStyles.Count && workbook.DateStyles[style];
        return isDate && number is >= 0 and < 2958466 ? SheetCell.FromDate(number) : SheetCell.FromNumber(number);
    }

    private static SheetCell SharedString(UploadWorkbook workbook, string value, string name, int row)
    {
        var strings = workbook.SharedStrings;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= strings.Count)
        {
            throw new InvalidDataException("shared string out of range");
        }

        return SheetCell.FromText(strings[index] ?? throw TooLong(name, row, workbook.Budget.Limits));
    }

    private static SheetCell Text(UploadWorkbook workbook, string value)
    {
        workbook.Budget.SpendText(value.Length);
        return SheetCell.FromText(ImportText.Clean(ImportText.DecodeEscapes(value)));
    }

    private static UploadRefusedException TooLong(string name, int row, UploadLimits limits) =>
        new(new ImportRowError(row, ExcelMessages.CellTooLong(name, limits.MaxCellChars)));
}
