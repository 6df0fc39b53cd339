using System.Text.Json;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Core.Text;
using BacGiang.Cnscd.E2E.Infrastructure;
using BacGiang.Cnscd.Testing;
using BacGiang.Cnscd.Web.Components.Pages.Households;
using BacGiang.Cnscd.Web.Demo;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BacGiang.Cnscd.E2E.Households;

/// <summary>
/// On a 360×740 phone, the demo village leader finds a household by typing the head's name without diacritics,
/// opens it and logs a visit in at most 3 taps; exactly one visit is stored, even across a dropped connection.
/// </summary>
public class LogVisitJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    private static readonly string ArtifactDirectory = Path.Combine(Path.GetTempPath(), "cnscd-e2e");

    private CnscdDbContext SystemContext() =>
        CnscdDatabase.CreateContext(portal.Services.GetRequiredService<DatabaseSettings>(), Actor.System("test"));

    /// <summary>A household of the leader's village whose head name no other head's key starts with (skip = which one).</summary>
    private async Task<(int Id, string HeadName)> UniqueHouseholdAsync(int skip)
    {
        await using var db = SystemContext();
        var village = await db.Units.SingleAsync(u => u.Code == "07444-01");
        var heads = await db.Households.Where(h => h.UnitId == village.Id).Select(h => new { h.Id, h.HeadName }).ToListAsync();
        var keys = heads.Select(h => VietnameseText.ToSearchKey(h.HeadName)).ToList();
        var unique = heads.Where(h => h.HeadName != VietnameseText.ToSearchKey(h.HeadName)
                && keys.Count(k => k.StartsWith(VietnameseText.ToSearchKey(h.HeadName), StringComparison.Ordinal)) == 1)
            .OrderBy(h => h.Id).Skip(skip).First();
        return (unique.Id, unique.HeadName);
    }

    private async Task<int> VisitsOfAsync(int householdId, DateTime sinceUtc)
    {
        await using var db = SystemContext();
        return await db.HouseholdVisits.CountAsync(v => v.HouseholdId == householdId && v.CreatedAtUtc >= sinceUtc);
    }

    /// <summary>ProtectedSessionStorage writes its JSON with the web defaults.</summary>
    private static readonly JsonSerializerOptions DraftJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The visit draft as the page last wrote it to the browser's session storage (null: none yet), unsealed with
    /// the portal's own keys under ProtectedSessionStorage's purpose (its type, the store and the key).
    /// </summary>
    private async Task<VisitDraft?> StoredDraftAsync(IPage page, int householdId)
    {
        var key = VisitDraft.KeyFor(householdId);
        var stored = await page.EvaluateAsync<string?>("key => sessionStorage.getItem(key)", key);
        if (stored is null)
        {
            return null;
        }

        var protector = portal.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector($"{typeof(ProtectedSessionStorage).FullName}:sessionStorage:{key}");
        return JsonSerializer.Deserialize<VisitDraft>(protector.Unprotect(stored), DraftJson);
    }

    private async Task<IPage> OpenHouseholdBySearchAsync((int Id, string HeadName) household)
    {
        var page = await portal.SignInAsync("thon@demo.cnscd.vn", DemoAccounts.Password, Phone);
        await page.GotoAsync(portal.BaseUrl + "/households");
        await Assertions.Expect(page.Locator("#household-title[data-ready='true']")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        // Typed the way people type on a phone: no diacritics, lower case.
        await page.Locator(".household-search input").FillAsync(VietnameseText.ToSearchKey(household.HeadName));
        var link = page.Locator($".household-register a.household-head:text-is('{household.HeadName}')");
        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await Assertions.Expect(page.Locator(".household-register tbody tr")).ToHaveCountAsync(1);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the register is {overflow}px wider than the phone");

        Directory.CreateDirectory(ArtifactDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactDirectory, "household-register-phone.png"), FullPage = true });
        await link.ClickAsync();
        await Assertions.Expect(page.Locator("#visit-household")).ToHaveTextAsync(household.HeadName);
        await Assertions.Expect(page.Locator("#visit-household[data-ready='true']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator(".save-visit")).ToBeEnabledAsync();
        return page;
    }

    [Fact]
    public async Task VillageLeader_OnAPhone_FindsAHouseholdWithoutDiacritics_AndLogsAVisitInTwoTaps()
    {
        var startedUtc = DateTime.UtcNow.AddSeconds(-1);
        var household = await UniqueHouseholdAsync(0);
        var page = await OpenHouseholdBySearchAsync(household);

        // Every target of the form is at least 48 px high.
        foreach (var box in await page.Locator(".big-touch").AllAsync())
        {
            var size = await box.BoundingBoxAsync();
            Assert.True(size!.Height >= 48, $"a touch target is only {size.Height}px high");
        }

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the visit form is {overflow}px wider than the phone");

        Directory.CreateDirectory(ArtifactDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactDirectory, "log-visit-form-phone.png"), FullPage = true });

        // Tap 1: a skill. Tap 2: save. Date (today) and member ("me") are already filled in.
        await page.Locator(".skill-toggle[data-skill='OnlinePayment']").ClickAsync();
        await Assertions.Expect(page.Locator(".skill-toggle[data-skill='OnlinePayment']")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Locator(".save-visit").ClickAsync();
        await Assertions.Expect(page.Locator(".visit-saved")).ToContainTextAsync("Đã lưu lượt thăm");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactDirectory, "log-visit-phone.png"), FullPage = true });

        Assert.Equal(1, await VisitsOfAsync(household.Id, startedUtc));
        await using var db = SystemContext();
        var visit = await db.HouseholdVisits.SingleAsync(v => v.HouseholdId == household.Id && v.CreatedAtUtc >= startedUtc);
        var leader = await db.Users.SingleAsync(u => u.Email == "thon@demo.cnscd.vn");
        Assert.Equal(leader.MemberId, visit.MemberId);
        Assert.True(visit.SkillsGuided.HasFlag(DigitalSkills.OnlinePayment));
        var skill = (await db.Households.SingleAsync(h => h.Id == household.Id)).Skills.Single(s => s.Skill == DigitalSkills.OnlinePayment);
        Assert.Equal(visit.VisitedOn, skill.GuidedOn);
    }

    [Fact]
    public async Task DroppedConnection_MidForm_KeepsTheTypedValues_AndStoresExactlyOneVisit()
    {
        var startedUtc = DateTime.UtcNow.AddSeconds(-1);
        var household = await UniqueHouseholdAsync(1);
        var page = await OpenHouseholdBySearchAsync(household);

        await page.Locator(".skill-toggle[data-skill='OnlineShopping']").ClickAsync();
        await page.Locator(".skill-toggle[data-skill='OnlineSafety']").ClickAsync();
        await page.Locator(".visit-note textarea").FillAsync("Hộ cần quay lại hướng dẫn thanh toán");
        await Assertions.Expect(page.Locator(".skill-toggle[data-skill='OnlineSafety']")).ToHaveAttributeAsync("aria-pressed", "true");
        // The note is kept after its 400 ms debounce: wait until the page has written both skills and the note to the draft.
        var draft = await Eventually.ReadAsync(() => StoredDraftAsync(page, household.Id),
            d => d?.Note == "Hộ cần quay lại hướng dẫn thanh toán" && d.Skills == (int)(DigitalSkills.OnlineShopping | DigitalSkills.OnlineSafety));
        Assert.Equal("Hộ cần quay lại hướng dẫn thanh toán", draft?.Note);

        // The connection drops (the browser reports itself offline), comes back, and the page is reloaded
        // (a new circuit: server state is gone).
        await page.Context.SetOfflineAsync(true);
        await page.WaitForFunctionAsync("() => !navigator.onLine");
        await page.Context.SetOfflineAsync(false);
        await page.WaitForFunctionAsync("() => navigator.onLine");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#visit-household[data-ready='true']")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await Assertions.Expect(page.Locator(".skill-toggle[data-skill='OnlineShopping']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator(".skill-toggle[data-skill='OnlineSafety']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator(".visit-note textarea")).ToHaveValueAsync("Hộ cần quay lại hướng dẫn thanh toán");

        await page.Locator(".save-visit").ClickAsync();
        await Assertions.Expect(page.Locator(".visit-saved")).ToBeVisibleAsync();

        Assert.Equal(1, await VisitsOfAsync(household.Id, startedUtc));
        await using var db = SystemContext();
        var visit = await db.HouseholdVisits.SingleAsync(v => v.HouseholdId == household.Id && v.CreatedAtUtc >= startedUtc);
        Assert.Equal(DigitalSkills.OnlineShopping | DigitalSkills.OnlineSafety, visit.SkillsGuided);
        Assert.Equal("Hộ cần quay lại hướng dẫn thanh toán", visit.Note);
    }
}
