using System.Globalization;
using BacGiang.Cnscd.Core.Features.Common.Excel;
using BacGiang.Cnscd.Core.Features.Common.Import;
using ClosedXML.Excel;

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
/// phone column as text so Excel keeps the leading 0) and the reading of a filled-in copy (the bounded upload
/// reader, row by row from the zipped XML: a sheet of tens of thousands of rows never becomes a workbook object).
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
    /// Reads the households sheet (by name, or the first sheet if it was renamed) with the bounded reader. Blank rows
    /// are skipped, but count toward <paramref name="maxRows"/>. <paramref name="progress"/> receives the number of
    /// rows read so far, now and then.
    /// </summary>
    public static HouseholdSheetContent Read(Stream content, int maxRows, DateOnly today, Action<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var spec = new ImportSheetSpec(HouseholdsSheetName, Columns, RequiredColumns, maxRows, HouseholdImportMessages.TooManyRows(maxRows));
        var sheet = ImportSheetReader.Read(content, spec, cancellationToken, progress);
        if (sheet.IsEmpty)
        {
            return Failed(0, HouseholdImportMessages.Empty);
        }

        return sheet.Errors.Count > 0
            ? new HouseholdSheetContent([], sheet.Errors)
            : new HouseholdSheetContent(sheet.Rows.Select(row => ParseRow(row, sheet.Columns, today)).ToList(), []);
    }

    private static HouseholdSheetRow ParseRow(SheetRow row, HeaderMap columns, DateOnly today)
    {
        SheetCell Cell(string name) => columns.Cell(row, name);

        var errors = new List<string>();
        var code = Cell(VillageCode).Text;
        var head = Cell(HeadName).Text;
        var address = Cell(Address).Text;
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
            errors.Add(HouseholdImportMessages.BirthInvalid(birthCell.Text));
        }

        var phoneCell = Cell(Phone);
        if (!VietnamesePhone.TryNormalise(phoneCell, out var phone))
        {
            errors.Add(HouseholdImportMessages.PhoneInvalid(phoneCell.Text));
        }

        var size = CellParse.WholeNumber(Cell(Size), HouseholdImportMessages.SizeInvalid, 1, 50);
        if (!size.IsValid)
        {
            errors.Add(size.Error!);
        }

        return new HouseholdSheetRow(row.Number, code, head, address, birthYear == Invalid ? null : birthYear,
            phone, size.Value ?? 1,
            YesNo(Cell(Vneid), Vneid, errors), YesNo(Cell(PublicServices), PublicServices, errors), YesNo(Cell(NeedsAssistance), NeedsAssistance, errors),
            errors);
    }

    private const int Invalid = -1;

    /// <summary>
    /// The head's birth year from a date cell, an Excel serial date, "dd/MM/yyyy" text or a bare year; null when
    /// blank, <see cref="Invalid"/> when unreadable, before 1900 or after today.
    /// </summary>
    private static int? BirthYearOf(SheetCell cell, DateOnly today)
    {
        int? year = null;
        if (cell.IsWholeNumber && cell.Number is >= 1900 and <= 9999)
        {
            year = (int)cell.Number;
        }
        else if (cell.Kind == CellKind.Text && cell.Text.Length == 4 && int.TryParse(cell.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            year = y;
        }
        else
        {
            var date = CellParse.Date(cell, HouseholdImportMessages.BirthInvalid(cell.Text));
            if (!date.IsValid)
            {
                return Invalid;
            }

            if (date.Value is not { } d)
            {
                return null;
            }

            return d > today || d.Year < 1900 ? Invalid : d.Year;
        }

        return year is { } value && value >= 1900 && value <= today.Year ? value : Invalid;
    }

    private static bool YesNo(SheetCell cell, string column, List<string> errors)
    {
        var answer = CellParse.YesNo(cell, column);
        if (!answer.IsValid)
        {
            errors.Add(answer.Error!);
        }

        return answer.Value;
    }

    private static HouseholdSheetContent Failed(int row, string message) => new([], [new ImportRowError(row, message)]);
}
