using BacGiang.Cnscd.E2E.Infrastructure;
using BacGiang.Cnscd.Web.Demo;
using Microsoft.Playwright;

namespace BacGiang.Cnscd.E2E.Teams;

/// <summary>In a real browser: a commune officer opens their commune's team on a phone.</summary>
public class TeamPageJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private static readonly string ArtifactDirectory = Path.Combine(Path.GetTempPath(), "cnscd-e2e");

    [Fact]
    public async Task CommuneOfficer_OnA360PxPhone_OpensTheirTeam_WithChecklistAndRoster_WithoutSidewaysScrolling()
    {
        var page = await portal.SignInAsync("xa@demo.cnscd.vn", DemoAccounts.Password, new ViewportSize { Width = 360, Height = 740 });
        await page.GotoAsync(portal.BaseUrl + "/units");
        await Assertions.Expect(page.Locator("#unit-title")).ToHaveTextAsync("Thị trấn Đồi Ngô");

        await page.ClickAsync(".unit-team-link");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/teams/unit/\\d+$"));
        await Assertions.Expect(page.Locator("#team-title")).ToHaveTextAsync("Tổ CNSCĐ Thị trấn Đồi Ngô");
        await Assertions.Expect(page.Locator(".team-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(Đã|Chưa) kiện toàn$"));
        await Assertions.Expect(page.Locator(".team-check")).ToHaveCountAsync(3, new() { Timeout = 10_000 });
        Assert.True(await page.Locator(".team-roster .team-member-name").CountAsync() > 0, "the demo team has members");
        // The commune officer manages these people: phones are in full and callable.
        await Assertions.Expect(page.Locator("a.team-member-phone").First)
            .ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^tel:0\\d{9}$"), new() { Timeout = 30_000 });

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the phone");

        Directory.CreateDirectory(ArtifactDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactDirectory, "team-page-phone.png"), FullPage = true });
    }
}
