using System.Globalization;
using BacGiang.Cnscd.Core.Domain;
using ClosedXML.Excel;

namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>
/// Writes the list of nominations as an Excel workbook, the rows of the Word list (<see cref="AwardListWordDocument"/>) with
/// the register's later steps: Home Affairs' appraisal, the decision and the award. The quarterly workbook's conventions
/// (<c>ReportWorkbook</c>): Times New Roman, Vietnamese headers in bold over a thin grid, fixed column widths (never
/// auto-fit), A4 landscape fitted to the page width with the header row repeated; and a list's: the header row frozen and
/// filtered. Every text is written as text (a nominee's name or an achievement typed as "=1+1" or "-", "+", "@…" stays
/// those characters, never a formula: the issue's "formula-like content is exported as text"), dates too, as dd/MM/yyyy
/// whatever the reader's Excel locale.
/// </summary>
public static class AwardListWorkbook
{
    public const string SheetName = "Danh sách đề nghị";

    public const string FontName = "Times New Roman";

    /// <summary>The row of the column headers (the title and the unit above it); the rows start under it.</summary>
    public const int HeaderRow = 4;

    /// <summary>The columns: title and width. STT is a number; every other column is text.</summary>
    internal static readonly (string Title, double Width)[] Columns =
    [
        ("STT", 5),
        ("Tên tập thể / cá nhân", 26),
        ("Loại", 9),
        ("Đơn vị đề nghị", 26),
        ("Thành tích", 60),
        ("Hình thức đề nghị", 22),
        ("Trạng thái", 22),
        ("Cán bộ thẩm định (Sở Nội vụ)", 18),
        ("Ngày thẩm định", 11),
        ("Kết quả thẩm định", 12),
        ("Ý kiến thẩm định", 30),
        ("Số quyết định", 14),
        ("Ngày quyết định", 11),
        ("Người ký quyết định", 18),
        ("Ngày trao thưởng", 11),
    ];

    public static byte[] Write(AwardListDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var last = Columns.Length;
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(SheetName);
        sheet.Style.Font.FontName = FontName;
        sheet.Style.Font.FontSize = 12;
        for (var c = 1; c <= last; c++)
        {
            sheet.Column(c).Width = Columns[c - 1].Width;
        }

        Title(sheet.Range(1, 1, 1, last), $"{AwardListDocument.Title} — {document.Occasion}", bold: true, size: 14);
        Title(sheet.Range(2, 1, 2, last), $"{document.UnitName} — xuất ngày {Date(document.Date)}", bold: false, size: 12);

        for (var c = 1; c <= last; c++)
        {
            var cell = sheet.Cell(HeaderRow, c);
            cell.SetValue(Columns[c - 1].Title);
            cell.Style.Font.Bold = true;
            cell.Style.Alignment.WrapText = true;
            cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
            cell.Style.Fill.BackgroundColor = XLColor.FromHtml("#E3F2FD");
        }

        sheet.Row(HeaderRow).Height = 48;
        var row = HeaderRow + 1;
        foreach (var (item, index) in document.Rows.Select((r, i) => (r, i)))
        {
            sheet.Cell(row, 1).SetValue(index + 1);
            string?[] texts =
            [
                item.NomineeName, item.KindLabel, item.NominatingUnit, item.Achievements, item.Form.ToVietnamese(), item.Status.ToVietnamese(),
                item.AppraisalOfficer, Date(item.AppraisedOn), item.AppraisalOutcome, item.AppraisalComment,
                item.DecisionNumber, Date(item.DecisionDate), item.DecisionSigner, Date(item.AwardedOn),
            ];
            for (var c = 0; c < texts.Length; c++)
            {
                Text(sheet.Cell(row, c + 2), texts[c]);
            }

            row++;
        }

        var lastRow = Math.Max(row - 1, HeaderRow);
        var table = sheet.Range(HeaderRow, 1, lastRow, last);
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        table.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        if (lastRow > HeaderRow)
        {
            var rows = sheet.Range(HeaderRow + 1, 1, lastRow, last);
            rows.Style.Alignment.WrapText = true;
            sheet.Range(HeaderRow + 1, 1, lastRow, 1).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        }

        sheet.Range(HeaderRow, 1, lastRow, last).SetAutoFilter();
        sheet.SheetView.FreezeRows(HeaderRow);

        var setup = sheet.PageSetup;
        setup.PaperSize = XLPaperSize.A4Paper;
        setup.PageOrientation = XLPageOrientation.Landscape;
        setup.FitToPages(1, 0);
        setup.Margins.Left = 0.8;   // ≈ 20 mm, as the quarterly workbook
        setup.Margins.Right = 0.6;
        setup.Margins.Top = 0.8;
        setup.Margins.Bottom = 0.8;
        setup.CenterHorizontally = true;
        setup.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
        setup.PrintAreas.Add(1, 1, lastRow, last);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Whether a text would be read as a formula by a spreadsheet that is given it as typed input.</summary>
    public static bool LooksLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@';

    /// <summary>
    /// A text cell: SetValue&lt;string&gt; (ClosedXML 0.95's Value setter guesses the type, and reads "10/10/2026" as a date),
    /// the text number format, and for a formula-like text the quote prefix: stored as a shared string it is text in the
    /// file already, but Excel parses a cell again when the clerk edits it (F2, Enter), and "=…" would then become a formula.
    /// A formula is only ever written through FormulaA1, which this workbook never uses.
    /// </summary>
    private static void Text(IXLCell cell, string? text)
    {
        cell.Style.NumberFormat.Format = "@";
        cell.SetValue(text ?? "");
        cell.DataType = XLDataType.Text;
        if (text is not null && LooksLikeFormula(text))
        {
            cell.Style.IncludeQuotePrefix = true;
        }
    }

    private static string Date(DateOnly? day) => day?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    private static void Title(IXLRange range, string text, bool bold, double size)
    {
        range.Merge();
        range.FirstCell().SetValue(text);
        range.Style.Font.Bold = bold;
        range.Style.Font.FontSize = size;
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        range.Style.Alignment.WrapText = true;
    }
}
