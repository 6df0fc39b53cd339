using System.Globalization;
using BacGiang.Cnscd.Core.Features.Common.Excel;
using BacGiang.Cnscd.Core.Features.Common.Import;
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
    /// Reads the accounts sheet (by name, or the first sheet if it was renamed) with the bounded reader. Rows with no
    /// name, e-mail and password are skipped even if the village columns are filled: the template pre-fills every
    /// village, and an officer fills in only the villages that need an account now.
    /// </summary>
    public static SheetContent Read(Stream content, int maxRows, CancellationToken cancellationToken)
    {
        var spec = new ImportSheetSpec(AccountsSheetName, Columns, RequiredColumns, maxRows,
            string.Create(CultureInfo.GetCultureInfo("vi-VN"), $"Tệp có quá nhiều dòng: mỗi lần nhập tối đa {maxRows:N0} tài khoản."));
        var sheet = ImportSheetReader.Read(content, spec, cancellationToken);
        if (sheet.Errors.Count > 0)
        {
            return new SheetContent([], sheet.Errors);
        }

        var columns = sheet.Columns;
        var rows = sheet.Rows
            .Select(r => new ImportedRow(r.Number, columns.Text(r, VillageCode), columns.Text(r, FullName), columns.Text(r, Email), columns.Text(r, Password)))
            .Where(row => row.FullName.Length > 0 || row.Email.Length > 0 || row.Password.Length > 0)
            .ToList();
        return new SheetContent(rows, []);
    }
}
