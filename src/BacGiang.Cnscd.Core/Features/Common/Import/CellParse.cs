using System.Globalization;
using BacGiang.Cnscd.Core.Text;

namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>The cell readings the imports share: yes/no, dates and whole numbers, each a value or a Vietnamese row error.</summary>
public static class CellParse
{
    /// <summary>The date formats an officer types: day first, as in Vietnam, and ISO.</summary>
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "yyyy-MM-dd"];

    // Compared as search keys: "Có", "co", "CÓ" are one answer; "x" is a ticked box, "Đúng"/"Sai" a true/false column.
    private static readonly HashSet<string> Yes = new(["co", "x", "1", "yes", "true", "dung"], StringComparer.Ordinal);

    private static readonly HashSet<string> No = new(["khong", "0", "no", "false", "sai", ""], StringComparer.Ordinal);

    /// <summary>"Có"/"Không" and their usual spellings ("x", "1"/"0", "Đúng"/"Sai", a boolean cell); blank is no.</summary>
    public static Parsed<bool> YesNo(SheetCell cell, string column, int maxEcho = 50)
    {
        if (cell.Kind == CellKind.Boolean)
        {
            return Ok<bool>(cell.Number != 0);
        }

        var key = VietnameseText.ToSearchKey(cell.Text);
        if (Yes.Contains(key))
        {
            return Ok<bool>(true);
        }

        return No.Contains(key)
            ? Ok<bool>(false)
            : Fail<bool>(ExcelMessages.YesNoInvalid(column, ImportText.Echo(cell.Text, maxEcho)));
    }

    /// <summary>
    /// A date from a date cell, an Excel serial number typed into a General cell, or dd/MM/yyyy text (also d/M/yyyy,
    /// with dashes, and yyyy-MM-dd); null when blank, <paramref name="error"/> when unreadable.
    /// </summary>
    public static Parsed<DateOnly?> Date(SheetCell cell, string error)
    {
        switch (cell.Kind)
        {
            case CellKind.Empty:
                return Ok<DateOnly?>(null);
            case CellKind.Date:
                return Ok<DateOnly?>(DateOnly.FromDateTime(cell.Date));
            case CellKind.Number when cell.Number is > 0 and < 2958466:
                return Ok<DateOnly?>(DateOnly.FromDateTime(DateTime.FromOADate(cell.Number)));
            default:
                if (cell.IsBlank)
                {
                    return Ok<DateOnly?>(null);
                }

                return DateOnly.TryParseExact(cell.Text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? Ok<DateOnly?>(parsed)
                    : Fail<DateOnly?>(error);
        }
    }

    /// <summary>
    /// A whole number from <paramref name="min"/> to <paramref name="max"/> (a number cell or digits, an optional sign);
    /// null when blank, <paramref name="error"/> otherwise.
    /// </summary>
    public static Parsed<int?> WholeNumber(SheetCell cell, string error, int min = int.MinValue, int max = int.MaxValue)
    {
        if (cell.IsBlank)
        {
            return Ok<int?>(null);
        }

        return int.TryParse(cell.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? Ok<int?>(value)
            : Fail<int?>(error);
    }

    private static Parsed<T> Ok<T>(T value) => new(value, null);

    private static Parsed<T> Fail<T>(string error) => new(default!, error);
}
