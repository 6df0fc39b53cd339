using System.Globalization;
using BacGiang.Cnscd.Core.Features.Accounts.Import;
using BacGiang.Cnscd.Core.Features.Common.Excel;
using BacGiang.Cnscd.Core.Text;
using ClosedXML.Excel;
using MiniExcelLibs;

namespace BacGiang.Cnscd.Core.Features.Households.Import;

/// <summary>A village the importer may fill in, as the template lists it.</summary>
internal sealed record ImportVillage(string Code, string Name);

/// <summary>
/// One non-blank data row of an imported household sheet with its cells parsed; <see cref="Errors"/> holds what
/// is wrong with the row's own cells (format, missing values). <see cref="Row"/> is Excel's row number.
/// </summary>
internal sealed record HouseholdSheetRow(
    int Row,
    string VillageCode,
    string HeadName,
    string Address,
    int? BirthYear,
    string? Phone,
    int Size,
    bool HasVneidLevel2,
    bool HasPublicServiceAccount,
    bool NeedsAssistance,
    IReadOnlyList<string> Errors);

/// <summary>What <see cref="HouseholdSheet.Read"/> found: the rows, or why the file cannot be read at all.</summary>
internal sealed record HouseholdSheetContent(IReadOnlyList<HouseholdSheetRow> Rows, IReadOnlyList<ImportRowError> Errors);

/// <summary>
/// The layout of the household sheet: the template (ClosedXML: a few hundred rows at most, and it can mark the
/// phone column as text so Excel keeps the leading 0) and the reading of a filled-in copy (MiniExcel, row by row
/// from the zipped XML: a sheet of tens of thousands of rows never becomes a workbook object in memory).
/// Only each row's own cells are checked here; villages, scope and duplicates are the service's.
/// </summary>
internal static class HouseholdSheet
{
    public const string HouseholdsSheetName = "Hộ gia đình";
    public const string VillagesSheetName = "Danh sách thôn";

    public const string VillageCode = "Mã thôn";
    public const string HeadName = "Họ và tên chủ hộ";
    public const string Address = "Địa chỉ";
    public const string BirthDate = "Ngày sinh chủ hộ";
    public const string Phone = "Số điện thoại";
    public const string Size = "Số nhân khẩu";
    public const string Vneid = "VNeID mức 2";
    public const string PublicServices = "Tài khoản DVC trực tuyến";
    public const string NeedsAssistance = "Cần người hỗ trợ";

    /// <summary>The template's columns in order.</summary>
    public static readonly string[] Columns = [VillageCode, HeadName, Address, BirthDate, Phone, Size, Vneid, PublicServices, NeedsAssistance];

    private static readonly string[] RequiredColumns = [VillageCode, HeadName, Address];

    // Fixed widths: AdjustToContents measures every cell through System.Drawing (slow, needs libgdiplus).
    private static readonly double[] Widths = [14, 28, 40, 18, 16, 14, 14, 24, 18];

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "yyyy-MM-dd"];

    private static readonly HashSet<string> Yes = new(["co", "x", "1", "yes", "true", "dung"], StringComparer.Ordinal);

    private static readonly HashSet<string> No = new(["khong", "0", "no", "false", "sai", ""], StringComparer.Ordinal);

    public static byte[] CreateTemplate(IReadOnlyList<ImportVillage> villages)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(HouseholdsSheetName);
        // Text format, so that Excel keeps "07444-01" and "0912345678" exactly as typed.
        sheet.Columns(1, Columns.Length).Style.NumberFormat.Format = "@";
        TemplateSheet.WriteHeader(sheet, Columns, Widths);
        if (villages.Count > 0)
        {
            // One example row, with a real village code of the importer; it is a household like any other.
            var example = new[] { villages[0].Code, "Nguyễn Văn An", "Xóm Đông, " + villages[0].Name, "05/09/1968", "0912345678", "4", "Có", "Không", "Không" };
            for (var c = 0; c < example.Length; c++)
            {
                sheet.Cell(2, c + 1).SetValue(example[c]);
            }
        }

        var list = workbook.Worksheets.Add(VillagesSheetName);
        list.Columns(1, 2).Style.NumberFormat.Format = "@";
        TemplateSheet.WriteHeader(list, [VillageCode, "Tên thôn"], [14, 30]);
        for (var i = 0; i < villages.Count; i++)
        {
            list.Cell(i + 2, 1).SetValue(villages[i].Code);
            list.Cell(i + 2, 2).SetValue(villages[i].Name);
        }

        sheet.SetTabActive();
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>
    /// Reads the households sheet (by name, or the first sheet if it was renamed), one row at a time. Blank rows
    /// are skipped. <paramref name="progress"/> receives the number of rows read so far, now and then.
    /// </summary>
    public static HouseholdSheetContent Read(Stream content, int maxRows, DateOnly today, Action<int>? progress = null)
    {
        try
        {
            var names = MiniExcel.GetSheetNames(content);
            content.Position = 0;
            var sheetName = names.FirstOrDefault(n => n == HouseholdsSheetName) ?? names.FirstOrDefault();
            if (sheetName is null)
            {
                return Failed(0, HouseholdImportMessages.NotAWorkbook);
            }

            return ReadSheet(content, sheetName, maxRows, today, progress);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException
                                       or NotSupportedException or ArgumentException or KeyNotFoundException)
        {
            // The zip and XML readers throw a handful of types for a file that is not a workbook; to the importer
            // they all mean the same.
            return Failed(0, HouseholdImportMessages.NotAWorkbook);
        }
    }

    private static HouseholdSheetContent ReadSheet(Stream content, string sheetName, int maxRows, DateOnly today, Action<int>? progress)
    {
        Dictionary<string, string>? columns = null;
        var rows = new List<HouseholdSheetRow>();
        var excelRow = 0;
        foreach (IDictionary<string, object?> cells in MiniExcel.Query(content, useHeaderRow: false, sheetName: sheetName))
        {
            excelRow++;
            if (columns is null)
            {
                columns = HeaderColumns(cells);
                var missing = RequiredColumns.Where(name => !columns.ContainsKey(VietnameseText.ToSearchKey(name)))
                    .Select(name => new ImportRowError(1, HouseholdImportMessages.MissingColumn(name)))
                    .ToList();
                if (missing.Count > 0)
                {
                    return new HouseholdSheetContent([], missing);
                }

                continue;
            }

            if (cells.Values.All(v => Text(v).Length == 0))
            {
                continue;
            }

            if (rows.Count == maxRows)
            {
                return Failed(0, HouseholdImportMessages.TooManyRows(maxRows));
            }

            rows.Add(ParseRow(excelRow, cells, columns, today));
            if (rows.Count % 1000 == 0)
            {
                progress?.Invoke(rows.Count);
            }
        }

        return columns is null ? Failed(0, HouseholdImportMessages.Empty) : new HouseholdSheetContent(rows, []);
    }

    /// <summary>Column letter by header, matched without diacritics or case ("so dien thoai" typed by hand still counts).</summary>
    private static Dictionary<string, string> HeaderColumns(IDictionary<string, object?> header)
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (letter, value) in header)
        {
            var key = VietnameseText.ToSearchKey(Text(value));
            if (key.Length > 0)
            {
                columns.TryAdd(key, letter);
            }
        }

        return columns;
    }

    private static HouseholdSheetRow ParseRow(int row, IDictionary<string, object?> cells, Dictionary<string, string> columns, DateOnly today)
    {
        object? Cell(string name) =>
            columns.TryGetValue(VietnameseText.ToSearchKey(name), out var letter) && cells.TryGetValue(letter, out var value) ? value : null;

        var errors = new List<string>();
        var code = Text(Cell(VillageCode));
        var head = Text(Cell(HeadName));
        var address = Text(Cell(Address));
        if (code.Length == 0)
        {
            errors.Add(HouseholdImportMessages.VillageCodeMissing);
        }

        if (head.Length == 0)
        {
            errors.Add(HouseholdImportMessages.HeadNameMissing);
        }
        else if (head.Length > 150)
        {
            errors.Add(HouseholdImportMessages.HeadNameTooLong);
        }

        if (address.Length == 0)
        {
            errors.Add(HouseholdImportMessages.AddressMissing);
        }
        else if (address.Length > 300)
        {
            errors.Add(HouseholdImportMessages.AddressTooLong);
        }

        var birthCell = Cell(BirthDate);
        var birthYear = BirthYearOf(birthCell, today);
        if (birthYear == Invalid)
        {
            errors.Add(HouseholdImportMessages.BirthInvalid(Text(birthCell)));
        }

        var phoneCell = Cell(Phone);
        var phone = PhoneOf(phoneCell);
        if (phone == InvalidPhone)
        {
            errors.Add(HouseholdImportMessages.PhoneInvalid(Text(phoneCell)));
        }

        var size = SizeOf(Cell(Size));
        if (size is null)
        {
            errors.Add(HouseholdImportMessages.SizeInvalid);
        }

        return new HouseholdSheetRow(row, code, head, address, birthYear == Invalid ? null : birthYear,
            phone == InvalidPhone ? null : phone, size ?? 1,
            YesNo(Cell(Vneid), Vneid, errors), YesNo(Cell(PublicServices), PublicServices, errors), YesNo(Cell(NeedsAssistance), NeedsAssistance, errors),
            errors);
    }

    private const int Invalid = -1;
    private const string InvalidPhone = "!";

    /// <summary>
    /// The head's birth year from a date cell, an Excel serial date, "dd/MM/yyyy" text or a bare year; null when
    /// blank, <see cref="Invalid"/> when unreadable, before 1900 or after today.
    /// </summary>
    private static int? BirthYearOf(object? cell, DateOnly today)
    {
        DateOnly? date = null;
        int? year = null;
        switch (cell)
        {
            case null:
                return null;
            case DateTime dateTime:
                date = DateOnly.FromDateTime(dateTime);
                break;
            case double number when number == Math.Floor(number) && number is >= 1900 and <= 9999:
                year = (int)number;
                break;
            case double serial when serial is > 0 and < 2958466:
                date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
                break;
            default:
                var text = Text(cell);
                if (text.Length == 0)
                {
                    return null;
                }

                if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
                {
                    year = y;
                }
                else if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    date = parsed;
                }
                else
                {
                    return Invalid;
                }

                break;
        }

        if (date is { } d)
        {
            return d > today || d.Year < 1900 ? Invalid : d.Year;
        }

        return year is { } value && value >= 1900 && value <= today.Year ? value : Invalid;
    }

    /// <summary>
    /// A Vietnamese phone number with spaces, dots and dashes removed and +84 written as 0; null when blank,
    /// <see cref="InvalidPhone"/> when it is not 10–11 digits starting with 0. A number typed into a General cell
    /// arrives as a number without its leading 0, which is put back.
    /// </summary>
    private static string? PhoneOf(object? cell)
    {
        var text = cell is double number && number == Math.Floor(number) && number > 0
            ? "0" + number.ToString("0", CultureInfo.InvariantCulture)
            : Text(cell);
        if (text.Length == 0)
        {
            return null;
        }

        var digits = new string(text.Where(c => c is not (' ' or '.' or '-' or '(' or ')')).ToArray());
        if (digits.StartsWith("+84", StringComparison.Ordinal))
        {
            digits = "0" + digits[3..];
        }
        else if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length == 11)
        {
            digits = "0" + digits[2..];
        }

        return digits.Length is 10 or 11 && digits[0] == '0' && digits.All(char.IsAsciiDigit) ? digits : InvalidPhone;
    }

    /// <summary>Household size: blank means 1 (the head alone); null when not a whole number from 1 to 50.</summary>
    private static int? SizeOf(object? cell)
    {
        var text = Text(cell);
        if (text.Length == 0)
        {
            return 1;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= 50 ? size : null;
    }

    private static bool YesNo(object? cell, string column, List<string> errors)
    {
        if (cell is bool flag)
        {
            return flag;
        }

        var text = Text(cell);
        var key = VietnameseText.ToSearchKey(text);
        if (Yes.Contains(key))
        {
            return true;
        }

        if (!No.Contains(key))
        {
            errors.Add(HouseholdImportMessages.YesNoInvalid(column, text));
        }

        return false;
    }

    /// <summary>A cell as the importer sees it, trimmed; whole numbers keep their digits ("1968", not "1968.0").</summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        double d => d.ToString("0.###############", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        _ => (Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Trim(),
    };

    private static HouseholdSheetContent Failed(int row, string message) => new([], [new ImportRowError(row, message)]);
}
