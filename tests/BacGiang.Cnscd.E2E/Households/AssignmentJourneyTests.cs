using BacGiang.Cnscd.E2E.Infrastructure;
using BacGiang.Cnscd.Web.Demo;
using Microsoft.Playwright;

namespace BacGiang.Cnscd.E2E.Households;

/// <summary>A village leader ticks households in the register, assigns them to themself, and finds them on "my households".</summary>
public class AssignmentJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task VillageLeader_AssignsTwoHouseholdsInBulk_AndSeesThemWithWhatTheyLack()
    {
        var page = await portal.SignInAsync("thon@demo.cnscd.vn", DemoAccounts.Password);
        await page.GotoAsync(portal.BaseUrl + "/households");
        await Assertions.Expect(page.Locator("#household-title[data-ready='true']")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        var rowChecks = page.Locator(".household-register tbody tr input[type=checkbox]");
        await Assertions.Expect(rowChecks.First).ToBeVisibleAsync();
        var heads = new[]
        {
            await page.Locator(".household-register tbody tr .household-head").Nth(0).InnerTextAsync(),
            await page.Locator(".household-register tbody tr .household-head").Nth(1).InnerTextAsync(),
        };
        await rowChecks.Nth(0).CheckAsync();
        await rowChecks.Nth(1).CheckAsync();

        await Assertions.Expect(page.Locator(".household-assign")).ToContainTextAsync("Đã chọn 2 hộ");
        await page.Locator(".household-assignee").ClickAsync();
        // Members are listed leader first, and the demo village leader's account is that team's leader.
        await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await page.ClickAsync(".household-assign-button");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Đã phân công 2 hộ");

        await page.GotoAsync(portal.BaseUrl + "/households/mine");
        var mine = page.Locator(".my-households");
        foreach (var head in heads)
        {
            await Assertions.Expect(mine).ToContainTextAsync(head);
        }
    }
}
