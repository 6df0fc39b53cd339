using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.E2E.Infrastructure;
using BacGiang.Cnscd.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BacGiang.Cnscd.E2E.Accessibility;

/// <summary>
/// On a 360-px phone the village leader's pages read at 16 px or more (issue 21): every visible text of the pages a
/// village leader works on, measured in the browser (the computed size: a filled field's floating label, drawn at 75 % by
/// MudBlazor's transform, is not seen), and none wider than the phone.
/// </summary>
public class PhoneTextSizeTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task TheVillageLeadersPages_ReadAtSixteenPixelsOrMore()
    {
        int village, household;
        await using (var db = CnscdDatabase.CreateContext(portal.Services.GetRequiredService<DatabaseSettings>(), Actor.System("test")))
        {
            village = await db.Units.Where(u => u.Code == "07444-01").Select(u => u.Id).SingleAsync();
            household = await db.Households.Where(h => h.UnitId == village).OrderBy(h => h.Id).Select(h => h.Id).FirstAsync();
        }

        var page = await portal.SignInAsync("thon@demo.cnscd.vn", DemoAccounts.Password, new ViewportSize { Width = 360, Height = 740 });
        var failures = new List<string>();
        foreach (var url in new[] { "/", "/households/mine", $"/households/village/{village}", $"/households/{household}/visit", "/practices" })
        {
            await page.GotoAsync(portal.BaseUrl + url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var small = await page.EvaluateAsync<string[]>(
                """
                () => {
                    const found = new Set();
                    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                        const text = node.textContent.trim();
                        const el = node.parentElement;
                        if (!text || !el || el.closest('.visually-hidden, .mud-sr-only, [aria-hidden="true"], svg')) continue;
                        const box = el.getBoundingClientRect();
                        const style = getComputedStyle(el);
                        // Not on screen: a closed drawer's links sit beyond the left edge.
                        if (box.width === 0 || box.height === 0 || box.right <= 0 || box.left >= window.innerWidth
                            || style.visibility === 'hidden' || style.display === 'none') continue;
                        const size = parseFloat(style.fontSize);
                        if (size < 16) found.add(size + 'px: ' + text.slice(0, 40));
                    }
                    return [...found].slice(0, 12);
                }
                """);
            failures.AddRange(small.Select(s => $"{url} {s}"));
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            if (overflow > 0)
            {
                failures.Add($"{url} is {overflow}px wider than the phone");
            }
        }

        Assert.True(failures.Count == 0, "Text under 16 px on the phone:\n" + string.Join("\n", failures));
    }
}
