namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>"C12" ⇄ column 3, row 12, as a sheet's XML writes cell positions.</summary>
internal static class CellReference
{
    /// <summary>Excel's last column (XFD) and row: anything beyond is not a cell of any workbook.</summary>
    public const int LastColumn = 16_384;
    public const int LastRow = 1_048_576;

    /// <summary>Parses "C12" (row optional: "C"); false for anything else or beyond Excel's grid.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int column, out int row)
    {
        column = 0;
        row = 0;
        var i = 0;
        while (i < text.Length && char.IsAsciiLetter(text[i]) && i < 3)
        {
            column = (column * 26) + (char.ToUpperInvariant(text[i]) - 'A' + 1);
            i++;
        }

        if (i == 0 || column > LastColumn)
        {
            return false;
        }

        for (; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]) || row > LastRow)
            {
                return false;
            }

            row = (row * 10) + (text[i] - '0');
        }

        return row <= LastRow;
    }

    /// <summary>The column's letters: 1 → "A", 28 → "AB".</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        while (column > 0)
        {
            var rest = (column - 1) % 26;
            name = (char)('A' + rest) + name;
            column = (column - 1) / 26;
        }

        return name;
    }
}
