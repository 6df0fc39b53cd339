using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Reports;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Core.Text;
using BacGiang.Cnscd.E2E.Infrastructure;
using BacGiang.Cnscd.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BacGiang.Cnscd.E2E.Accessibility;

/// <summary>
/// Keyboard only (issue 21): a village leader finds a household and logs a visit, and a district officer approves a
/// commune's report, with Tab, Enter and Space alone — and every control the keyboard lands on shows where the focus is.
/// </summary>
public class KeyboardJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const int MaxTabs = 80;

    private CnscdDbContext SystemContext() =>
        CnscdDatabase.CreateContext(portal.Services.GetRequiredService<DatabaseSettings>(), Actor.System("test"));

    [Fact]
    public async Task AVillageLeader_LogsAVisit_WithTheKeyboardAlone()
    {
        (int Id, string HeadName) household;
        await using (var db = SystemContext())
        {
            var village = await db.Units.SingleAsync(u => u.Code == "07444-01");
            var heads = await db.Households.Where(h => h.UnitId == village.Id).OrderBy(h => h.Id).Select(h => new { h.Id, h.HeadName }).ToListAsync();
            var keys = heads.Select(h => VietnameseText.ToSearchKey(h.HeadName)).ToList();
            var unique = heads.Last(h => keys.Count(k => k.StartsWith(VietnameseText.ToSearchKey(h.HeadName), StringComparison.Ordinal)) == 1);
            household = (unique.Id, unique.HeadName);
        }

        var startedUtc = DateTime.UtcNow.AddSeconds(-1);
        var page = await portal.SignInAsync("thon@demo.cnscd.vn", DemoAccounts.Password);
        await page.GotoAsync(portal.BaseUrl + "/households");
        await Assertions.Expect(page.Locator("#household-title[data-ready='true']")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await TabToAsync(page, ".household-search input");
        await page.Keyboard.TypeAsync(VietnameseText.ToSearchKey(household.HeadName));
        await Assertions.Expect(page.Locator(".household-register tbody tr")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await TabToAsync(page, "a.household-head");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#visit-household[data-ready='true']")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await TabToAsync(page, ".skill-toggle[data-skill='OnlinePublicServices']");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator(".skill-toggle[data-skill='OnlinePublicServices']")).ToHaveAttributeAsync("aria-pressed", "true");
        await TabToAsync(page, ".save-visit");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".visit-saved")).ToContainTextAsync("Đã lưu lượt thăm");

        await using var check = SystemContext();
        var visit = await check.HouseholdVisits.SingleAsync(v => v.HouseholdId == household.Id && v.CreatedAtUtc >= startedUtc);
        Assert.True(visit.SkillsGuided.HasFlag(DigitalSkills.OnlinePublicServices));
    }

    [Fact]
    public async Task ADistrictOfficer_ApprovesAReport_WithTheKeyboardAlone()
    {
        var period = ReportingPeriod.Containing(Core.Time.VietnamClock.DateOf(DateTime.UtcNow));
        int communeId;
        await using (var db = SystemContext())
        {
            communeId = await db.Units.Where(u => u.Code == "07444").Select(u => u.Id).SingleAsync();
        }

        // The commune submits its report through the workflow, as its officer.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var officer = (await users.FindByEmailAsync("xa@demo.cnscd.vn"))!;
            var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(officer);
            scope.ServiceProvider.GetRequiredService<Web.Security.CurrentUser>().Set(principal);
            var submitted = await scope.ServiceProvider.GetRequiredService<ReportWorkflowService>().SubmitAsync(communeId, period.Year, period.Quarter,
                new ReportNarrative("Đã hướng dẫn các hộ.", "Sóng yếu ở thôn vùng cao.", "Hỗ trợ thiết bị."), 0);
            Assert.True(submitted.Succeeded, submitted.Error);
        }

        var page = await portal.SignInAsync("huyen@demo.cnscd.vn", DemoAccounts.Password);
        await page.GotoAsync($"{portal.BaseUrl}/reports/{communeId}/{period.Year}/{period.Quarter}");
        await Assertions.Expect(page.Locator("#report-title[data-ready='true']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await TabToAsync(page, ".report-approve");
        await page.Keyboard.PressAsync("Enter");
        // The confirmation takes the keyboard too: Tab to its "Duyệt" button.
        await Assertions.Expect(page.Locator(".mud-dialog")).ToBeVisibleAsync();
        await TabToAsync(page, ".mud-dialog .mud-dialog-actions button:has-text('Duyệt')");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".report-status")).ToContainTextAsync(ReportStatus.Approved.ToVietnamese());
    }

    /// <summary>
    /// Presses Tab until the focus is on (or inside) <paramref name="selector"/>, and checks that the focused control
    /// shows it with an outline (a filled button's elevation shadow is there without focus too, so it does not count).
    /// </summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        var target = page.Locator(selector).First;
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement || el.contains(document.activeElement)"))
            {
                var indicator = await page.EvaluateAsync<string>(
                    """
                    () => {
                        const el = document.activeElement;
                        const s = getComputedStyle(el);
                        if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) return 'outline';
                        return 'none: ' + el.tagName + '.' + el.className;
                    }
                    """);
                Assert.True(indicator == "outline", $"{selector} has the focus but shows no focus indicator ({indicator})");
                return;
            }
        }

        Assert.Fail($"{MaxTabs} presses of Tab never reached {selector}");
    }
}
