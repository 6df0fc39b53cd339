using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace BacGiang.Cnscd.Core.Features.Common.Word;

/// <summary>
/// The pieces every Word document of the portal shares, in the layout of Decree 30/2020/NĐ-CP (Appendix I): A4, Times New
/// Roman 14 pt, margins 20/20/30/15 mm, page numbers centred in the top margin from page 2, the header block (issuing body
/// over a short line, the motto over its line, number, place and date), "Nơi nhận" beside the signature kept together, and
/// the paragraphs, rules and tables they are made of. The quarterly report (<c>ReportWordDocument</c>) and the awards'
/// documents (<c>AwardListWordDocument</c>, <c>AwardDocumentAnnexWord</c>) are drawn with them, so the two cannot drift apart. DocumentFormat.OpenXml 2.20,
/// the version ClosedXML runs on (decision 048).
/// </summary>
public static class AdministrativeWord
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

    public static readonly int PortraitTextWidth = A4ShortEdge - LeftMargin - RightMargin;
    public static readonly int LandscapeTextWidth = A4LongEdge - LeftMargin - RightMargin;

    /// <summary>The lines under "Nơi nhận:" when the document has an addressee ("Kính gửi").</summary>
    public static readonly IReadOnlyList<string> AddresseeAndArchive = ["- Như trên;", "- Lưu: VT."];

    public static int Twips(double millimetres) => (int)Math.Round(millimetres * 1440 / 25.4);

    /// <summary>The ids of the two page headers: the numbered one, and the blank one of a section's first page.</summary>
    public sealed record PageHeaders(string NumberedId, string BlankId);

    /// <summary>A .docx with the portal's styles and page headers; <paramref name="write"/> fills the body, sections included.</summary>
    public static byte[] Create(Action<Body, PageHeaders> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            AddStyles(main);
            var numbered = main.AddNewPart<HeaderPart>();
            numbered.Header = new Header(PageNumberParagraph());
            var blank = main.AddNewPart<HeaderPart>();
            blank.Header = new Header(new Paragraph());
            var headers = new PageHeaders(main.GetIdOfPart(numbered), main.GetIdOfPart(blank));

            var body = new Body();
            write(body, headers);
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
    public static SectionProperties PortraitSection(PageHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = headers.NumberedId },
            new HeaderReference { Type = HeaderFooterValues.First, Id = headers.BlankId },
            new PageSize { Width = (UInt32Value)(uint)A4ShortEdge, Height = (UInt32Value)(uint)A4LongEdge },
            Margins(),
            new TitlePage());
    }

    /// <summary>
    /// A portrait section on a new page, counted from 1 again with no number on its first page: a document of its own in the
    /// same file (one annex per decision).
    /// </summary>
    public static SectionProperties RestartedPortraitSection(PageHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = headers.NumberedId },
            new HeaderReference { Type = HeaderFooterValues.First, Id = headers.BlankId },
            new SectionType { Val = SectionMarkValues.NextPage },
            new PageSize { Width = (UInt32Value)(uint)A4ShortEdge, Height = (UInt32Value)(uint)A4LongEdge },
            Margins(),
            new PageNumberType { Start = 1 },
            new TitlePage());
    }

    /// <summary>A table's pages: A4 landscape (Decree 30 allows it for tables), numbered on every page, the numbers running on.</summary>
    public static SectionProperties LandscapeSection(PageHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = headers.NumberedId },
            new SectionType { Val = SectionMarkValues.NextPage },
            new PageSize { Width = (UInt32Value)(uint)A4LongEdge, Height = (UInt32Value)(uint)A4ShortEdge, Orient = PageOrientationValues.Landscape },
            Margins());
    }

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

    // ----- Header block ------------------------------------------------------------------------------------

    /// <summary>
    /// The issuing body (under its governing body, for a Department) over a short line, left; the motto over a line as long
    /// as "Độc lập - Tự do - Hạnh phúc", right; then the number and the place and date in italics. Drawn as a borderless
    /// two-column table across the portrait text width.
    /// </summary>
    public static void HeaderBlock(Body body, string? governingBody, string issuingBody, string numberSymbol, string place, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(body);
        var left = Twips(62);
        var right = PortraitTextWidth - left;
        var issuer = new List<OpenXmlElement>();
        if (governingBody is { } governing)
        {
            issuer.Add(Centered(TextRun(governing, size: 26)));
        }

        issuer.Add(Centered(TextRun(issuingBody, bold: true, size: 26)));
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
            Cell(left, [Centered(TextRun("Số: …/" + numberSymbol, size: 26), before: 120)]),
            Cell(right, [Centered(TextRun($"{place}, ngày {date.Day:00} tháng {date.Month:00} năm {date.Year}", italic: true), before: 120)])));
        body.Append(table);
    }

    // ----- Closing: "Nơi nhận" and the signature ----------------------------------------------------------

    /// <summary>
    /// "Nơi nhận" on the left, the signer on the right, as lines sharing a centred tab stop rather than a table: every line
    /// but the last is kept with the next, so the block moves as one and takes the paragraph before it along when that one
    /// is kept with the next too. The last line carries <paramref name="section"/> (the section break) when given.
    /// </summary>
    /// <param name="authority">"TM. ỦY BAN NHÂN DÂN", or null for a Department's director.</param>
    /// <param name="title">"CHỦ TỊCH", "GIÁM ĐỐC".</param>
    /// <param name="recipients">The lines under "Nơi nhận:" (defaults to <see cref="AddresseeAndArchive"/>).</param>
    /// <param name="textWidth">The width of the section's text: the signer is centred 45 mm from its right edge.</param>
    public static void SignatureBlock(Body body, string? authority, string title, SectionProperties? section,
        IReadOnlyList<string>? recipients = null, int? textWidth = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var signerCentre = (textWidth ?? PortraitTextWidth) - Twips(45);
        var signer = new List<Run>();
        if (authority is not null)
        {
            signer.Add(TextRun(authority, bold: true));
        }

        signer.Add(TextRun(title, bold: true));
        var lines = new List<Run> { TextRun("Nơi nhận:", bold: true, italic: true, size: 24) };
        lines.AddRange((recipients ?? AddresseeAndArchive).Select(r => TextRun(r, size: 22)));
        var count = Math.Max(lines.Count, signer.Count);
        var paragraphs = new List<Paragraph>();
        for (var i = 0; i < count; i++)
        {
            paragraphs.Add(TabbedLine(signerCentre, i < lines.Count ? lines[i] : null, i < signer.Count ? signer[i] : null,
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

        if (section is not null)
        {
            paragraphs[^1].ParagraphProperties!.SectionProperties = section;
        }

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

    // ----- Building blocks ---------------------------------------------------------------------------------

    public static Run TextRun(string text, bool bold = false, bool italic = false, int? size = null)
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

    public static Paragraph Centered(Run run, int before = 0, int after = 0, bool keepNext = false)
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

    /// <summary>A bold heading, kept with the paragraph after it and never split.</summary>
    public static Paragraph Heading(string text, int before = 120) => new(
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
    public static Paragraph BodyParagraph(string text, bool keepNext = false)
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
    public static Paragraph Rule(int available, int length)
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

    /// <summary>A table cell's paragraph at 12 pt.</summary>
    public static Paragraph TableText(string text, bool bold, JustificationValues align) => new(
        new ParagraphProperties
        {
            SpacingBetweenLines = new SpacingBetweenLines { Before = "20", After = "20", Line = "240", LineRule = LineSpacingRuleValues.Auto },
            Justification = new Justification { Val = align },
        },
        TextRun(text, bold: bold, size: TableHalfPoints));

    public static Table BorderlessTable(IReadOnlyList<int> widths)
    {
        ArgumentNullException.ThrowIfNull(widths);
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

    /// <summary>A ruled table of fixed column widths (twips).</summary>
    public static Table GridTable(IReadOnlyList<int> widths)
    {
        ArgumentNullException.ThrowIfNull(widths);
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

    /// <summary>The header row of a ruled table: bold, shaded, repeated on every page and never split.</summary>
    public static TableRow HeaderRow(IReadOnlyList<int> widths, IReadOnlyList<string> titles)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(titles);
        var header = Row(widths.Select((w, i) => Cell(w, [TableText(titles[i], bold: true, JustificationValues.Center)], shaded: true)).ToArray());
        header.TableRowProperties = new TableRowProperties(new TableHeader(), new CantSplit());
        return header;
    }

    public static TableRow Row(params TableCell[] cells)
    {
        var row = new TableRow();
        row.Append(cells);
        return row;
    }

    public static TableCell Cell(int width, IEnumerable<OpenXmlElement> content, bool shaded = false)
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
