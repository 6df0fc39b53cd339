using System.Globalization;
using System.Text.RegularExpressions;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common.Word;
using BacGiang.Cnscd.Core.Features.Recognition;
using BacGiang.Cnscd.Core.Features.Reports;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using BacGiang.Cnscd.IntegrationTests.Reports;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.IntegrationTests.Recognition;

/// <summary>
/// The documents a clerk sends for the DX Day awards (issue 16, item 4), as real files read back, on both engines: the Word
/// list as LibreOffice prints it (every nominee, never a draft or a returned one, a 3,000-character achievement whole), the
/// province's list issued as the quarterly report's, the annex of the province's decisions one section per decision, the
/// Excel list with formula-like text kept as text, and the refusal of a unit outside the reader's scope.
/// </summary>
public abstract partial class AwardDocumentTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    private const int Year = 2026;

    private static readonly DateOnly Today = new(2026, 10, 12);

    private AwardDocumentService Documents(AdministrativeUnit unit, string user) =>
        CoreServices.CreateOn<AwardDocumentService>(Today, new ActorContextFactory(Database, MiniProvince.ActorFor(unit, user) with { UserName = user }));

    private AwardDocumentService Documents(Actor actor) => CoreServices.CreateOn<AwardDocumentService>(Today, new ActorContextFactory(Database, actor));

    /// <summary>A nomination of <paramref name="unit"/> placed by the system straight into <paramref name="status"/>.</summary>
    private async Task<AwardNomination> NominationAsync(AdministrativeUnit unit, string nominee, AwardStatus status,
        AwardForm form = AwardForm.ProvincialChairmanCertificate, NomineeKind kind = NomineeKind.Unit, int year = Year, string? achievements = null,
        Action<AwardNomination>? more = null)
    {
        await using var db = Database.CreateSystemContext();
        var nomination = new AwardNomination
        {
            UnitId = unit.Id, Year = year, NomineeKind = kind, NomineeName = nominee, Achievements = achievements ?? "Thành tích của " + nominee,
            ProposedForm = form, Status = status, CreatedAtUtc = DateTime.UtcNow,
        };
        more?.Invoke(nomination);
        db.AwardNominations.Add(nomination);
        await db.SaveChangesAsync();
        return nomination;
    }

    private static Action<AwardNomination> DecidedBy(string number, DateOnly date) => n =>
    {
        n.AppraisalOfficer = "Lê Thị Nội Vụ";
        n.AppraisedOn = date.AddDays(-3);
        n.DecisionNumber = number;
        n.DecisionDate = date;
        n.DecisionSigner = "Chủ tịch UBND tỉnh";
    };

    private async Task<List<AuditEntry>> AuditAsync(string user, string action)
    {
        await using var db = Database.CreateSystemContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.UserId == user && a.Action == action).OrderBy(a => a.Id).ToListAsync();
    }

    private static string NoSpace(string text) => Regex.Replace(text, @"\s+", "");

    [Fact]
    public async Task TheWordList_Printed_HoldsEveryNominee_NoDraftNorReturned_AndA3000CharacterAchievementWhole()
    {
        var long3000 = SampleReports.Narrative(3_000, "TT");
        Assert.Equal(3_000, long3000.Length);
        var listed = new[]
        {
            await NominationAsync(Mini.C1, "Tổ CNSCĐ Thị trấn Đồi Ngô", AwardStatus.Endorsed, kind: NomineeKind.Team, achievements: long3000),
            await NominationAsync(Mini.V11, "Tổ dân phố số 1", AwardStatus.Submitted, AwardForm.CommuneChairmanCertificate),
            await NominationAsync(Mini.C3, "Hoàng Thị Lan", AwardStatus.Decided, AwardForm.DistrictChairmanCertificate, NomineeKind.Member,
                more: DecidedBy("88/QĐ-UBND", new DateOnly(Year, 9, 1))),
            await NominationAsync(Mini.D1, "Ban Chỉ đạo chuyển đổi số huyện", AwardStatus.NotApproved),
        };
        await NominationAsync(Mini.C1, "Nguyễn Văn Nháp", AwardStatus.Draft, kind: NomineeKind.Member);
        await NominationAsync(Mini.C3, "Trần Văn Trả Lại", AwardStatus.Returned, kind: NomineeKind.Member);
        await NominationAsync(Mini.C2, "Xã Đồng Tiến Huyện Khác", AwardStatus.Submitted);                 // another district
        await NominationAsync(Mini.C1, "Phạm Năm Trước", AwardStatus.Awarded, kind: NomineeKind.Member, year: Year - 1);

        var file = await Documents(Mini.D1, "officer-d1").ExportListAsync(Mini.D1.Id, Year, ReportFormat.Word);
        Assert.Equal(("danh-sach-de-nghi-khen-thuong-2026-huyen-luc-nam.docx", ReportFile.WordContentType), (file.FileName, file.ContentType));

        var pdf = (await PrintedDocument.PrintAsync([("list.docx", file.Content)], ListColumnStrips())).Single();
        var text = pdf.TextWithoutWhitespace();
        var names = Column(pdf, 1);
        foreach (var nomination in listed)
        {
            Assert.Contains(NoSpace(nomination.NomineeName), names, StringComparison.Ordinal);
        }

        foreach (var absent in new[] { "Nguyễn Văn Nháp", "Trần Văn Trả Lại", "Xã Đồng Tiến Huyện Khác", "Phạm Năm Trước" })
        {
            Assert.DoesNotContain(NoSpace(absent), names, StringComparison.Ordinal);
            Assert.DoesNotContain(NoSpace(absent), text, StringComparison.Ordinal);
        }

        // Every character of the long achievement, across the rows and pages it spans (the repeated header row taken out).
        Assert.Contains(NoSpace(long3000), Column(pdf, 4).Replace("Thànhtích", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(NoSpace("Tổ dân phố số 1, thị trấn Đồi Ngô"), Column(pdf, 3), StringComparison.Ordinal);
        Assert.Contains(NoSpace("Giấy khen của Chủ tịch UBND huyện"), Column(pdf, 5), StringComparison.Ordinal);
        Assert.Contains(NoSpace("Đã có quyết định khen thưởng"), Column(pdf, 6), StringComparison.Ordinal);
        Assert.Contains(NoSpace("Sở Nội vụ không đồng ý"), Column(pdf, 6), StringComparison.Ordinal);
        foreach (var part in new[] { "UBND HUYỆN LỤC NAM", "Độc lập - Tự do - Hạnh phúc", "Số: …/DS-UBND", "Lục Nam, ngày 12 tháng 10 năm 2026",
                     "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", "Ngày Chuyển đổi số 10/10/2026", "Tổng số: 4 hồ sơ (3 tập thể, 1 cá nhân)./.", "Nơi nhận:",
                     "- Sở Khoa học và Công nghệ;", "TM. ỦY BAN NHÂN DÂN" })
        {
            Assert.Contains(NoSpace(part), text, StringComparison.Ordinal);
        }

        // The header, title and counts on an A4 portrait page, the table on landscape pages, numbered from page 2, in Times (or its twin).
        Assert.True(pdf.PageSizes[0].Width < pdf.PageSizes[0].Height, "the first page is portrait");
        Assert.True(pdf.PageSizes.Count >= 3, "the 3,000 characters span more than one landscape page");
        Assert.All(pdf.PageSizes.Skip(1), size => Assert.True(size.Width > size.Height, "the table's pages are landscape"));
        Assert.All(pdf.Fonts, font => Assert.Matches("TimesNewRoman|Times-|LiberationSerif", font));
        for (var page = 1; page < pdf.Pages.Count; page++)
        {
            Assert.Equal((page + 1).ToString(CultureInfo.InvariantCulture), pdf.Pages[page].Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim());
        }

        // "Nơi nhận" and the signature are never alone: the total line is on their page.
        var signaturePage = pdf.Pages.Single(p => p.Contains("Nơi nhận:", StringComparison.Ordinal));
        Assert.Contains("Tổng số:", signaturePage, StringComparison.Ordinal);

        var exports = await AuditAsync("officer-d1", AuditActions.Export);
        var export = Assert.Single(exports);
        Assert.Equal((nameof(AwardNomination), Mini.D1.Id), (export.EntityType, export.UnitId));
        Assert.Contains("\"rows\":4", export.Changes, StringComparison.Ordinal);
    }

    /// <summary>
    /// The list table's columns as strips of the landscape pages, in points. LibreOffice, as Word, sets a table's left edge one
    /// cell margin (60 twips) left of the text margin so the cells' text lines up with it; each strip keeps 1.5 pt inside its
    /// column, whose text keeps 3 pt (the cell margin) from the rule.
    /// </summary>
    private static List<(double Left, double Width)> ListColumnStrips()
    {
        var strips = new List<(double, double)>();
        var left = AdministrativeWord.LeftMargin - 60;
        foreach (var width in AwardListWordDocument.ColumnWidths())
        {
            strips.Add((left / 20.0 + 1.5, width / 20.0 - 3));
            left += width;
        }

        return strips;
    }

    /// <summary>One column's text on the table's pages (the first page is the portrait letter), without the page numbers.</summary>
    private static string Column(PrintedDocument pdf, int column) =>
        NoSpace(string.Concat(pdf.Strips[column].Skip(1).Select(page => Regex.Replace(page, @"^\s*\d+\s*\n", ""))));

    [Fact]
    public async Task TheProvincesList_IsIssuedByTheDepartment_UnderTheProvince_AsTheQuarterlyReportIs()
    {
        await NominationAsync(Mini.V11, "Tổ dân phố số 1", AwardStatus.Selected);
        await NominationAsync(Mini.C2, "Xã Đồng Tiến", AwardStatus.Submitted, AwardForm.DistrictChairmanCertificate);

        var file = await Documents(Mini.Province, "admin").ExportListAsync(Mini.Province.Id, Year, ReportFormat.Word);
        using var word = WordprocessingDocument.Open(new MemoryStream(file.Content), false);
        var body = word.MainDocumentPart!.Document.Body!;
        var header = body.Elements<Table>().First().Descendants<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList();
        Assert.Equal(["UBND TỈNH BẮC GIANG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "Số: …/DS-SKHCN", "Bắc Giang, ngày 12 tháng 10 năm 2026"], header);
        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains(paragraphs, p => p.StartsWith("Đến ngày 12/10/2026, các đơn vị trong tỉnh Bắc Giang đã gửi 2 hồ sơ", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("GIÁM ĐỐC", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p.Contains("TM. ỦY BAN NHÂN DÂN", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("- Sở Nội vụ;", StringComparison.Ordinal));

        // The province's list names a village with its commune and district: village names repeat across communes.
        var cells = body.Elements<Table>().Last().Descendants<TableCell>().Select(c => c.InnerText).ToList();
        Assert.Contains("Tổ dân phố số 1, thị trấn Đồi Ngô, huyện Lục Nam", cells);
        Assert.Contains("Xã Đồng Tiến, huyện Yên Thế", cells);
        // Grouped by form, in the form's order: the province's certificate first.
        Assert.True(cells.IndexOf("I. BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH (1)") < cells.IndexOf("II. GIẤY KHEN CỦA CHỦ TỊCH UBND HUYỆN (1)"));
        Assert.Contains("I. BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH (1)", cells);
    }

    [Fact]
    public async Task TheAnnex_HoldsExactlyTheDecidedProvincialNominations_OneSectionPerDecisionNumber()
    {
        var first = new DateOnly(Year, 8, 19);
        var second = new DateOnly(Year, 9, 2);
        await NominationAsync(Mini.C1, "Tổ CNSCĐ Thị trấn Đồi Ngô", AwardStatus.Decided, kind: NomineeKind.Team, more: DecidedBy("1520/QĐ-UBND", first));
        await NominationAsync(Mini.V21, "Thôn Đồng Tâm", AwardStatus.Awarded, more: DecidedBy("1520/QĐ-UBND", first));
        await NominationAsync(Mini.C3, "Hoàng Thị Lan", AwardStatus.Awarded, kind: NomineeKind.Member, more: DecidedBy("1520/QĐ-UBND", first));
        await NominationAsync(Mini.C2, "Xã Đồng Tiến", AwardStatus.Decided, more: DecidedBy("1601/QĐ-UBND", second));
        // Not in the annex: not yet decided, not approved, a district's certificate, another year.
        await NominationAsync(Mini.C1, "Chờ Quyết Định", AwardStatus.Appraised, kind: NomineeKind.Member);
        await NominationAsync(Mini.C1, "Không Được Duyệt", AwardStatus.NotApproved, kind: NomineeKind.Member);
        await NominationAsync(Mini.C3, "Giấy Khen Huyện", AwardStatus.Decided, AwardForm.DistrictChairmanCertificate, NomineeKind.Member,
            more: DecidedBy("88/QĐ-UBND", first));
        await NominationAsync(Mini.C1, "Năm Trước", AwardStatus.Awarded, kind: NomineeKind.Member, year: Year - 1, more: DecidedBy("1520/QĐ-UBND", first.AddYears(-1)));

        var file = await Documents(Mini.Province, "admin").ExportAnnexAsync(Year);
        Assert.Equal("phu-luc-quyet-dinh-khen-thuong-2026.docx", file.FileName);
        using var word = WordprocessingDocument.Open(new MemoryStream(file.Content), false);
        var sections = Sections(word.MainDocumentPart!.Document.Body!);

        Assert.Equal(2, sections.Count);
        Assert.Contains("(Kèm theo Quyết định số 1520/QĐ-UBND ngày 19/08/2026 của Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang)", sections[0].Paragraphs);
        Assert.Contains("(Kèm theo Quyết định số 1601/QĐ-UBND ngày 02/09/2026 của Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang)", sections[1].Paragraphs);
        Assert.All(sections, s => Assert.Contains("PHỤ LỤC", s.Paragraphs));
        Assert.All(sections, s => Assert.Contains(AwardDocumentAnnexWord.Title, s.Paragraphs));
        // The collectives, then the individual; each row its STT, name, nominating unit and form.
        Assert.Equal(
        [
            ["I. TẬP THỂ (2)"],
            ["1", "Tổ CNSCĐ Thị trấn Đồi Ngô", "Thị trấn Đồi Ngô, huyện Lục Nam", "Bằng khen của Chủ tịch UBND tỉnh"],
            ["2", "Thôn Đồng Tâm", "Thôn Đồng Tâm, xã Đồng Tiến, huyện Yên Thế", "Bằng khen của Chủ tịch UBND tỉnh"],
            ["II. CÁ NHÂN (1)"],
            ["1", "Hoàng Thị Lan", "Xã Đông Hưng, huyện Lục Nam", "Bằng khen của Chủ tịch UBND tỉnh"],
        ], sections[0].Rows);
        Assert.Equal([["I. TẬP THỂ (1)"], ["1", "Xã Đồng Tiến", "Xã Đồng Tiến, huyện Yên Thế", "Bằng khen của Chủ tịch UBND tỉnh"]], sections[1].Rows);
        // Each decision's annex starts on a new page, numbered from its own first page.
        var breaks = word.MainDocumentPart.Document.Body!.Descendants<SectionProperties>().ToList();
        Assert.Equal(SectionMarkValues.NextPage, breaks[1].GetFirstChild<SectionType>()!.Val!.Value);
        Assert.Equal(1, breaks[1].GetFirstChild<PageNumberType>()!.Start!.Value);

        var export = Assert.Single(await AuditAsync("admin", AuditActions.Export));
        Assert.Contains("\"decisions\":2", export.Changes, StringComparison.Ordinal);

        // The decisions are the province's: a district would see a partial annex through its scope, so it is refused, once.
        await Assert.ThrowsAsync<ScopeViolationException>(() => Documents(Mini.D1, "officer-d1").ExportAnnexAsync(Year));
        var refused = Assert.Single(await AuditAsync("officer-d1", AuditActions.Refused));
        Assert.Equal((nameof(AwardNomination), Mini.D1.Id), (refused.EntityType, refused.UnitId));
        // Home Affairs' appraiser is a province account: the control.
        var appraiser = new Actor("appraiser", "appraiser", Mini.Province.Id, DataScope.WholeProvince, Role: AppRole.HomeAffairsAppraiser);
        Assert.NotEmpty((await Documents(appraiser).ExportAnnexAsync(Year)).Content);
    }

    /// <summary>The annex's sections: their paragraphs outside tables, and each table row's cell texts.</summary>
    private static List<(List<string> Paragraphs, List<List<string>> Rows)> Sections(Body body)
    {
        var sections = new List<(List<string>, List<List<string>>)> { ([], []) };
        foreach (var element in body.ChildElements)
        {
            var (paragraphs, rows) = sections[^1];
            if (element is Paragraph paragraph)
            {
                paragraphs.Add(paragraph.InnerText);
                if (paragraph.ParagraphProperties?.SectionProperties is not null)
                {
                    sections.Add(([], []));
                }
            }
            else if (element is Table table)
            {
                rows.AddRange(table.Elements<TableRow>().Where(r => r.TableRowProperties?.GetFirstChild<TableHeader>() is null)
                    .Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()));
            }
        }

        return sections.Where(s => s.Item1.Count > 0 || s.Item2.Count > 0).ToList();
    }

    [Fact]
    public async Task TheExcelList_ReadBack_HasTheHeaders_OneRowPerNomination_AndFormulaLikeTextAsText()
    {
        string[] formulaLike = ["=1+1", "+84 912 345 678", "-5 hộ chưa cài", "@Tổ trưởng", "=HYPERLINK(\"http://x.example\",\"bấm\")"];
        await NominationAsync(Mini.C1, formulaLike[0], AwardStatus.Submitted, kind: NomineeKind.Team, achievements: formulaLike[1]);
        await NominationAsync(Mini.V11, formulaLike[4], AwardStatus.Endorsed, AwardForm.CommuneChairmanCertificate, achievements: formulaLike[2]);
        await NominationAsync(Mini.V12, "Nguyễn Thị Mai", AwardStatus.Awarded, AwardForm.CommuneChairmanCertificate, NomineeKind.Member, achievements: "Hướng dẫn 320 hộ cài VNeID.", more: n =>
        {
            DecidedBy("1520/QĐ-UBND", new DateOnly(Year, 8, 19))(n);
            n.AppraisalOfficer = formulaLike[3];
            n.AppraisalComment = "Đủ điều kiện";
            n.AwardedOn = new DateOnly(Year, 10, 10);
        });
        await NominationAsync(Mini.C1, "Bản Nháp", AwardStatus.Draft);
        await NominationAsync(Mini.C3, "Xã Bên Cạnh", AwardStatus.Submitted); // the sibling commune

        var file = await Documents(Mini.C1, "officer-c1").ExportListAsync(Mini.C1.Id, Year, ReportFormat.Excel);
        Assert.Equal(("danh-sach-de-nghi-khen-thuong-2026-thi-tran-doi-ngo.xlsx", ReportFile.ExcelContentType), (file.FileName, file.ContentType));
        using var workbook = new XLWorkbook(new MemoryStream(file.Content));
        var sheet = workbook.Worksheet(AwardListWorkbook.SheetName);
        const int header = AwardListWorkbook.HeaderRow;

        Assert.Equal(["STT", "Tên tập thể / cá nhân", "Loại", "Đơn vị đề nghị", "Thành tích", "Hình thức đề nghị", "Trạng thái",
            "Cán bộ thẩm định (Sở Nội vụ)", "Ngày thẩm định", "Kết quả thẩm định", "Ý kiến thẩm định", "Số quyết định", "Ngày quyết định",
            "Người ký quyết định", "Ngày trao thưởng"], sheet.Row(header).CellsUsed().Select(c => c.GetString()).ToList());
        Assert.True(sheet.Cell(header, 1).Style.Font.Bold);
        Assert.Equal(header, sheet.SheetView.SplitRow); // the header row frozen
        Assert.Equal((XLPageOrientation.Landscape, 1, 0), (sheet.PageSetup.PageOrientation, sheet.PageSetup.PagesWide, sheet.PageSetup.PagesTall));

        var rows = Enumerable.Range(header + 1, 10).Select(sheet.Row).Where(r => !r.Cell(1).IsEmpty()).ToList();
        Assert.Equal(3, rows.Count); // not the draft, not the sibling's
        Assert.Equal(["1", "2", "3"], rows.Select(r => r.Cell(1).GetString()));
        var names = rows.Select(r => r.Cell(2).GetString()).ToList();
        Assert.Equal([formulaLike[0], formulaLike[4], "Nguyễn Thị Mai"], names); // the province's certificate, then the commune's by unit

        // Every formula-like text is the literal text, no formula, and stays text when edited in Excel.
        foreach (var cell in sheet.CellsUsed().Where(c => c.Address.RowNumber > header && c.Address.ColumnNumber > 1))
        {
            Assert.False(cell.HasFormula, $"{cell.Address} holds a formula");
            Assert.Equal(XLDataType.Text, cell.DataType);
        }

        foreach (var text in formulaLike)
        {
            var cell = Assert.Single(sheet.CellsUsed(), c => c.Address.RowNumber > header && c.GetString() == text);
            Assert.True(cell.Style.IncludeQuotePrefix, $"{text} without the quote prefix");
        }

        var awarded = rows.Single(r => r.Cell(2).GetString() == "Nguyễn Thị Mai");
        Assert.Equal(["Cá nhân", "Tổ dân phố số 2", "Hướng dẫn 320 hộ cài VNeID.", "Giấy khen của Chủ tịch UBND xã", "Đã trao thưởng", formulaLike[3],
            "16/08/2026", "Đồng ý", "Đủ điều kiện", "1520/QĐ-UBND", "19/08/2026", "Chủ tịch UBND tỉnh", "10/10/2026"],
            Enumerable.Range(3, 13).Select(c => awarded.Cell(c).GetString()));
    }

    [Fact]
    public async Task ACommuneOfficer_AskingForASiblingCommunesList_IsRefused_AndAuditedOnce_TheirOwnWorks()
    {
        await NominationAsync(Mini.C3, "Xã Đông Hưng", AwardStatus.Submitted);
        await NominationAsync(Mini.C1, "Thị trấn Đồi Ngô", AwardStatus.Submitted);
        var officer = Documents(Mini.C1, "officer-c1");

        await Assert.ThrowsAsync<ScopeViolationException>(() => officer.ExportListAsync(Mini.C3.Id, Year, ReportFormat.Word));
        var refused = Assert.Single(await AuditAsync("officer-c1", AuditActions.Refused));
        Assert.Equal((nameof(AwardNomination), Mini.C3.Id), (refused.EntityType, refused.UnitId)); // filed where C3's superiors look
        Assert.Contains(AwardDocumentMessages.UnitOutOfScope, refused.Changes, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ScopeViolationException>(() => officer.ExportListAsync(Mini.C3.Id, Year, ReportFormat.Excel));
        Assert.Equal(2, (await AuditAsync("officer-c1", AuditActions.Refused)).Count);
        Assert.Empty(await AuditAsync("officer-c1", AuditActions.Export));

        // The control: the officer's own commune.
        var own = await officer.ExportListAsync(Mini.C1.Id, Year, ReportFormat.Word);
        using var word = WordprocessingDocument.Open(new MemoryStream(own.Content), false);
        var text = word.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Thị trấn Đồi Ngô", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Xã Đông Hưng", text, StringComparison.Ordinal);
        Assert.Equal(Mini.C1.Id, Assert.Single(await AuditAsync("officer-c1", AuditActions.Export)).UnitId);
        Assert.Equal(2, (await AuditAsync("officer-c1", AuditActions.Refused)).Count);

        // A village's nominations are in its commune's list: a village leader does not issue one (refused, filed under the village).
        await Assert.ThrowsAsync<ScopeViolationException>(() => Documents(Mini.V11, "leader-v11").ExportListAsync(Mini.V11.Id, Year, ReportFormat.Word));
        Assert.Equal(Mini.V11.Id, Assert.Single(await AuditAsync("leader-v11", AuditActions.Refused)).UnitId);
    }
}

public sealed class SqliteAwardDocumentTests() : AwardDocumentTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlAwardDocumentTests() : AwardDocumentTests(DatabaseProvider.PostgreSql);
