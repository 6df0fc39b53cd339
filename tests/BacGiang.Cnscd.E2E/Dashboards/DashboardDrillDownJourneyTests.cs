using System.Globalization;
using BacGiang.Cnscd.E2E.Infrastructure;
using BacGiang.Cnscd.Web.Demo;
using Microsoft.Playwright;

namespace BacGiang.Cnscd.E2E.Dashboards;

/// <summary>A province leader drills down the dashboard and the household figures add up at every level.</summary>
public class DashboardDrillDownJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private static int Number(string text) => int.Parse(text.Trim().Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    /// <summary>The unit's total and its child rows (name, households, covered) as the page shows them.</summary>
    private static async Task<(int Households, int Covered, List<(string Name, int Households, int Covered)> Rows)> ReadAsync(IPage page)
    {
        var households = Number(await page.Locator("#figure-households").InnerTextAsync());
        var covered = Number(await page.Locator("#figure-covered").InnerTextAsync());
        var rows = new List<(string, int, int)>();
        foreach (var row in await page.Locator("tr.dashboard-row").AllAsync())
        {
            rows.Add((await row.Locator(".dashboard-child-link").InnerTextAsync(), Number(await row.Locator(".dashboard-child-households").InnerTextAsync()),
                Number(await row.Locator(".dashboard-child-covered").InnerTextAsync())));
        }

        return (households, covered, rows);
    }

    [Fact]
    public async Task ProvinceLeader_DrillsDownToAVillage_AndTheNumbersAddUpAtEachLevel()
    {
        var page = await portal.SignInAsync("lanhdao@demo.cnscd.vn", DemoAccounts.Password);
        await page.GotoAsync(portal.BaseUrl + "/dashboard");
        await Assertions.Expect(page.Locator("#dashboard-title")).ToHaveTextAsync("Tỉnh Bắc Giang");

        var expected = -1;
        var expectedCovered = -1;
        foreach (var level in new[] { "tỉnh", "huyện", "xã", "thôn" })
        {
            await Assertions.Expect(page.Locator(".dashboard[data-interactive=true]")).ToBeVisibleAsync();
            var (households, covered, rows) = await ReadAsync(page);
            if (expected >= 0)
            {
                // This unit's dashboard shows exactly what its row said one level up.
                Assert.Equal(expected, households);
                Assert.Equal(expectedCovered, covered);
            }

            if (level == "thôn")
            {
                Assert.Empty(rows);
                await Assertions.Expect(page.Locator(".dashboard-register-link")).ToBeVisibleAsync();
                break;
            }

            Assert.True(households > 0, $"the {level} has households");
            Assert.Equal(households, rows.Sum(r => r.Households));
            Assert.Equal(covered, rows.Sum(r => r.Covered));

            // Drill into the child with the most households (the demo seed fills two communes per district).
            var next = rows.OrderByDescending(r => r.Households).First();
            expected = next.Households;
            expectedCovered = next.Covered;
            await page.Locator("tr.dashboard-row").Filter(new() { HasText = next.Name }).First.Locator("td").Nth(1).ClickAsync();
            await Assertions.Expect(page.Locator("#dashboard-title")).ToHaveTextAsync(next.Name);
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dashboard/unit/\\d+$"));
        }

        // The breadcrumb leads back up to the province.
        await Assertions.Expect(page.Locator(".dashboard-breadcrumbs")).ToContainTextAsync("Tỉnh Bắc Giang");
    }
}
