using BacGiang.Cnscd.E2E.Infrastructure;
using BacGiang.Cnscd.Web.Demo;
using Microsoft.Playwright;

namespace BacGiang.Cnscd.E2E.Security;

/// <summary>
/// Issue 15, headers: under the portal's Content Security Policy (no inline script but the nonced import map) every
/// page of each role loads, its live session starts — which needs blazor.web.js, MudBlazor's script and the WebSocket —
/// and the browser refuses nothing.
/// </summary>
public class ContentSecurityPolicyJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task EveryPageOfTheAdministratorAndTheVillageLeader_RunsUnderThePolicy_WithNothingRefused()
    {
        var admin = await portal.SignInAsync("admin@demo.cnscd.vn", DemoAccounts.Password, authenticatorKey: DemoAccounts.AdminAuthenticatorKey);
        foreach (var path in new[] { "/", "/dashboard", "/units", "/teams", "/reports/targets", "/accounts", "/audit", "/Account/Manage" })
        {
            var response = await admin.GotoAsync(portal.BaseUrl + path);
            Assert.True(response!.Ok, $"{path}: {response.Status}");
            Assert.Contains("script-src 'self' 'nonce-", await response.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
            await Assertions.Expect(admin.Locator("main")).ToBeVisibleAsync();
        }

        // Pages that mark themselves ready once their live session runs: the circuit works under the policy.
        await admin.GotoAsync(portal.BaseUrl + "/reports");
        await Assertions.Expect(admin.Locator("#report-list-title[data-ready=true]")).ToBeVisibleAsync();
        await admin.GotoAsync(portal.BaseUrl + "/restructuring");
        await Assertions.Expect(admin.Locator("#restructuring-title[data-ready=true]")).ToBeVisibleAsync();

        var leader = await portal.SignInAsync("thon@demo.cnscd.vn", DemoAccounts.Password, new ViewportSize { Width = 360, Height = 740 });
        await leader.GotoAsync(portal.BaseUrl + "/households/mine");
        await Assertions.Expect(leader.Locator("main")).ToBeVisibleAsync();
        await leader.GotoAsync(portal.BaseUrl + "/households");
        await Assertions.Expect(leader.Locator("#household-title[data-ready=true]")).ToBeVisibleAsync();

        Assert.Empty(portal.ContentSecurityPolicyViolations);
    }
}
