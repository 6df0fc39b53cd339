using System.Globalization;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common.Word;
using DocumentFormat.OpenXml.Wordprocessing;
using static BacGiang.Cnscd.Core.Features.Common.Word.AdministrativeWord;

namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>
/// Writes a quarterly report as the Word document a clerk files, in the layout of Decree 30/2020/NĐ-CP (Appendix I):
/// A4 portrait, Times New Roman 14 pt, margins 20/20/30/15 mm; the issuing body in capitals over a short line, the motto
/// over a line as long as "Độc lập - Tự do - Hạnh phúc"; number, place and date in italics, title, abstract, "Kính gửi";
/// sections I–IV with every character of the narrative; "Nơi nhận" beside the signature block, kept on the page of the
/// text before it; page numbers centred in the top margin from page 2. The indicator tables are an annex in a landscape
/// section of their own (Decree 30 allows landscape for tables only), split into four tables at 12 pt rather than one
/// table shrunk to fit. The page, the header block, the signature and the building blocks are <see cref="AdministrativeWord"/>'s,
/// shared with the awards' documents. Written with DocumentFormat.OpenXml 2.20, the version ClosedXML already runs on (decision 048).
/// </summary>
public static class ReportWordDocument
{
    public const string FontName = AdministrativeWord.FontName;

    /// <summary>The body's size in half-points (14 pt; Decree 30 wants 13–14).</summary>
    public const int BodyHalfPoints = AdministrativeWord.BodyHalfPoints;

    /// <summary>The tables' size in half-points (12 pt).</summary>
    public const int TableHalfPoints = AdministrativeWord.TableHalfPoints;

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static byte[] Write(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Create((body, headers) =>
        {
            HeaderBlock(body, document.GoverningBody, document.IssuingBody, document.NumberSymbol, document.Place, document.Date);
            TitleBlock(body, document);
            Sections(body, document);
            // The last paragraph of section IV is kept with it, so a page never holds only "Nơi nhận" and the signature.
            SignatureBlock(body, document.Signature.Authority, document.Signature.Title, PortraitSection(headers));
            Annex(body, document);
            body.Append(LandscapeSection(headers));
        });
    }

    // ----- Title, addressee ---------------------------------------------------------------------------------

    private static void TitleBlock(Body body, ReportDocument document)
    {
        body.Append(Centered(TextRun(document.IsDraft ? "BÁO CÁO (DỰ THẢO)" : "BÁO CÁO", bold: true), before: 360, keepNext: true));
        body.Append(Centered(TextRun(document.Abstract, bold: true), keepNext: true));
        body.Append(Rule(PortraitTextWidth, Twips(50)));
        body.Append(Centered(TextRun("Kính gửi: " + document.Recipient + "."), before: 240, after: 240));
        body.Append(BodyParagraph(
            $"{document.IssuerInSentence} báo cáo kết quả hoạt động của Tổ công nghệ số cộng đồng quý {document.Period.ToRoman()} năm {document.Period.Year} như sau:"));
    }

    // ----- Sections I–IV ----------------------------------------------------------------------------------

    private static void Sections(Body body, ReportDocument document)
    {
        var total = document.Figures.Total;
        var target = document.Figures.Targets.FirstOrDefault(t => t.Indicator == TargetIndicator.HouseholdsCovered);
        body.Append(Heading($"I. SỐ LIỆU (tính đến ngày {document.CutOff:dd/MM/yyyy})"));
        body.Append(BodyParagraph($"1. Tổ công nghệ số cộng đồng: {N(total.Teams)} tổ, trong đó {N(total.TeamsConstituted)} tổ đã kiện toàn "
            + $"và {N(total.TeamsGoverned)} tổ có quy chế hoạt động, phân công nhiệm vụ, kế hoạch năm; {N(total.Members)} thành viên."));
        body.Append(BodyParagraph($"2. Hộ gia đình: {N(total.Households)} hộ; {N(total.HouseholdsCovered)} hộ được phủ "
            + $"({Percent(total.HouseholdsCovered, total.Households)} %), trong đó {N(total.HouseholdsCoveredByAssistance)} hộ nhờ người hỗ trợ"
            + (target is null ? "." : $"; chỉ tiêu được giao: {target.Percent.ToString("0.#", Vi)} %.")));
        body.Append(BodyParagraph($"3. {N(total.HouseholdsWithVneid)} hộ có tài khoản định danh điện tử VNeID mức 2, "
            + $"{N(total.HouseholdsWithPublicServiceAccount)} hộ có tài khoản dịch vụ công trực tuyến."));
        body.Append(BodyParagraph($"4. Trong quý: {N(total.VisitsInQuarter)} lượt đến hộ, {N(total.Trainings)} buổi tập huấn với "
            + $"{N(total.TrainingAttendees)} lượt người dự, {N(total.OutreachActivities)} hoạt động tuyên truyền."));
        body.Append(BodyParagraph($"5. Mô hình chuyển đổi số, cách làm hay được Sở công bố: {N(total.PracticeModels)} mô hình"
            + (total.PracticeModels == 0 ? "." : " (" + string.Join("; ", DigitalSkillLabels.Each.Select((skill, i) => (skill, i))
                .Where(x => total.PracticeModelsBySkill[x.i] > 0).Select(x => $"{x.skill.ToVietnamese().ToLower(Vi)}: {N(total.PracticeModelsBySkill[x.i])}")) + ").")));
        body.Append(BodyParagraph("Số liệu chi tiết theo từng đơn vị tại Phụ lục kèm theo."));

        var narrative = document.Narrative;
        NarrativeSection(body, "II. KẾT QUẢ THỰC HIỆN", narrative?.Results, keepLastWithNext: false);
        NarrativeSection(body, "III. KHÓ KHĂN, VƯỚNG MẮC", narrative?.Difficulties, keepLastWithNext: false);
        // The last paragraph travels with the signature block, so a page never holds only "Nơi nhận" and the signature.
        NarrativeSection(body, "IV. ĐỀ XUẤT, KIẾN NGHỊ", narrative?.Proposals, keepLastWithNext: true);
    }

    /// <summary>A heading kept with its first paragraph, then the text one paragraph per line, never cut.</summary>
    private static void NarrativeSection(Body body, string title, string? text, bool keepLastWithNext)
    {
        body.Append(Heading(title));
        var lines = (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n')
            .Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0)
        {
            lines.Add("…");
        }

        for (var i = 0; i < lines.Count; i++)
        {
            body.Append(BodyParagraph(lines[i], keepNext: keepLastWithNext && i == lines.Count - 1));
        }
    }

    // ----- The annex: the indicator tables -----------------------------------------------------------------

    /// <summary>A column of an annex table: its title, its share of the width, and how a row's value is read.</summary>
    private sealed record AnnexColumn(string Title, int Width, Func<IndicatorSet, string> Value);

    private static void Annex(Body body, ReportDocument document)
    {
        body.Append(Centered(TextRun("PHỤ LỤC", bold: true)));
        body.Append(Centered(TextRun($"Số liệu {char.ToLower(document.Abstract[0], Vi)}{document.Abstract[1..]}", bold: true)));
        body.Append(Centered(TextRun($"(Kèm theo Báo cáo số …/{document.NumberSymbol} ngày {document.Date:dd/MM/yyyy} của {document.IssuerInSentence})",
            italic: true), after: 240));

        var rows = document.Figures.Rows;
        var total = document.Figures.Total;
        AnnexTable(body, "1. Tổ công nghệ số cộng đồng và hộ gia đình được phủ", document.ChildColumnTitle, rows, total,
        [
            new("Số tổ CNSCĐ", 1, f => N(f.Teams)),
            new("Tổ đã kiện toàn", 1, f => N(f.TeamsConstituted)),
            new("Tổ có quy chế, phân công, kế hoạch", 1, f => N(f.TeamsGoverned)),
            new("Số thành viên", 1, f => N(f.Members)),
            new("Số hộ gia đình", 1, f => N(f.Households)),
            new("Hộ được phủ", 1, f => N(f.HouseholdsCovered)),
            new("Trong đó: nhờ người hỗ trợ", 1, f => N(f.HouseholdsCoveredByAssistance)),
            new("Tỷ lệ hộ được phủ (%)", 1, f => Percent(f.HouseholdsCovered, f.Households)),
        ], nameShare: 2.6, targets: true, document);
        AnnexTable(body, "2. Định danh điện tử, dịch vụ công trực tuyến và hoạt động trong quý", document.ChildColumnTitle, rows, total,
        [
            new("Hộ có VNeID mức 2", 1, f => N(f.HouseholdsWithVneid)),
            new("Hộ có tài khoản DVCTT", 1, f => N(f.HouseholdsWithPublicServiceAccount)),
            new("Lượt đến hộ trong quý", 1, f => N(f.VisitsInQuarter)),
            new("Số buổi tập huấn", 1, f => N(f.Trainings)),
            new("Lượt người dự tập huấn", 1, f => N(f.TrainingAttendees)),
            new("Số hoạt động tuyên truyền", 1, f => N(f.OutreachActivities)),
            new("Mô hình CĐS được công bố", 1, f => N(f.PracticeModels)),
        ], nameShare: 2, targets: false, document);
        AnnexTable(body, "3. Hộ được hướng dẫn từng kỹ năng số cơ bản", document.ChildColumnTitle, rows, total,
            DigitalSkillLabels.Each.Select((skill, i) => new AnnexColumn(skill.ToVietnamese(), 1, f => N(f.HouseholdsBySkill[i]))).ToList(),
            nameShare: 1.6, targets: false, document);
        AnnexTable(body, "4. Thành viên tổ theo thành phần", document.ChildColumnTitle, rows, total,
            Enum.GetValues<Affiliation>().Select(a => new AnnexColumn(a.ToVietnamese(), 1, f => N(f.MembersByAffiliation[(int)a - 1]))).ToList(),
            nameShare: 2, targets: false, document);
        if (document.ChildrenReport)
        {
            ChildReports(body, document);
        }
    }

    private static void AnnexTable(Body body, string title, string childColumnTitle, IReadOnlyList<UnitFigures> rows, IndicatorSet total,
        IReadOnlyList<AnnexColumn> columns, double nameShare, bool targets, ReportDocument document)
    {
        var allColumns = columns.ToList();
        if (targets)
        {
            allColumns.Add(new AnnexColumn("Chỉ tiêu được giao (%)", 1, _ => ""));
        }

        var number = Twips(12);
        var unitShare = (LandscapeTextWidth - number) / (nameShare + allColumns.Count);
        var nameWidth = (int)(unitShare * nameShare);
        var widths = new List<int> { number, nameWidth };
        widths.AddRange(allColumns.Select(_ => (int)unitShare));

        body.Append(Heading(title, before: 240));
        var table = GridTable(widths);
        table.Append(HeaderRow(widths, ["STT", childColumnTitle, .. allColumns.Select(c => c.Title)]));
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var cells = new List<TableCell>
            {
                Cell(widths[0], [TableText((r + 1).ToString(CultureInfo.InvariantCulture), bold: false, JustificationValues.Center)]),
                Cell(widths[1], [TableText(row.UnitName, bold: false, JustificationValues.Left)]),
            };
            cells.AddRange(columns.Select((c, i) => Cell(widths[i + 2], [TableText(c.Value(row.Figures), bold: false, JustificationValues.Right)])));
            if (targets)
            {
                var target = row.TargetFor(TargetIndicator.HouseholdsCovered);
                cells.Add(Cell(widths[^1], [TableText(target is null ? "" : target.Percent.ToString("0.#", Vi), bold: false, JustificationValues.Right)]));
            }

            table.Append(Row([.. cells]));
        }

        var totals = new List<TableCell>
        {
            Cell(widths[0], [TableText("", bold: true, JustificationValues.Center)]),
            Cell(widths[1], [TableText("Tổng cộng", bold: true, JustificationValues.Left)]),
        };
        totals.AddRange(columns.Select((c, i) => Cell(widths[i + 2], [TableText(c.Value(total), bold: true, JustificationValues.Right)])));
        if (targets)
        {
            var own = document.Figures.Targets.FirstOrDefault(t => t.Indicator == TargetIndicator.HouseholdsCovered);
            totals.Add(Cell(widths[^1], [TableText(own is null ? "" : own.Percent.ToString("0.#", Vi), bold: true, JustificationValues.Right)]));
        }

        table.Append(Row([.. totals]));
        body.Append(table);
    }

    /// <summary>Who has reported: the child units with their report's status, and how many have sent and been approved.</summary>
    private static void ChildReports(Body body, ReportDocument document)
    {
        var children = document.ReportingChildren.ToList();
        var sent = children.Count(c => c.ChildStatus is ReportStatus.Submitted or ReportStatus.Approved);
        var approved = children.Count(c => c.ChildStatus == ReportStatus.Approved);
        body.Append(Heading("5. Tình hình báo cáo của các đơn vị", before: 240));
        body.Append(BodyParagraph($"Đã gửi báo cáo: {sent}/{children.Count} đơn vị; đã duyệt: {approved}/{children.Count} đơn vị.", keepNext: true));
        int[] widths = [Twips(12), Twips(120), LandscapeTextWidth - Twips(132)];
        var table = GridTable(widths);
        table.Append(HeaderRow(widths, ["STT", document.ChildColumnTitle, "Báo cáo quý"]));
        for (var i = 0; i < children.Count; i++)
        {
            table.Append(Row(
                Cell(widths[0], [TableText((i + 1).ToString(CultureInfo.InvariantCulture), bold: false, JustificationValues.Center)]),
                Cell(widths[1], [TableText(children[i].UnitName, bold: false, JustificationValues.Left)]),
                Cell(widths[2], [TableText(children[i].ChildStatus?.ToVietnamese() ?? "Chưa gửi", bold: false, JustificationValues.Left)])));
        }

        body.Append(table);
    }

    // ----- Building blocks ---------------------------------------------------------------------------------

    private static string N(int value) => value.ToString("N0", Vi);

    /// <summary>The ratio as the Excel annex's formula rounds it: ROUND(part/whole*100, 1), 0 for no households.</summary>
    public static string Percent(int part, int whole) =>
        (whole == 0 ? 0 : Math.Round(part * 100.0 / whole, 1, MidpointRounding.AwayFromZero)).ToString("0.0", Vi);
}
