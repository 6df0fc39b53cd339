using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.E2E.Infrastructure;
using BacGiang.Cnscd.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BacGiang.Cnscd.E2E.Security;

/// <summary>
/// Disabling an account ends its open interactive session: the circuit revalidates (every minute in
/// production; every 2 seconds in this test's portal) and signs the page out.
/// </summary>
public class SessionRevalidationTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task DisabledAccount_IsSignedOutOfItsOpenCircuit()
    {
        var page = await portal.SignInAsync("huyen@demo.cnscd.vn", DemoAccounts.Password);
        await page.GotoAsync(portal.BaseUrl + "/units");
        await Assertions.Expect(page.Locator(".unit-children")).ToContainTextAsync("Thị trấn Đồi Ngô");

        await using (var db = CnscdDatabase.CreateContext(portal.Services.GetRequiredService<DatabaseSettings>(), Actor.System("test")))
        {
            var user = await db.Users.SingleAsync(u => u.Email == "huyen@demo.cnscd.vn");
            user.IsActive = false;
            user.SecurityStamp = Guid.NewGuid().ToString();
            await db.SaveChangesAsync();
        }

        // No navigation by the user: the open circuit itself notices and sends the page to the login form.
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Đăng nhập");
    }
}
