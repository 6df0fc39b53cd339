using BacGiang.Cnscd.Core.Domain;
using ClosedXML.Excel;

namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>
/// Writes a quarterly report in the layout of Decree 30/2020/NĐ-CP (administrative documents): issuing body top
/// left, national motto top right, number and place/date line, title, addressee, the indicator table with one row
/// per child unit and a total row of FORMULAS (so a clerk who corrects a figure sees the total follow), the
/// narrative sections, "Nơi nhận" and the signature block. Times New Roman, A4 landscape, fixed column widths:
/// auto-fit measures every cell and is the slow path measured in the engineering guide.
/// </summary>
public static class ReportWorkbook
{
    public const string SheetName = "Báo cáo";

    public const string FontName = "Times New Roman";

    /// <summary>The table's columns: title, width, and how a row's value is read (null: computed by formula or text).</summary>
    internal static readonly (string Title, double Width, Func<IndicatorSet, int>? Value)[] Columns =
    [
        ("STT", 5, null),
        ("Đơn vị", 24, null),
        ("Số tổ CNSCĐ", 8, f => f.Teams),
        ("Tổ đã kiện toàn", 9, f => f.TeamsConstituted),
        ("Tổ có quy chế, phân công, kế hoạch", 11, f => f.TeamsGoverned),
        ("Số thành viên", 9, f => f.Members),
        ("Số hộ gia đình", 9, f => f.Households),
        ("Hộ được phủ (05 kỹ năng, VNeID, DVCTT hoặc có người hỗ trợ)", 13, f => f.HouseholdsCovered),
        ("Trong đó: phủ nhờ người hỗ trợ", 10, f => f.HouseholdsCoveredByAssistance),
        ("Tỷ lệ hộ được phủ (%)", 9, null),
        ("Chỉ tiêu được giao (%)", 9, null),
        ("Hộ có VNeID mức 2", 9, f => f.HouseholdsWithVneid),
        ("Hộ có tài khoản DVCTT", 9, f => f.HouseholdsWithPublicServiceAccount),
        ("Lượt đến hộ trong quý", 9, f => f.VisitsInQuarter),
        ("Số buổi tập huấn", 8, f => f.Trainings),
        ("Lượt người dự tập huấn", 9, f => f.TrainingAttendees),
        ("Số hoạt động tuyên truyền", 10, f => f.OutreachActivities),
        ("Mô hình CĐS, cách làm hay được công bố", 10, f => f.PracticeModels),
    ];

    /// <summary>1-based columns of the household count, the covered count, the ratio and the target (for formulas and tests).</summary>
    public const int HouseholdsColumn = 7;
    public const int CoveredColumn = 8;
    public const int RatioColumn = 10;
    public const int TargetColumn = 11;
    public const int TableHeaderRow = 11;

    public static byte[] Write(ReportDocument document)
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

        var leftEnd = 5;
        var rightStart = 8;
        if (document.GoverningBody is { } governing)
        {
            // A Department: its committee on the first line, the Department itself in bold under it (Decree 30).
            Text(sheet.Range(1, 1, 1, leftEnd), governing);
            Text(sheet.Range(2, 1, 2, leftEnd), document.IssuingBody, bold: true);
        }
        else
        {
            Text(sheet.Range(1, 1, 1, leftEnd), document.IssuingBody, bold: true);
        }

        Text(sheet.Range(1, rightStart, 1, last), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true);
        Text(sheet.Range(2, rightStart, 2, last), "Độc lập - Tự do - Hạnh phúc", bold: true);
        sheet.Range(2, rightStart + 3, 2, last - 3).Style.Border.BottomBorder = XLBorderStyleValues.Thin;
        Text(sheet.Range(3, 1, 3, leftEnd), "Số: …/" + document.NumberSymbol);
        Text(sheet.Range(3, rightStart, 3, last),
            $"{document.Place}, ngày {document.Date.Day:00} tháng {document.Date.Month:00} năm {document.Date.Year}", italic: true);

        Text(sheet.Range(5, 1, 5, last), document.IsDraft ? "BÁO CÁO (DỰ THẢO)" : "BÁO CÁO", bold: true, size: 14);
        Text(sheet.Range(6, 1, 6, last),
            $"{document.Abstract} — {document.UnitName}",
            bold: true);
        Text(sheet.Range(8, 1, 8, last), "Kính gửi: " + document.Recipient);
        Text(sheet.Range(10, 1, 10, last), $"I. SỐ LIỆU (tính đến ngày {document.CutOff:dd/MM/yyyy})", bold: true, align: XLAlignmentHorizontalValues.Left);

        // The table.
        var header = TableHeaderRow;
        for (var c = 1; c <= last; c++)
        {
            var cell = sheet.Cell(header, c);
            cell.Value = c == 2 ? document.ChildColumnTitle : Columns[c - 1].Title;
            cell.Style.Font.Bold = true;
            cell.Style.Alignment.WrapText = true;
            cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        }

        sheet.Row(header).Height = 78;
        var row = header + 1;
        var first = row;
        foreach (var (unitRow, index) in document.Figures.Rows.Select((r, i) => (r, i)))
        {
            sheet.Cell(row, 1).Value = index + 1;
            sheet.Cell(row, 2).Value = unitRow.UnitName;
            for (var c = 3; c <= last; c++)
            {
                if (Columns[c - 1].Value is { } read)
                {
                    sheet.Cell(row, c).Value = read(unitRow.Figures);
                }
            }

            RatioFormula(sheet, row);
            if (unitRow.TargetFor(TargetIndicator.HouseholdsCovered) is { } target)
            {
                sheet.Cell(row, TargetColumn).Value = target.Percent;
            }

            row++;
        }

        var total = row;
        sheet.Cell(total, 2).Value = "Tổng cộng";
        sheet.Range(total, 1, total, last).Style.Font.Bold = true;
        for (var c = 3; c <= last; c++)
        {
            if (Columns[c - 1].Value is not null)
            {
                var letter = XLHelper.GetColumnLetterFromNumber(c);
                sheet.Cell(total, c).FormulaA1 = row > first ? $"SUM({letter}{first}:{letter}{row - 1})" : "0";
            }
        }

        RatioFormula(sheet, total);
        if (document.Figures.Targets.FirstOrDefault(t => t.Indicator == TargetIndicator.HouseholdsCovered) is { } own)
        {
            sheet.Cell(total, TargetColumn).Value = own.Percent;
        }

        var table = sheet.Range(header, 1, total, last);
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        sheet.Range(first, 3, total, last).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        sheet.Range(first, 3, total, last).Style.NumberFormat.Format = "#,##0";
        sheet.Range(first, RatioColumn, total, TargetColumn).Style.NumberFormat.Format = "0.0";

        // Narrative sections: each a heading and one merged, wrapped block whose height follows the text's length.
        row = total + 2;
        var narrative = document.Narrative;
        row = Section(sheet, row, last, "II. KẾT QUẢ THỰC HIỆN", narrative?.Results);
        row = Section(sheet, row, last, "III. KHÓ KHĂN, VƯỚNG MẮC", narrative?.Difficulties);
        row = Section(sheet, row, last, "IV. ĐỀ XUẤT, KIẾN NGHỊ", narrative?.Proposals);

        // "Nơi nhận" (left, small) and the signature block (right), side by side as Decree 30 lays them out.
        row++;
        var signature = row;
        Text(sheet.Range(row, 1, row, leftEnd), "Nơi nhận:", bold: true, italic: true, size: 11, align: XLAlignmentHorizontalValues.Left);
        Text(sheet.Range(row + 1, 1, row + 1, leftEnd), "- Như trên;", size: 10, align: XLAlignmentHorizontalValues.Left);
        Text(sheet.Range(row + 2, 1, row + 2, leftEnd), "- Lưu: VT.", size: 10, align: XLAlignmentHorizontalValues.Left);
        var signer = signature;
        if (document.Signature.Authority is { } authority)
        {
            Text(sheet.Range(signer, rightStart, signer, last), authority, bold: true);
            signer++;
        }

        Text(sheet.Range(signer, rightStart, signer, last), document.Signature.Title, bold: true);
        Text(sheet.Range(signer + 1, rightStart, signer + 1, last), "(Ký, ghi rõ họ tên và đóng dấu)", italic: true);

        var setup = sheet.PageSetup;
        setup.PaperSize = XLPaperSize.A4Paper;
        setup.PageOrientation = XLPageOrientation.Landscape;
        setup.FitToPages(1, 0);
        setup.Margins.Left = 0.8;   // ≈ 20 mm, Decree 30's left margin for bound documents
        setup.Margins.Right = 0.6;
        setup.Margins.Top = 0.8;
        setup.Margins.Bottom = 0.8;
        setup.CenterHorizontally = true;
        setup.SetRowsToRepeatAtTop(header, header);
        setup.PrintAreas.Add(1, 1, signature + 6, last);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void RatioFormula(IXLWorksheet sheet, int row)
    {
        var households = XLHelper.GetColumnLetterFromNumber(HouseholdsColumn) + row;
        var covered = XLHelper.GetColumnLetterFromNumber(CoveredColumn) + row;
        sheet.Cell(row, RatioColumn).FormulaA1 = $"IF({households}=0,0,ROUND({covered}/{households}*100,1))";
    }

    private static int Section(IXLWorksheet sheet, int row, int last, string title, string? text)
    {
        Text(sheet.Range(row, 1, row, last), title, bold: true, align: XLAlignmentHorizontalValues.Left);
        var body = sheet.Range(row + 1, 1, row + 1, last);
        body.Merge();
        body.FirstCell().Value = string.IsNullOrWhiteSpace(text) ? "…" : text;
        body.Style.Alignment.WrapText = true;
        body.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        body.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Justify;
        // A merged cell never grows by itself: about 190 characters fit on a line of this width.
        var lines = (text ?? "").Split('\n').Sum(l => Math.Max(1, (int)Math.Ceiling(l.Length / 190.0)));
        sheet.Row(row + 1).Height = Math.Min(409, 16 * Math.Max(1, lines));
        return row + 3;
    }

    private static void Text(IXLRange range, string text, bool bold = false, bool italic = false, double size = 12,
        XLAlignmentHorizontalValues align = XLAlignmentHorizontalValues.Center)
    {
        range.Merge();
        var cell = range.FirstCell();
        cell.Value = text;
        range.Style.Font.Bold = bold;
        range.Style.Font.Italic = italic;
        range.Style.Font.FontSize = size;
        range.Style.Alignment.Horizontal = align;
        range.Style.Alignment.WrapText = true;
    }
}
