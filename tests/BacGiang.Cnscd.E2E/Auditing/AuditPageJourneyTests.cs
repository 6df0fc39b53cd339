using BacGiang.Cnscd.E2E.Infrastructure;
using BacGiang.Cnscd.Web.Demo;
using Microsoft.Playwright;

namespace BacGiang.Cnscd.E2E.Auditing;

/// <summary>The audit page shows the day's events of a demo session.</summary>
public class AuditPageJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task ProvinceAdmin_SeesTodaysSignIns_AndFiltersByAction()
    {
        // A district officer's session, then the admin reads the log.
        var officer = await portal.SignInAsync("huyen@demo.cnscd.vn", DemoAccounts.Password);
        await officer.Context.CloseAsync();
        var page = await portal.SignInAsync("admin@demo.cnscd.vn", DemoAccounts.Password, authenticatorKey: DemoAccounts.AdminAuthenticatorKey);
        await page.GotoAsync(portal.BaseUrl + "/audit");

        var table = page.Locator(".audit-table");
        await Assertions.Expect(table).ToContainTextAsync("huyen@demo.cnscd.vn");
        await Assertions.Expect(table).ToContainTextAsync("Đăng nhập");
        var today = DateTime.UtcNow.AddHours(7).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(table).ToContainTextAsync(today);

        await page.Locator(".audit-user input").FillAsync("huyen@");
        await page.ClickAsync(".audit-search");
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);

        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cnscd-e2e"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "cnscd-e2e", "audit.png"), FullPage = true });
    }
}
