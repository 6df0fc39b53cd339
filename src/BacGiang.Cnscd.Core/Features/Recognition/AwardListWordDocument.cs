using System.Globalization;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common.Word;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using static BacGiang.Cnscd.Core.Features.Common.Word.AdministrativeWord;

namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>
/// Writes "Danh sách đề nghị khen thưởng" as the Word document a clerk sends, in the quarterly report's Decree 30 layout
/// (<see cref="AdministrativeWord"/>): the header block, the title and the occasion, and a sentence with the counts on an
/// A4 portrait page; the table on A4 landscape pages (Decree 30 allows landscape for tables), one block of rows per form,
/// the achievements in full (rows split across pages rather than cut); the total, then "Nơi nhận" and the signature
/// kept with it.
/// </summary>
public static class AwardListWordDocument
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The table's columns: title and width in millimetres (the achievements take what the others leave).</summary>
    internal static readonly (string Title, double Millimetres)[] Columns =
    [
        ("STT", 11),
        ("Tên tập thể / cá nhân", 42),
        ("Loại", 18),
        ("Đơn vị đề nghị", 36),
        ("Thành tích", 0),
        ("Hình thức đề nghị", 34),
        ("Trạng thái", 30),
    ];

    public static byte[] Write(AwardListDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Create((body, headers) =>
        {
            HeaderBlock(body, document.GoverningBody, document.IssuingBody, document.NumberSymbol, document.Place, document.Date);
            body.Append(Centered(TextRun(AwardListDocument.Title, bold: true), before: 360, keepNext: true));
            body.Append(Centered(TextRun(document.Occasion, bold: true), keepNext: true));
            body.Append(Rule(PortraitTextWidth, Twips(50)));
            var summary = BodyParagraph(Summary(document));
            summary.ParagraphProperties!.SpacingBetweenLines!.Before = "240";
            summary.ParagraphProperties.SectionProperties = PortraitSection(headers);
            body.Append(summary);

            Table(body, document.Rows);
            // Kept with the signature block, so a page never holds only "Nơi nhận" and the signature.
            var total = BodyParagraph($"Tổng số: {Count(document.Rows)}./.", keepNext: true);
            total.ParagraphProperties!.SpacingBetweenLines!.Before = "120";
            body.Append(total);
            SignatureBlock(body, document.SignatureAuthority, document.SignatureTitle, null, document.Recipients, LandscapeTextWidth);
            body.Append(LandscapeSection(headers));
        });
    }

    /// <summary>"… 5 hồ sơ (3 tập thể, 2 cá nhân)": the counts the summary and the total line share.</summary>
    internal static string Count(IReadOnlyList<AwardListRow> rows)
    {
        var collectives = rows.Count(r => r.IsCollective);
        return $"{rows.Count} hồ sơ ({collectives} tập thể, {rows.Count - collectives} cá nhân)";
    }

    private static string Summary(AwardListDocument document)
    {
        if (document.Rows.Count == 0)
        {
            return $"Đến ngày {document.Date:dd/MM/yyyy}, {document.ScopeInSentence} chưa gửi hồ sơ đề nghị khen thưởng nào nhân {document.Occasion}.";
        }

        var forms = document.Rows.GroupBy(r => r.Form).OrderBy(g => g.Key)
            .Select(g => $"{g.Key.ToVietnamese()}: {g.Count()}");
        return $"Đến ngày {document.Date:dd/MM/yyyy}, {document.ScopeInSentence} đã gửi {Count(document.Rows)} đề nghị khen thưởng "
            + $"nhân {document.Occasion}, theo hình thức: {string.Join("; ", forms)}. Danh sách cụ thể như sau:";
    }

    /// <summary>The columns' widths in twips, across the landscape text width.</summary>
    internal static IReadOnlyList<int> ColumnWidths()
    {
        var fixedWidth = Columns.Sum(c => Twips(c.Millimetres));
        return Columns.Select(c => c.Millimetres > 0 ? Twips(c.Millimetres) : LandscapeTextWidth - fixedWidth).ToList();
    }

    private static void Table(Body body, IReadOnlyList<AwardListRow> rows)
    {
        var widths = ColumnWidths();
        var table = GridTable(widths);
        table.Append(HeaderRow(widths, Columns.Select(c => c.Title).ToList()));
        if (rows.Count == 0)
        {
            table.Append(SpanningRow(widths, "Chưa có hồ sơ đề nghị khen thưởng.", bold: false));
        }

        foreach (var (group, index) in rows.GroupBy(r => r.Form).Select((g, i) => (g, i)))
        {
            table.Append(SpanningRow(widths, $"{Roman(index + 1)}. {group.Key.ToVietnamese().ToUpper(Vi)} ({group.Count()})", bold: true));
            foreach (var (row, number) in group.Select((r, i) => (r, i + 1)))
            {
                table.Append(Row(
                    Cell(widths[0], [TableText(number.ToString(CultureInfo.InvariantCulture), bold: false, JustificationValues.Center)]),
                    Cell(widths[1], [TableText(row.NomineeName, bold: false, JustificationValues.Left)]),
                    Cell(widths[2], [TableText(row.KindLabel, bold: false, JustificationValues.Center)]),
                    Cell(widths[3], [TableText(row.NominatingUnit, bold: false, JustificationValues.Left)]),
                    Cell(widths[4], Lines(row.Achievements)),
                    Cell(widths[5], [TableText(row.Form.ToVietnamese(), bold: false, JustificationValues.Left)]),
                    Cell(widths[6], [TableText(row.Status.ToVietnamese(), bold: false, JustificationValues.Left)])));
            }
        }

        body.Append(table);
    }

    /// <summary>The achievements one paragraph per line, every character kept: the row grows and splits across pages instead.</summary>
    internal static IEnumerable<OpenXmlElement> Lines(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Where(l => l.Trim().Length > 0).ToList();
        return lines.Count == 0 ? [TableText("", bold: false, JustificationValues.Both)]
            : lines.Select(l => TableText(l, bold: false, JustificationValues.Both));
    }

    /// <summary>A row of one cell across the table (a form's heading), kept with the first row under it.</summary>
    internal static TableRow SpanningRow(IReadOnlyList<int> widths, string text, bool bold)
    {
        var paragraph = TableText(text, bold, JustificationValues.Left);
        paragraph.ParagraphProperties!.KeepNext = new KeepNext();
        var cell = new TableCell(new TableCellProperties(
            new TableCellWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new GridSpan { Val = widths.Count }), paragraph);
        var row = Row(cell);
        row.TableRowProperties = new TableRowProperties(new CantSplit());
        return row;
    }

    internal static string Roman(int number) => number switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        5 => "V",
        _ => number.ToString(CultureInfo.InvariantCulture),
    };
}
