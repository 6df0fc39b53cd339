using System.Globalization;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common.Word;
using DocumentFormat.OpenXml.Wordprocessing;
using static BacGiang.Cnscd.Core.Features.Common.Word.AdministrativeWord;

namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>
/// Writes the annex of the province's commendation decisions ("Phụ lục: Danh sách tập thể, cá nhân được khen thưởng, kèm
/// theo Quyết định số … ngày …") in the Decree 30 layout of <see cref="AdministrativeWord"/>. An annex is part of its
/// decision, which carries the header block and the signature, so it has neither: "PHỤ LỤC", its name, the line naming
/// the decision, then the table (the collectives, then the individuals). Several decisions: one portrait section each,
/// on a new page and numbered from its own first page, so each annex can be stapled to its decision.
/// </summary>
public static class AwardDocumentAnnexWord
{
    public const string Title = "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG";

    /// <summary>The table's columns in millimetres, across the portrait text width (165 mm).</summary>
    private static readonly (string Title, double Millimetres)[] Columns =
    [
        ("STT", 12),
        ("Tên tập thể, cá nhân", 58),
        ("Đơn vị đề nghị", 50),
        ("Hình thức khen thưởng", 0),
    ];

    /// <summary>"(Kèm theo Quyết định số 1520/QĐ-UBND ngày 19/08/2026 của Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang)".</summary>
    public static string AttachedTo(AwardDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var date = decision.Date is { } day ? day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "…";
        return $"(Kèm theo Quyết định số {decision.Number} ngày {date} của {decision.DeciderInSentence})";
    }

    public static byte[] Write(AwardDocumentAnnex annex)
    {
        ArgumentNullException.ThrowIfNull(annex);
        return Create((body, headers) =>
        {
            if (annex.Decisions.Count == 0)
            {
                body.Append(Centered(TextRun("PHỤ LỤC", bold: true)));
                body.Append(Centered(TextRun(Title, bold: true), after: 240));
                body.Append(BodyParagraph(
                    $"Chưa có quyết định tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh nhân Ngày Chuyển đổi số 10/10/{annex.Year} được ghi vào sổ."));
                body.Append(PortraitSection(headers));
                return;
            }

            for (var i = 0; i < annex.Decisions.Count; i++)
            {
                var last = Decision(body, annex.Decisions[i]);
                var section = i == 0 ? PortraitSection(headers) : RestartedPortraitSection(headers);
                if (i == annex.Decisions.Count - 1)
                {
                    body.Append(section);
                }
                else
                {
                    last.ParagraphProperties!.SectionProperties = section;
                }
            }
        });
    }

    /// <summary>One decision's annex; returns its last paragraph, which carries the section break when another follows.</summary>
    private static Paragraph Decision(Body body, AwardDecision decision)
    {
        body.Append(Centered(TextRun("PHỤ LỤC", bold: true), keepNext: true));
        body.Append(Centered(TextRun(Title, bold: true), keepNext: true));
        body.Append(Centered(TextRun(AttachedTo(decision), italic: true), keepNext: true));
        body.Append(Rule(PortraitTextWidth, Twips(40)));
        body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "120" })));

        var fixedWidth = Columns.Sum(c => Twips(c.Millimetres));
        var widths = Columns.Select(c => c.Millimetres > 0 ? Twips(c.Millimetres) : PortraitTextWidth - fixedWidth).ToList();
        var table = GridTable(widths);
        table.Append(HeaderRow(widths, Columns.Select(c => c.Title).ToList()));
        var groups = new[] { ("TẬP THỂ", decision.Rows.Where(r => r.IsCollective).ToList()), ("CÁ NHÂN", decision.Rows.Where(r => !r.IsCollective).ToList()) }
            .Where(g => g.Item2.Count > 0).ToList();
        foreach (var ((name, rows), index) in groups.Select((g, i) => (g, i)))
        {
            table.Append(AwardListWordDocument.SpanningRow(widths, $"{AwardListWordDocument.Roman(index + 1)}. {name} ({rows.Count})", bold: true));
            foreach (var (row, number) in rows.Select((r, i) => (r, i + 1)))
            {
                var cells = new[]
                {
                    Cell(widths[0], [TableText(number.ToString(CultureInfo.InvariantCulture), bold: false, JustificationValues.Center)]),
                    Cell(widths[1], [TableText(row.NomineeName, bold: false, JustificationValues.Left)]),
                    Cell(widths[2], [TableText(row.NominatingUnit, bold: false, JustificationValues.Left)]),
                    Cell(widths[3], [TableText(row.Form.ToVietnamese(), bold: false, JustificationValues.Left)]),
                };
                var tableRow = Row(cells);
                tableRow.TableRowProperties = new TableRowProperties(new CantSplit());
                table.Append(tableRow);
            }
        }

        body.Append(table);
        var collectives = decision.Rows.Count(r => r.IsCollective);
        var total = BodyParagraph($"Danh sách có {collectives} tập thể và {decision.Rows.Count - collectives} cá nhân./.");
        total.ParagraphProperties!.SpacingBetweenLines!.Before = "120";
        body.Append(total);
        return total;
    }
}
