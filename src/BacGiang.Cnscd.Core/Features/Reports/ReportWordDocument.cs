using System.Globalization;
using BacGiang.Cnscd.Core.Domain;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>
/// Writes a quarterly report as the Word document a clerk files, in the layout of Decree 30/2020/NĐ-CP (Appendix I):
/// A4 portrait, Times New Roman 14 pt, margins 20/20/30/15 mm; the issuing body in capitals over a short line, the motto
/// over a line as long as "Độc lập - Tự do - Hạnh phúc"; number, place and date in italics, title, abstract, "Kính gửi";
/// sections I–IV with every character of the narrative; "Nơi nhận" beside the signature block, kept on the page of the
/// text before it; page numbers centred in the top margin from page 2. The indicator tables are an annex in a landscape
/// section of their own (Decree 30 allows landscape for tables only), split into four tables at 12 pt rather than one
/// table shrunk to fit. Written with DocumentFormat.OpenXml 2.20, the version ClosedXML already runs on (decision 048).
/// </summary>
public static class ReportWordDocument
{
    public const string FontName = "Times New Roman";

    /// <summary>The body's size in half-points (14 pt; Decree 30 wants 13–14).</summary>
    public const int BodyHalfPoints = 28;

    /// <summary>The tables' size in half-points (12 pt).</summary>
    public const int TableHalfPoints = 24;

    /// <summary>A4 in twentieths of a point: 210 × 297 mm.</summary>
    public const int A4ShortEdge = 11906;
    public const int A4LongEdge = 16838;

    public static readonly int TopMargin = Twips(20);
    public static readonly int BottomMargin = Twips(20);
    public static readonly int LeftMargin = Twips(30);
    public static readonly int RightMargin = Twips(15);

    private static readonly int PortraitTextWidth = A4ShortEdge - LeftMargin - RightMargin;
    private static readonly int LandscapeTextWidth = A4LongEdge - LeftMargin - RightMargin;

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static int Twips(double millimetres) => (int)Math.Round(millimetres * 1440 / 25.4);

    public static byte[] Write(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            AddStyles(main);
            var numbered = main.AddNewPart<HeaderPart>();
            numbered.Header = new Header(PageNumberParagraph());
            var blank = main.AddNewPart<HeaderPart>();
            blank.Header = new Header(new Paragraph());
            var numberedId = main.GetIdOfPart(numbered);
            var blankId = main.GetIdOfPart(blank);

            var body = new Body();
            HeaderBlock(body, document);
            TitleBlock(body, document);
            Sections(body, document);
            SignatureBlock(body, document, PortraitSection(numberedId, blankId));
            Annex(body, document);
            body.Append(LandscapeSection(numberedId));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    // ----- The page: styles and sections ------------------------------------------------------------------

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        var runDefaults = new RunPropertiesBaseStyle(
            new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName, EastAsia = FontName },
            new FontSize { Val = BodyHalfPoints.ToString(CultureInfo.InvariantCulture) },
            new FontSizeComplexScript { Val = BodyHalfPoints.ToString(CultureInfo.InvariantCulture) },
            new Languages { Val = "vi-VN" });
        var paragraphDefaults = new ParagraphPropertiesBaseStyle(
            new WidowControl(),
            new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto });
        styles.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(runDefaults), new ParagraphPropertiesDefault(paragraphDefaults)),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        styles.Styles.Save();
    }

    /// <summary>The letter itself: A4 portrait, no number on the first page (titlePg with a blank first header).</summary>
    private static SectionProperties PortraitSection(string numberedHeaderId, string blankHeaderId) => new(
        new HeaderReference { Type = HeaderFooterValues.Default, Id = numberedHeaderId },
        new HeaderReference { Type = HeaderFooterValues.First, Id = blankHeaderId },
        new PageSize { Width = (UInt32Value)(uint)A4ShortEdge, Height = (UInt32Value)(uint)A4LongEdge },
        Margins(),
        new TitlePage());

    /// <summary>The annex: A4 landscape, numbered on every page, the numbers running on from the letter.</summary>
    private static SectionProperties LandscapeSection(string numberedHeaderId) => new(
        new HeaderReference { Type = HeaderFooterValues.Default, Id = numberedHeaderId },
        new SectionType { Val = SectionMarkValues.NextPage },
        new PageSize { Width = (UInt32Value)(uint)A4LongEdge, Height = (UInt32Value)(uint)A4ShortEdge, Orient = PageOrientationValues.Landscape },
        Margins());

    private static PageMargin Margins() => new()
    {
        Top = TopMargin, Bottom = BottomMargin,
        Left = (UInt32Value)(uint)LeftMargin, Right = (UInt32Value)(uint)RightMargin,
        Header = (UInt32Value)(uint)Twips(10), Footer = (UInt32Value)(uint)Twips(10), Gutter = 0U,
    };

    /// <summary>The page number, centred in the top margin (Decree 30), as a PAGE field both Word and LibreOffice update.</summary>
    private static Paragraph PageNumberParagraph() => new(
        new ParagraphProperties { Justification = new Justification { Val = JustificationValues.Center } },
        new SimpleField(new Run(new WordText("2"))) { Instruction = " PAGE " });

    // ----- Header block, title, addressee -----------------------------------------------------------------

    private static void HeaderBlock(Body body, ReportDocument document)
    {
        var left = Twips(62);
        var right = PortraitTextWidth - left;
        var issuer = new List<OpenXmlElement>();
        if (document.GoverningBody is { } governing)
        {
            issuer.Add(Centered(TextRun(governing, size: 26)));
        }

        issuer.Add(Centered(TextRun(document.IssuingBody, bold: true, size: 26)));
        issuer.Add(Rule(left, Twips(20)));
        var motto = new OpenXmlElement[]
        {
            Centered(TextRun("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 24)),
            Centered(TextRun("Độc lập - Tự do - Hạnh phúc", bold: true, size: 26)),
            Rule(right, Twips(62)),
        };
        var table = BorderlessTable([left, right]);
        table.Append(Row(Cell(left, issuer), Cell(right, motto)));
        table.Append(Row(
            Cell(left, [Centered(TextRun("Số: …/" + document.NumberSymbol, size: 26), before: 120)]),
            Cell(right, [Centered(TextRun($"{document.Place}, ngày {document.Date.Day:00} tháng {document.Date.Month:00} năm {document.Date.Year}",
                italic: true), before: 120)])));
        body.Append(table);
    }

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

    // ----- Closing: "Nơi nhận" and the signature ----------------------------------------------------------

    /// <summary>
    /// "Nơi nhận" on the left, the signer on the right, as lines sharing a centred tab stop rather than a table: every
    /// line but the last is kept with the next, so the block moves as one and takes the text's last lines with it.
    /// The last line carries the letter's section break.
    /// </summary>
    private static void SignatureBlock(Body body, ReportDocument document, SectionProperties section)
    {
        var signerCentre = PortraitTextWidth - Twips(45);
        var signer = new List<Run>();
        if (document.Signature.Authority is { } authority)
        {
            signer.Add(TextRun(authority, bold: true));
        }

        signer.Add(TextRun(document.Signature.Title, bold: true));
        var recipients = new List<Run>
        {
            TextRun("Nơi nhận:", bold: true, italic: true, size: 24),
            TextRun("- Như trên;", size: 22),
            TextRun("- Lưu: VT.", size: 22),
        };
        var lines = Math.Max(recipients.Count, signer.Count);
        var paragraphs = new List<Paragraph>();
        for (var i = 0; i < lines; i++)
        {
            paragraphs.Add(TabbedLine(signerCentre, i < recipients.Count ? recipients[i] : null, i < signer.Count ? signer[i] : null,
                before: i == 0 ? 240 : 0));
        }

        // Room for the signature and the seal, then the line for the signer's name.
        for (var i = 0; i < 3; i++)
        {
            paragraphs.Add(TabbedLine(signerCentre, null, null));
        }

        paragraphs.Add(TabbedLine(signerCentre, null, TextRun("………………………………", bold: true)));
        for (var i = 0; i < paragraphs.Count - 1; i++)
        {
            paragraphs[i].ParagraphProperties!.KeepNext = new KeepNext();
        }

        paragraphs[^1].ParagraphProperties!.SectionProperties = section;
        body.Append(paragraphs);
    }

    private static Paragraph TabbedLine(int tabPosition, Run? left, Run? right, int before = 0)
    {
        var properties = new ParagraphProperties
        {
            Tabs = new Tabs(new TabStop { Val = TabStopValues.Center, Position = tabPosition }),
            SpacingBetweenLines = new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = "0" },
        };
        var paragraph = new Paragraph(properties);
        if (left is not null)
        {
            paragraph.Append(left);
        }

        if (right is not null)
        {
            paragraph.Append(new Run(new TabChar()));
            paragraph.Append(right);
        }

        return paragraph;
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
        var header = Row(widths.Select((w, i) => Cell(w, [TableText(i switch { 0 => "STT", 1 => childColumnTitle, _ => allColumns[i - 2].Title },
            bold: true, JustificationValues.Center)], shaded: true)).ToArray());
        header.TableRowProperties = new TableRowProperties(new TableHeader(), new CantSplit());
        table.Append(header);
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
        var header = Row(
            Cell(widths[0], [TableText("STT", bold: true, JustificationValues.Center)], shaded: true),
            Cell(widths[1], [TableText(document.ChildColumnTitle, bold: true, JustificationValues.Center)], shaded: true),
            Cell(widths[2], [TableText("Báo cáo quý", bold: true, JustificationValues.Center)], shaded: true));
        header.TableRowProperties = new TableRowProperties(new TableHeader(), new CantSplit());
        table.Append(header);
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

    private static Run TextRun(string text, bool bold = false, bool italic = false, int? size = null)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Bold = new Bold();
        }

        if (italic)
        {
            properties.Italic = new Italic();
        }

        if (size is { } halfPoints)
        {
            properties.FontSize = new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) };
            properties.FontSizeComplexScript = new FontSizeComplexScript { Val = halfPoints.ToString(CultureInfo.InvariantCulture) };
        }

        return new Run(properties, new WordText(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Paragraph Centered(Run run, int before = 0, int after = 0, bool keepNext = false)
    {
        var properties = new ParagraphProperties
        {
            SpacingBetweenLines = new SpacingBetweenLines
            {
                Before = before.ToString(CultureInfo.InvariantCulture), After = after.ToString(CultureInfo.InvariantCulture),
            },
            Justification = new Justification { Val = JustificationValues.Center },
        };
        if (keepNext)
        {
            properties.KeepNext = new KeepNext();
        }

        return new Paragraph(properties, run);
    }

    private static Paragraph Heading(string text, int before = 120) => new(
        new ParagraphProperties
        {
            KeepNext = new KeepNext(),
            KeepLines = new KeepLines(),
            SpacingBetweenLines = new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = "120" },
            Indentation = new Indentation { FirstLine = Twips(10).ToString(CultureInfo.InvariantCulture) },
            Justification = new Justification { Val = JustificationValues.Both },
        },
        TextRun(text, bold: true));

    /// <summary>A paragraph of the letter: justified, first line indented 10 mm, 6 pt after, lines at 1.2.</summary>
    private static Paragraph BodyParagraph(string text, bool keepNext = false)
    {
        var properties = new ParagraphProperties
        {
            SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "120", Line = "288", LineRule = LineSpacingRuleValues.Auto },
            Indentation = new Indentation { FirstLine = Twips(10).ToString(CultureInfo.InvariantCulture) },
            Justification = new Justification { Val = JustificationValues.Both },
        };
        if (keepNext)
        {
            properties.KeepNext = new KeepNext();
        }

        return new Paragraph(properties, TextRun(text));
    }

    /// <summary>A short horizontal line, centred in <paramref name="available"/>: the bottom border of an empty 2-pt paragraph.</summary>
    private static Paragraph Rule(int available, int length)
    {
        var indent = Math.Max(0, (available - length) / 2).ToString(CultureInfo.InvariantCulture);
        return new Paragraph(
            new ParagraphProperties
            {
                ParagraphBorders = new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6U, Space = 1U, Color = "000000" }),
                SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = "80", LineRule = LineSpacingRuleValues.Exact },
                Indentation = new Indentation { Left = indent, Right = indent },
            },
            new Run(new RunProperties { FontSize = new FontSize { Val = "4" } }, new WordText("")));
    }

    private static Paragraph TableText(string text, bool bold, JustificationValues align) => new(
        new ParagraphProperties
        {
            SpacingBetweenLines = new SpacingBetweenLines { Before = "20", After = "20", Line = "240", LineRule = LineSpacingRuleValues.Auto },
            Justification = new Justification { Val = align },
        },
        TextRun(text, bold: bold, size: TableHalfPoints));

    private static Table BorderlessTable(IReadOnlyList<int> widths)
    {
        var table = new Table(new TableProperties
        {
            TableWidth = new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            TableBorders = new TableBorders(
                new TopBorder { Val = BorderValues.Nil }, new LeftBorder { Val = BorderValues.Nil },
                new BottomBorder { Val = BorderValues.Nil }, new RightBorder { Val = BorderValues.Nil },
                new InsideHorizontalBorder { Val = BorderValues.Nil }, new InsideVerticalBorder { Val = BorderValues.Nil }),
            TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
            TableCellMarginDefault = new TableCellMarginDefault(
                new TableCellLeftMargin { Width = 0, Type = TableWidthValues.Dxa }, new TableCellRightMargin { Width = 0, Type = TableWidthValues.Dxa }),
        });
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        return table;
    }

    private static Table GridTable(IReadOnlyList<int> widths)
    {
        static T Line<T>() where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4U, Color = "000000" };
        var table = new Table(new TableProperties
        {
            TableWidth = new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            TableBorders = new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(),
                Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
            TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
            TableCellMarginDefault = new TableCellMarginDefault(
                new TableCellLeftMargin { Width = 60, Type = TableWidthValues.Dxa }, new TableCellRightMargin { Width = 60, Type = TableWidthValues.Dxa }),
        });
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        return table;
    }

    private static TableRow Row(params TableCell[] cells)
    {
        var row = new TableRow();
        row.Append(cells);
        return row;
    }

    private static TableCell Cell(int width, IEnumerable<OpenXmlElement> content, bool shaded = false)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (shaded)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "F2F2F2", Color = "auto" });
        }

        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var cell = new TableCell(properties);
        cell.Append(content);
        return cell;
    }
}
