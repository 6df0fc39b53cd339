using BacGiang.Cnscd.E2E.Infrastructure;
using BacGiang.Cnscd.Web.Demo;
using ClosedXML.Excel;
using Microsoft.Playwright;

namespace BacGiang.Cnscd.E2E.Households;

/// <summary>
/// A village leader imports a sheet of thousands of households from the register and watches the progress bar. The file is
/// chosen through the "Nhập từ Excel" button and the browser's file chooser (<see cref="FileChoosing"/>): an earlier
/// version set the hidden file input directly, which raced with the upload component's start-up and was removed as flaky.
/// </summary>
public class ImportJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task VillageLeader_ImportsFiveThousandHouseholds_WithAProgressBar_ThenABadFileShowsItsRows()
    {
        var good = Path.Combine(Path.GetTempPath(), $"ho-gia-dinh-{Guid.NewGuid():N}.xlsx");
        var bad = Path.Combine(Path.GetTempPath(), $"ho-gia-dinh-loi-{Guid.NewGuid():N}.xlsx");
        try
        {
            WriteSheet(good, Enumerable.Range(1, 5000).Select(i => new[] { "07444-01", $"Hộ Nhập Thử {i}", $"Xóm {i % 9}", "0912345678" }));
            WriteSheet(bad, [["07444-01", "Hộ Lỗi Số", "Xóm 1", "0912"], ["07444-02", "Hộ Thôn Khác", "Xóm 2", ""]]);
            var page = await portal.SignInAsync("thon@demo.cnscd.vn", DemoAccounts.Password);
            await page.GotoAsync(portal.BaseUrl + "/households");
            await Assertions.Expect(page.Locator("#household-title[data-ready='true']")).ToBeVisibleAsync(new() { Timeout = 20_000 });

            await page.ChooseFileAsync(ImportButton(page), good);

            await Assertions.Expect(page.Locator(".household-import-progress .mud-progress-linear")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Đã thêm 5.000 hộ gia đình vào sổ.", new() { Timeout = 60_000 });
            await Assertions.Expect(page.Locator(".household-import-progress")).ToHaveCountAsync(0);

            await page.ChooseFileAsync(ImportButton(page), bad);

            var errors = page.Locator(".household-import-errors");
            await Assertions.Expect(errors).ToContainTextAsync("Số điện thoại '0912' không hợp lệ", new() { Timeout = 20_000 });
            await Assertions.Expect(errors).ToContainTextAsync("Thôn 07444-02 không thuộc phạm vi đơn vị của bạn.");
            await Assertions.Expect(page.Locator(".household-import-errors tbody tr")).ToHaveCountAsync(2);
        }
        finally
        {
            File.Delete(good);
            File.Delete(bad);
        }
    }

    private static ILocator ImportButton(IPage page) => page.Locator(".household-excel button").Filter(new() { HasText = "Nhập từ Excel" });

    private static void WriteSheet(string path, IEnumerable<string[]> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Hộ gia đình");
        string[] header = ["Mã thôn", "Họ và tên chủ hộ", "Địa chỉ", "Số điện thoại"];
        for (var c = 0; c < header.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(header[c]);
        }

        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                sheet.Cell(r, c + 1).SetValue(row[c]);
            }

            r++;
        }

        workbook.SaveAs(path);
    }
}
