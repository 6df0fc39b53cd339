using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Reports;
using BacGiang.Cnscd.E2E.Infrastructure;
using BacGiang.Cnscd.Web.Demo;
using ClosedXML.Excel;
using Microsoft.Playwright;

namespace BacGiang.Cnscd.E2E.Reports;

/// <summary>
/// The quarterly report round trip in a real browser: the commune submits, the district returns it with a reason, the
/// commune corrects and resubmits, the district approves and downloads the Excel file.
/// </summary>
public class QuarterlyReportJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string Commune = "xa@demo.cnscd.vn";      // Thị trấn Đồi Ngô
    private const string District = "huyen@demo.cnscd.vn";  // Huyện Lục Nam

    [Fact]
    public async Task CommuneSubmits_DistrictReturns_CommuneResubmits_DistrictApproves_AndDownloadsTheExcel()
    {
        // 1. The commune opens its report for the current quarter from the list; submitting with a part empty is refused field by field.
        var commune = await portal.SignInAsync(Commune, DemoAccounts.Password);
        await commune.GotoAsync(portal.BaseUrl + "/reports");
        await Assertions.Expect(commune.Locator("#report-list-title[data-ready='true']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await commune.ClickAsync(".report-open");
        await WaitReadyAsync(commune);
        var reportUrl = commune.Url;
        await commune.FillAsync(".report-results textarea", "Đã hướng dẫn các hộ sử dụng VNeID.");
        await commune.FillAsync(".report-difficulties textarea", "Nhiều hộ chưa có điện thoại thông minh.");
        await commune.ClickAsync(".report-submit");
        await Assertions.Expect(commune.Locator(".report-proposals")).ToContainTextAsync("Chưa nhập \"Đề xuất, kiến nghị\"");
        await Assertions.Expect(commune.Locator(".report-status")).ToContainTextAsync(ReportStatus.Draft.ToVietnamese());

        await commune.FillAsync(".report-proposals textarea", "Đề nghị huyện hỗ trợ thiết bị.");
        await commune.ClickAsync(".report-submit");
        await ConfirmAsync(commune, "Gửi");
        await Assertions.Expect(commune.Locator(".report-status")).ToContainTextAsync(ReportStatus.Submitted.ToVietnamese());

        // 2. The district sees it in the list of its communes and returns it with a reason.
        var district = await portal.SignInAsync(District, DemoAccounts.Password);
        await district.GotoAsync(portal.BaseUrl + "/reports");
        await Assertions.Expect(district.Locator("#report-list-title[data-ready='true']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var row = district.Locator(".report-children tbody tr", new() { HasText = "Đồi Ngô" });
        await Assertions.Expect(row.Locator(".report-child-status")).ToContainTextAsync(ReportStatus.Submitted.ToVietnamese());
        await row.Locator(".report-child").ClickAsync();
        await WaitReadyAsync(district);
        await district.FillAsync(".report-comment textarea", "Bổ sung số hộ đã có tài khoản dịch vụ công.");
        await district.ClickAsync(".report-return");
        await ConfirmAsync(district, "Trả lại");
        await Assertions.Expect(district.Locator(".report-status")).ToContainTextAsync(ReportStatus.Returned.ToVietnamese());

        // 3. The commune sees the reason, corrects and resubmits.
        await commune.GotoAsync(reportUrl);
        await WaitReadyAsync(commune);
        await Assertions.Expect(commune.Locator(".report-return-reason")).ToContainTextAsync("Bổ sung số hộ đã có tài khoản dịch vụ công.");
        await commune.FillAsync(".report-results textarea", "Đã hướng dẫn các hộ sử dụng VNeID và dịch vụ công trực tuyến.");
        await commune.ClickAsync(".report-submit");
        await ConfirmAsync(commune, "Gửi");
        await Assertions.Expect(commune.Locator(".report-status")).ToContainTextAsync(ReportStatus.Submitted.ToVietnamese());

        // 4. The district approves: locked, both versions in the history.
        await district.ReloadAsync();
        await WaitReadyAsync(district);
        await district.ClickAsync(".report-approve");
        await ConfirmAsync(district, "Duyệt");
        await Assertions.Expect(district.Locator(".report-status")).ToContainTextAsync(ReportStatus.Approved.ToVietnamese());
        await Assertions.Expect(district.Locator(".report-version")).ToHaveCountAsync(2);
        await Assertions.Expect(district.Locator(".report-submit")).ToHaveCountAsync(0);

        // 5. The district downloads its quarterly Excel, which lists the commune among its rows.
        await district.GotoAsync(portal.BaseUrl + "/reports");
        var download = await district.RunAndWaitForDownloadAsync(() => district.ClickAsync(".report-list-excel"));
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xlsx");
        await download.SaveAsAsync(path);
        try
        {
            using var workbook = new XLWorkbook(path);
            var sheet = workbook.Worksheet(ReportWorkbook.SheetName);
            Assert.Equal("UBND HUYỆN LỤC NAM", sheet.Cell("A1").GetString());
            Assert.Contains(sheet.Column(2).CellsUsed(), c => c.GetString() == "Thị trấn Đồi Ngô");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task WaitReadyAsync(IPage page) =>
        await Assertions.Expect(page.Locator("#report-title[data-ready='true']")).ToBeVisibleAsync(new() { Timeout = 20_000 });

    private static async Task ConfirmAsync(IPage page, string yes) =>
        await page.Locator(".mud-dialog .mud-dialog-actions button", new() { HasText = yes }).ClickAsync();
}
