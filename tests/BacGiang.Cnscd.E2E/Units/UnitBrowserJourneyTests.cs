using BacGiang.Cnscd.E2E.Infrastructure;
using BacGiang.Cnscd.Web.Demo;
using Microsoft.Playwright;

namespace BacGiang.Cnscd.E2E.Units;

/// <summary>In a real browser: the demo province admin signs in and walks the unit tree.</summary>
public class UnitBrowserJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private static readonly string ArtifactDirectory = Path.Combine(Path.GetTempPath(), "cnscd-e2e");

    [Fact]
    public async Task ProvinceAdmin_SignsIn_AndDrillsFromProvinceToVillage()
    {
        var page = await portal.SignInAsync("admin@demo.cnscd.vn", DemoAccounts.Password, authenticatorKey: DemoAccounts.AdminAuthenticatorKey);
        await page.GotoAsync(portal.BaseUrl + "/units");

        // The ten real district-level units, loaded over the circuit.
        var rows = page.Locator(".unit-children tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(10);
        foreach (var district in new[] { "Thành phố Bắc Giang", "Huyện Lục Nam", "Huyện Sơn Động", "Thị xã Chũ" })
        {
            await Assertions.Expect(page.Locator(".unit-children")).ToContainTextAsync(district);
        }

        await page.ClickAsync(".unit-children a:text-is('Huyện Lục Nam')");
        await Assertions.Expect(page.Locator("#unit-title")).ToHaveTextAsync("Huyện Lục Nam");
        await Assertions.Expect(page.Locator(".unit-children")).ToContainTextAsync("Thị trấn Đồi Ngô");

        await page.ClickAsync(".unit-children a:text-is('Thị trấn Đồi Ngô')");
        await Assertions.Expect(page.Locator("#unit-title")).ToHaveTextAsync("Thị trấn Đồi Ngô");
        await Assertions.Expect(page.Locator(".unit-breadcrumbs")).ToContainTextAsync("Tỉnh Bắc Giang");
        await Assertions.Expect(page.Locator(".unit-children")).ToContainTextAsync("Tổ dân phố số 1");

        Directory.CreateDirectory(ArtifactDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactDirectory, "unit-browser-desktop.png"), FullPage = true });
    }

    [Fact]
    public async Task ProvinceAdmin_SearchesACommuneWithoutDiacritics()
    {
        var page = await portal.SignInAsync("admin@demo.cnscd.vn", DemoAccounts.Password, authenticatorKey: DemoAccounts.AdminAuthenticatorKey);
        await page.GotoAsync(portal.BaseUrl + "/units");
        await Assertions.Expect(page.Locator(".unit-children tbody tr")).ToHaveCountAsync(10);

        await page.Locator(".unit-search input").FillAsync("luc ngan");

        await Assertions.Expect(page.Locator(".unit-children tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".unit-children tbody")).ToContainTextAsync("Huyện Lục Ngạn");
    }

    [Fact]
    public async Task CommuneOfficer_OnA360PxPhone_SeesTheirCommuneWithoutSidewaysScrolling()
    {
        var page = await portal.SignInAsync("xa@demo.cnscd.vn", DemoAccounts.Password, new ViewportSize { Width = 360, Height = 740 });
        await page.GotoAsync(portal.BaseUrl + "/units");

        await Assertions.Expect(page.Locator("#unit-title")).ToHaveTextAsync("Thị trấn Đồi Ngô");
        await Assertions.Expect(page.Locator(".unit-children")).ToContainTextAsync("Tổ dân phố số 1");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the phone");

        Directory.CreateDirectory(ArtifactDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactDirectory, "unit-browser-phone.png"), FullPage = true });
    }
}
