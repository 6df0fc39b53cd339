using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Reports;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using ClosedXML.Excel;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.IntegrationTests.Reports;

/// <summary>The exported workbook read back: Decree 30 header, formulas that equal the rows' sum, print set-up.</summary>
public abstract class ReportWorkbookTests(DatabaseProvider provider) : EngineTestBase(provider)
{
    private static readonly ReportNarrative Narrative = new("Kết quả: đã hướng dẫn 6 hộ.", "Khó khăn: thiếu thiết bị.", "Đề xuất: cấp kinh phí.");

    private async Task<XLWorkbook> ExportAsync(AdministrativeUnit unit, ReportOptions? options = null)
    {
        var actor = MiniProvince.ActorFor(unit, "xuat-" + unit.Code);
        var service = CoreServices.CreateOn<ReportExportService>(new DateOnly(2026, 12, 18), new ActorContextFactory(Database, actor),
            Options.Create(options ?? new ReportOptions()));
        var file = await service.ExportAsync(unit.Id, 2026, 4);
        return new XLWorkbook(new MemoryStream(file.Content));
    }

    [Fact]
    public async Task DistrictExport_HasTheAdministrativeHeader_TheNarrative_AndTheSignatureBlock()
    {
        await ReportFixture.BuildAsync(Database, Mini);
        var district = CoreServices.Create<ReportWorkflowService>(new ActorContextFactory(Database, MiniProvince.ActorFor(Mini.D1, "d1")));
        Assert.True((await district.SubmitAsync(Mini.D1.Id, 2026, 4, Narrative, 0)).Succeeded);

        using var workbook = await ExportAsync(Mini.D1, new ReportOptions { RecipientName = "Sở Thông tin và Truyền thông" });
        var sheet = workbook.Worksheet(ReportWorkbook.SheetName);
        var texts = sheet.CellsUsed().Select(c => c.GetString()).ToList();

        Assert.Equal("UBND HUYỆN LỤC NAM", sheet.Cell("A1").GetString());
        Assert.Equal("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", sheet.Cell("H1").GetString());
        Assert.Equal("Độc lập - Tự do - Hạnh phúc", sheet.Cell("H2").GetString());
        Assert.Equal("Số: …/BC-UBND", sheet.Cell("A3").GetString());
        Assert.Matches(@"^Lục Nam, ngày \d{2} tháng \d{2} năm 20\d{2}$", sheet.Cell("H3").GetString());
        Assert.Equal("BÁO CÁO", sheet.Cell("A5").GetString());
        Assert.StartsWith("Kết quả hoạt động của Tổ công nghệ số cộng đồng quý IV năm 2026", sheet.Cell("A6").GetString(), StringComparison.Ordinal);
        Assert.Equal("Kính gửi: Sở Thông tin và Truyền thông", sheet.Cell("A8").GetString());
        Assert.Contains("II. KẾT QUẢ THỰC HIỆN", texts);
        Assert.Contains(Narrative.Difficulties, texts);
        Assert.Contains(Narrative.Proposals, texts);
        Assert.Contains("Nơi nhận:", texts);
        Assert.Contains("TM. ỦY BAN NHÂN DÂN", texts);
        Assert.Contains("CHỦ TỊCH", texts);
        Assert.True(sheet.Range("A1:E1").IsMerged());
        Assert.Equal(ReportWorkbook.FontName, sheet.Cell("A1").Style.Font.FontName);
        Assert.Equal(ReportWorkbook.FontName, sheet.Cell(ReportWorkbook.TableHeaderRow + 1, 2).Style.Font.FontName);
    }

    [Fact]
    public async Task DistrictExport_TotalRowFormulas_EqualTheSumOfTheCommuneRows()
    {
        await ReportFixture.BuildAsync(Database, Mini);
        using var workbook = await ExportAsync(Mini.D1);
        var sheet = workbook.Worksheet(ReportWorkbook.SheetName);
        var first = ReportWorkbook.TableHeaderRow + 1;

        Assert.Equal(Mini.C1.Name, sheet.Cell(first, 2).GetString());
        Assert.Equal(Mini.C3.Name, sheet.Cell(first + 1, 2).GetString());
        var total = first + 2;
        Assert.Equal("Tổng cộng", sheet.Cell(total, 2).GetString());
        var numericColumns = 0;
        for (var c = 3; c <= ReportWorkbook.Columns.Length; c++)
        {
            if (c is ReportWorkbook.RatioColumn or ReportWorkbook.TargetColumn)
            {
                continue;
            }

            var cell = sheet.Cell(total, c);
            Assert.True(cell.HasFormula, $"column {c} of the total row has no formula");
            var sum = sheet.Cell(first, c).GetDouble() + sheet.Cell(first + 1, c).GetDouble();
            Assert.Equal(sum, cell.GetDouble());
            numericColumns++;
        }

        Assert.Equal(14, numericColumns); // 18 columns less STT, name, ratio and target
        Assert.Equal(9d, sheet.Cell(total, ReportWorkbook.HouseholdsColumn).GetDouble()); // 6 in C1 + 3 in C3, by hand
        Assert.Equal(2d, sheet.Cell(total, ReportWorkbook.CoveredColumn).GetDouble());
        Assert.True(sheet.Cell(total, ReportWorkbook.RatioColumn).HasFormula);
        Assert.Equal(22.2d, sheet.Cell(total, ReportWorkbook.RatioColumn).GetDouble()); // ROUND(2/9*100, 1)
        Assert.Equal(33.3d, sheet.Cell(first, ReportWorkbook.RatioColumn).GetDouble());
        Assert.Equal("BÁO CÁO (DỰ THẢO)", sheet.Cell("A5").GetString()); // not submitted yet
        // Exported on 18/12, before the quarter's end: the figures stand at the day of the report, not at 31/12 to come.
        Assert.Equal("I. SỐ LIỆU (tính đến ngày 18/12/2026)", sheet.Cell("A10").GetString());
    }

    [Fact]
    public async Task Export_IsSetUpForA4_WithFixedColumnWidths()
    {
        using var workbook = await ExportAsync(Mini.Province);
        var sheet = workbook.Worksheet(ReportWorkbook.SheetName);

        Assert.Equal(XLPaperSize.A4Paper, sheet.PageSetup.PaperSize);
        Assert.Equal(XLPageOrientation.Landscape, sheet.PageSetup.PageOrientation);
        Assert.Equal(1, sheet.PageSetup.PagesWide);
        Assert.Equal(0, sheet.PageSetup.PagesTall);
        Assert.Equal(ReportWorkbook.Columns.Select(c => c.Width), Enumerable.Range(1, ReportWorkbook.Columns.Length).Select(c => sheet.Column(c).Width));
        // Issued by the Department under the province's committee, and a draft while no district has reported.
        Assert.Equal("UBND TỈNH BẮC GIANG", sheet.Cell("A1").GetString());
        Assert.Equal("SỞ KHOA HỌC VÀ CÔNG NGHỆ", sheet.Cell("A2").GetString());
        Assert.Equal("Số: …/BC-SKHCN", sheet.Cell("A3").GetString());
        Assert.Equal("BÁO CÁO (DỰ THẢO)", sheet.Cell("A5").GetString());
        Assert.Equal("Kính gửi: Ủy ban nhân dân tỉnh Bắc Giang", sheet.Cell("A8").GetString());
        Assert.Contains("GIÁM ĐỐC", sheet.CellsUsed().Select(c => c.GetString()));
        // The province's compilation: one row per district.
        var first = ReportWorkbook.TableHeaderRow + 1;
        Assert.Equal(new[] { Mini.D1.Name, Mini.D2.Name }.Order(), new[] { sheet.Cell(first, 2).GetString(), sheet.Cell(first + 1, 2).GetString() }.Order());
        Assert.Equal("Tổng cộng", sheet.Cell(first + 2, 2).GetString());
    }
}

public sealed class SqliteReportWorkbookTests() : ReportWorkbookTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlReportWorkbookTests() : ReportWorkbookTests(DatabaseProvider.PostgreSql);
