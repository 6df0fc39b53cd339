using System.Globalization;
using BacGiang.Cnscd.Core.Features.Common.Excel;
using BacGiang.Cnscd.Core.Text;
using ClosedXML.Excel;

namespace BacGiang.Cnscd.Core.Features.Accounts.Import;

/// <summary>A village of the officer's commune, as the template lists it.</summary>
internal sealed record TemplateVillage(string Code, string Name);

/// <summary>One non-blank data row of an imported sheet, trimmed; <see cref="Row"/> is Excel's row number.</summary>
internal sealed record ImportedRow(int Row, string VillageCode, string FullName, string Email, string Password);

/// <summary>What <see cref="VillageLeaderSheet.Read"/> found: the rows, or why the file cannot be read at all.</summary>
internal sealed record SheetContent(IReadOnlyList<ImportedRow> Rows, IReadOnlyList<ImportRowError> Errors);

/// <summary>
/// The layout of the village-leader sheet: writing the template and reading a filled-in copy. Only the shape
/// of the file is checked here; what the values mean (villages, e-mails in use, passwords) is the service's.
/// </summary>
internal static class VillageLeaderSheet
{
    public const string AccountsSheetName = "Tài khoản trưởng thôn";
    public const string VillagesSheetName = "Danh sách thôn";

    public const string VillageCode = "Mã thôn";
    public const string VillageName = "Tên thôn";
    public const string FullName = "Họ và tên";
    public const string Email = "Thư điện tử";
    public const string Password = "Mật khẩu ban đầu";

    public const string NotAWorkbook = ExcelMessages.NotAWorkbook;

    /// <summary>The template's columns in order; "Tên thôn" is only there to help the reader and is not required.</summary>
    public static readonly string[] Columns = [VillageCode, VillageName, FullName, Email, Password];

    private static readonly string[] RequiredColumns = [VillageCode, FullName, Email, Password];

    // Fixed widths: AdjustToContents measures every cell through System.Drawing (slow, needs libgdiplus).
    private static readonly double[] Widths = [14, 30, 30, 34, 24];

    public static byte[] CreateTemplate(IReadOnlyList<TemplateVillage> villages)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(AccountsSheetName);
        // Text format, so that Excel keeps "07444-01" and an all-digit password exactly as typed.
        sheet.Columns(1, Columns.Length).Style.NumberFormat.Format = "@";
        TemplateSheet.WriteHeader(sheet, Columns, Widths);
        for (var i = 0; i < villages.Count; i++)
        {
            sheet.Cell(i + 2, 1).SetValue(villages[i].Code);
            sheet.Cell(i + 2, 2).SetValue(villages[i].Name);
        }

        var list = workbook.Worksheets.Add(VillagesSheetName);
        list.Columns(1, 2).Style.NumberFormat.Format = "@";
        TemplateSheet.WriteHeader(list, [VillageCode, VillageName], [Widths[0], Widths[1]]);
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
    /// Reads the accounts sheet (by name, or the first sheet if it was renamed). Rows with no name, e-mail and
    /// password are skipped even if the village columns are filled: the template pre-fills every village, and
    /// an officer fills in only the villages that need an account now.
    /// </summary>
    public static SheetContent Read(Stream content, int maxRows)
    {
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(content);
        }
        catch (Exception)
        {
            // ClosedXML and the OpenXML SDK throw a dozen different types for a file that is not a workbook
            // (zip, package, XML, format errors); to the officer they all mean the same.
            return Failed(0, NotAWorkbook);
        }

        using (workbook)
        {
            var sheet = workbook.Worksheets.FirstOrDefault(s => s.Name == AccountsSheetName) ?? workbook.Worksheets.FirstOrDefault();
            if (sheet is null)
            {
                return Failed(0, NotAWorkbook);
            }

            var lastColumn = sheet.Row(1).LastCellUsed()?.Address.ColumnNumber ?? 0;
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var c = 1; c <= lastColumn; c++)
            {
                // Matched without diacritics or case: "thu dien tu" typed by hand is still the e-mail column.
                var key = VietnameseText.ToSearchKey(Text(sheet.Cell(1, c)));
                if (key.Length > 0)
                {
                    columns.TryAdd(key, c);
                }
            }

            var missing = RequiredColumns.Where(name => !columns.ContainsKey(VietnameseText.ToSearchKey(name)))
                .Select(name => new ImportRowError(1, $"Thiếu cột '{name}'."))
                .ToList();
            if (missing.Count > 0)
            {
                return new SheetContent([], missing);
            }

            var lastRow = sheet.LastRowUsed(XLCellsUsedOptions.Contents)?.RowNumber() ?? 1;
            if (lastRow - 1 > maxRows)
            {
                return Failed(0, string.Create(CultureInfo.GetCultureInfo("vi-VN"),
                    $"Tệp có quá nhiều dòng: mỗi lần nhập tối đa {maxRows:N0} tài khoản."));
            }

            int Column(string name) => columns[VietnameseText.ToSearchKey(name)];
            var (code, fullName, email, password) = (Column(VillageCode), Column(FullName), Column(Email), Column(Password));
            var rows = new List<ImportedRow>();
            for (var r = 2; r <= lastRow; r++)
            {
                var row = new ImportedRow(r, Text(sheet.Cell(r, code)), Text(sheet.Cell(r, fullName)), Text(sheet.Cell(r, email)),
                    Text(sheet.Cell(r, password)));
                if (row.FullName.Length > 0 || row.Email.Length > 0 || row.Password.Length > 0)
                {
                    rows.Add(row);
                }
            }

            return new SheetContent(rows, []);
        }
    }

    private static SheetContent Failed(int row, string message) => new([], [new ImportRowError(row, message)]);

    /// <summary>
    /// A cell as the officer sees it, trimmed: surrounding spaces are invisible in Excel, and a password with a
    /// stray trailing space would not be the one the village leader is told.
    /// </summary>
    private static string Text(IXLCell cell)
    {
        if (cell.IsEmpty())
        {
            return "";
        }

        // A number typed into a cell Excel formatted as General (an all-digit password) must keep its digits,
        // not become "1.23457E+11".
        var text = cell.DataType == XLDataType.Number && cell.Value is double number
            ? number.ToString("0.###############", CultureInfo.InvariantCulture)
            : cell.GetFormattedString();
        return text.Trim();
    }
}
