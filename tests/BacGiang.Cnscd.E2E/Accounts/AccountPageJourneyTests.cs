using BacGiang.Cnscd.E2E.Infrastructure;
using BacGiang.Cnscd.Web.Demo;
using Microsoft.Playwright;

namespace BacGiang.Cnscd.E2E.Accounts;

/// <summary>A commune officer manages the commune's village-leader accounts from a phone.</summary>
public class AccountPageJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task CommuneOfficer_OnA360PxPhone_LocksAVillageLeaderAfterConfirming()
    {
        var page = await portal.SignInAsync("xa@demo.cnscd.vn", DemoAccounts.Password, new ViewportSize { Width = 360, Height = 740 });
        await page.GotoAsync(portal.BaseUrl + "/accounts");

        var list = page.Locator(".account-list");
        await Assertions.Expect(list).ToContainTextAsync("thon@demo.cnscd.vn");
        await Assertions.Expect(list).ToContainTextAsync("Đang hoạt động");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the phone");
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cnscd-e2e"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "cnscd-e2e", "accounts-phone.png"), FullPage = true });

        await page.Locator(".account-lock").First.ClickAsync();
        // Nothing changes until the officer confirms.
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("khóa");
        await dialog.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("Khóa", System.Text.RegularExpressions.RegexOptions.IgnoreCase) }).Last.ClickAsync();

        await Assertions.Expect(list).ToContainTextAsync("Đã khóa");
    }
}
