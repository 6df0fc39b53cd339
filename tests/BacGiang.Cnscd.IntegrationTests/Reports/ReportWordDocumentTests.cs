using System.Globalization;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Reports;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace BacGiang.Cnscd.IntegrationTests.Reports;

/// <summary>The quarterly report as a Word document, read back as a file and as LibreOffice prints it (issue 14).</summary>
public partial class ReportWordDocumentTests
{
    private static readonly ReportNarrative Short = new("Kết quả: đã hướng dẫn 6 hộ.", "Khó khăn: thiếu thiết bị.", "Đề xuất: cấp kinh phí.");

    [Fact]
    public void Docx_IsA4Portrait_TimesNewRoman14_Decree30Margins_WithTheTablesInALandscapeAnnex()
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(ReportWordDocument.Write(SampleReports.District(Short))), false);
        var main = word.MainDocumentPart!;
        var defaults = main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("Times New Roman", defaults.RunFonts!.Ascii!.Value);
        Assert.True(int.Parse(defaults.FontSize!.Val!.Value!, CultureInfo.InvariantCulture) >= 26, "body under 13 pt");

        var sections = main.Document.Body!.Descendants<SectionProperties>().ToList();
        Assert.Equal(2, sections.Count);
        var letter = sections[0];
        Assert.Equal((11906u, 16838u), (letter.GetFirstChild<PageSize>()!.Width!.Value, letter.GetFirstChild<PageSize>()!.Height!.Value));
        var margins = letter.GetFirstChild<PageMargin>()!;
        Assert.InRange(margins.Left!.Value, 1701u, 1984u);   // 30–35 mm
        Assert.InRange(margins.Right!.Value, 850u, 1134u);   // 15–20 mm
        Assert.InRange(margins.Top!.Value, 1134, 1417);      // 20–25 mm
        Assert.InRange(margins.Bottom!.Value, 1134, 1417);
        Assert.NotNull(letter.GetFirstChild<TitlePage>());   // no number on page 1
        Assert.Equal(PageOrientationValues.Landscape, sections[1].GetFirstChild<PageSize>()!.Orient!.Value);

        // Every run of the letter is 13 pt or more but the motto (12–13 pt in Decree 30) and "Nơi nhận"; the tables are 12 pt.
        var small = main.Document.Body!.Descendants<Run>()
            .Where(r => r.Ancestors<Table>().All(t => t.Descendants<GridColumn>().Count() == 2)) // the header block's table is the letter's
            .Where(r => r.RunProperties?.FontSize is { } size && int.Parse(size.Val!.Value!, CultureInfo.InvariantCulture) < 26)
            .Select(r => r.InnerText).Where(t => t.Length > 0).ToList();
        Assert.Equal(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nơi nhận:", "- Như trên;", "- Lưu: VT."], small);

        // The totals row of each annex table equals the sum of its rows.
        var tables = main.Document.Body!.Elements<Table>().Skip(1).ToList();
        Assert.True(tables.Count >= 4);
        var first = tables[0].Elements<TableRow>().ToList();
        Assert.Equal(SampleReports.Communes.Length + 2, first.Count);
        for (var column = 2; column <= 8; column++)
        {
            var sum = first.Skip(1).SkipLast(1).Sum(r => Number(r, column));
            Assert.Equal(sum, Number(first[^1], column));
        }

        // The library's models: a line of section I with the count per skill, and the last column of the second annex table.
        var models = SampleReports.Communes.Select((_, i) => SampleReports.FiguresOf(i).PracticeModels).Sum();
        var otherPlatforms = SampleReports.Communes.Select((_, i) => SampleReports.FiguresOf(i).PracticeModelsBySkill[4]).Sum();
        Assert.Contains(main.Document.Body!.Elements<Paragraph>(), p => p.InnerText.StartsWith(
            $"5. Mô hình chuyển đổi số, cách làm hay được Sở công bố: {models} mô hình (", StringComparison.Ordinal)
            && p.InnerText.Contains($"sử dụng nền tảng số khác: {otherPlatforms}", StringComparison.Ordinal));
        var second = tables[1].Elements<TableRow>().ToList();
        Assert.Equal(models, Number(second[^1], second[^1].Elements<TableCell>().Count() - 1));
    }

    private static int Number(TableRow row, int column) =>
        int.Parse(row.Elements<TableCell>().ElementAt(column).InnerText.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [Fact]
    public async Task Printed_A4_TimesOrItsTwin_NumberedFromPage2_EveryNarrativeCharacter_AndTheSignatureNeverAlone()
    {
        var longNarrative = new ReportNarrative(SampleReports.Narrative(3_000, "KQ"), SampleReports.Narrative(8_000, "KK"), SampleReports.Narrative(900, "DX"));
        // Proposals of growing length move the signature block across a page end: one of them would leave it alone.
        var files = new List<(string, byte[])> { ("long.docx", ReportWordDocument.Write(SampleReports.District(longNarrative))) };
        for (var length = 300; length <= 3_300; length += 250)
        {
            var narrative = new ReportNarrative(SampleReports.Narrative(1_200, "KQ"), SampleReports.Narrative(600, "KK"), SampleReports.Narrative(length, "DX"));
            files.Add(($"sign-{length}.docx", ReportWordDocument.Write(SampleReports.District(narrative))));
        }

        var printed = await PrintedDocument.PrintAsync(files);

        var pdf = printed[0];
        Assert.All(pdf.PageSizes, size => Assert.Equal((595, 842), ((int)Math.Round(Math.Min(size.Width, size.Height)), (int)Math.Round(Math.Max(size.Width, size.Height)))));
        Assert.True(pdf.PageSizes[0].Width < pdf.PageSizes[0].Height, "the letter is portrait");
        Assert.True(pdf.PageSizes[^1].Width > pdf.PageSizes[^1].Height, "the annex is landscape");
        Assert.NotEmpty(pdf.Fonts);
        Assert.True(pdf.Fonts.All(font => TimesOrTwin().IsMatch(font)), string.Join(", ", pdf.Fonts));
        Assert.DoesNotMatch(@"^\s*1\s*$", pdf.Pages[0].Split('\n')[0]);
        for (var page = 1; page < pdf.Pages.Count; page++)
        {
            Assert.Equal((page + 1).ToString(CultureInfo.InvariantCulture), pdf.Pages[page].Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim());
        }

        var text = pdf.TextWithoutWhitespace(WithoutPageNumber);
        foreach (var part in new[] { longNarrative.Results!, longNarrative.Difficulties!, longNarrative.Proposals! })
        {
            Assert.Contains(string.Concat(part.Where(c => !char.IsWhiteSpace(c))), text, StringComparison.Ordinal);
        }

        string[] signature = ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "………………………………"];
        foreach (var (document, index) in printed.Skip(1).Select((d, i) => (d, i)))
        {
            var page = document.Pages.Single(p => p.Contains("Nơi nhận:", StringComparison.Ordinal));
            var rest = signature.Aggregate(WithoutPageNumber(page), (t, s) => t.Replace(s, "", StringComparison.Ordinal));
            Assert.True(rest.Trim().Length > 0, $"variant {index}: the signature block is alone on its page");
        }
    }

    /// <summary>A page's text without the page number pdftotext puts first (the header).</summary>
    private static string WithoutPageNumber(string page)
    {
        var lines = page.Split('\n').ToList();
        var first = lines.FindIndex(l => l.Trim().Length > 0);
        if (first >= 0 && lines[first].Trim().All(char.IsDigit))
        {
            lines.RemoveAt(first);
        }

        return string.Join('\n', lines);
    }

    [System.Text.RegularExpressions.GeneratedRegex("TimesNewRoman|Times-|LiberationSerif")]
    private static partial System.Text.RegularExpressions.Regex TimesOrTwin();
}
