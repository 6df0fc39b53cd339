using System.Buffers.Binary;
using System.Net;
using System.Security.Claims;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using BacGiang.Cnscd.Testing;
using BacGiang.Cnscd.Web.Demo;
using BacGiang.Cnscd.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BacGiang.Cnscd.IntegrationTests.Security;

/// <summary>Lockout, two-factor for ProvinceAdmin, password hashing and session limits, on the running portal.</summary>
public class AccountSecurityTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Issue 21: a page opened without the rights says which roles it is for and what the account is.</summary>
    [Fact]
    public async Task APageOpenedWithoutTheRights_SaysWhichRolesItIsFor()
    {
        var client = PortalClient.Create(factory);
        await PortalClient.SignInAsync(client, "thon@demo.cnscd.vn", DemoAccounts.Password);

        var refused = await client.GetAsync("/audit");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync(refused.Headers.Location)).Content.ReadAsStringAsync());
        Assert.Contains("Trang này dành cho: Cán bộ Sở (quản trị), Cán bộ UBND huyện.", page, StringComparison.Ordinal);
        Assert.Contains("Tài khoản của bạn là Tổ trưởng thôn.", page, StringComparison.Ordinal);

        // An address of another site, or of no page, is not explained (and not echoed).
        var foreign = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync("/Account/AccessDenied?ReturnUrl=%2F%2Fevil.example%2Faudit")).Content.ReadAsStringAsync());
        Assert.DoesNotContain("Trang này dành cho", foreign, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", foreign, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccountForFifteenMinutes()
    {
        var client = PortalClient.Create(factory);
        for (var i = 0; i < 5; i++)
        {
            await PortalClient.SignInAsync(client, "lanhdao@demo.cnscd.vn", "mat-khau-sai-" + i);
        }

        var withRightPassword = await PortalClient.SignInAsync(client, "lanhdao@demo.cnscd.vn", DemoAccounts.Password);

        Assert.Equal("/Account/Lockout", PortalClient.RedirectPath(withRightPassword));
        await using var db = SystemContext();
        var user = await db.Users.SingleAsync(u => u.Email == "lanhdao@demo.cnscd.vn");
        Assert.InRange(user.LockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SignInFailed && a.EntityId == user.Id && a.Changes!.Contains("locked out")));
    }

    [Fact]
    public async Task ProvinceAdmin_WithThePasswordAlone_IsNotSignedIn()
    {
        var client = PortalClient.Create(factory);
        var response = await PortalClient.SignInAsync(client, "admin@demo.cnscd.vn", DemoAccounts.Password);
        Assert.StartsWith("/Account/LoginWith2fa", PortalClient.RedirectPath(response), StringComparison.Ordinal);

        var units = await client.GetAsync("/units");
        Assert.Equal(HttpStatusCode.Redirect, units.StatusCode);
        Assert.StartsWith("/Account/Login", PortalClient.RedirectPath(units), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProvinceAdmin_WithAWrongAuthenticatorCode_IsRefused()
    {
        var client = PortalClient.Create(factory);
        var response = await PortalClient.SignInAsync(client, "admin@demo.cnscd.vn", DemoAccounts.Password, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Mã xác thực không đúng", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProvinceAdmin_WithoutAnAuthenticator_IsSentToSetOneUp()
    {
        const string email = "quantri2@demo.cnscd.vn";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystemActor("test");
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var province = await SystemContext().Units.SingleAsync(u => u.Level == UnitLevel.Province);
            var created = await users.CreateAsync(new AppUser
            {
                UserName = email, Email = email, FullName = "Quản trị thứ hai", Role = AppRole.ProvinceAdmin, UnitId = province.Id, CreatedAtUtc = DateTime.UtcNow,
            }, DemoAccounts.Password);
            Assert.True(created.Succeeded);
        }

        var client = PortalClient.Create(factory);
        var signIn = await PortalClient.SignInAsync(client, email, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var units = await client.GetAsync("/units");
        Assert.Equal(HttpStatusCode.Redirect, units.StatusCode);
        Assert.Equal("/Account/Manage/EnableAuthenticator?required=true", PortalClient.RedirectPath(units));
    }

    [Fact]
    public async Task PasswordHashes_UsePbkdf2WithAtLeast210000Iterations()
    {
        await using var db = SystemContext();
        var hash = Convert.FromBase64String((await db.Users.FirstAsync()).PasswordHash!);
        Assert.Equal(0x01, hash[0]); // Identity V3 format: PBKDF2 with the iteration count stored in the hash
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4)) >= 210_000);
    }

    [Fact]
    public async Task DisabledAccount_CannotSignIn_EvenWithTheRightPassword()
    {
        await using (var db = SystemContext())
        {
            var user = await db.Users.SingleAsync(u => u.Email == "thon@demo.cnscd.vn");
            user.IsActive = false;
            await db.SaveChangesAsync();
        }

        var client = PortalClient.Create(factory);
        var response = await PortalClient.SignInAsync(client, "thon@demo.cnscd.vn", DemoAccounts.Password);

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/units")).StatusCode);
    }

    [Fact]
    public void SessionCookie_ExpiresAfterThirtyIdleMinutes_AndIsHttpOnly()
    {
        var options = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme);
        Assert.Equal(TimeSpan.FromMinutes(30), options.ExpireTimeSpan);
        Assert.True(options.SlidingExpiration);
        Assert.True(options.Cookie.HttpOnly);
        Assert.Equal(TimeSpan.FromMinutes(1), factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval);
    }

    [Theory]
    [InlineData(11, false)]
    [InlineData(13, true)]
    public void Session_EndsTwelveHoursAfterThePasswordWasTyped(int hoursAgo, bool expired)
    {
        var signedIn = DateTimeOffset.UtcNow.AddHours(-hoursAgo).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(PortalClaimTypes.SignedInAt, signedIn)], "test"));
        Assert.Equal(expired, AccountSecurity.IsPastAbsoluteTimeout(principal, DateTimeOffset.UtcNow));
    }

    private CnscdDbContext SystemContext()
    {
        _ = factory.Server;
        return CnscdDatabase.CreateContext(factory.Services.GetRequiredService<DatabaseSettings>(), Actor.System("test"));
    }
}

/// <summary>A portal whose login limit is three posts a minute, so the test can reach it.</summary>
public sealed class RateLimitedPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:LoginRateLimit:PermitsPerMinute", "3");
    }
}

public class LoginRateLimitTests(RateLimitedPortalFactory factory) : IClassFixture<RateLimitedPortalFactory>
{
    [Fact]
    public async Task TooManyLoginPosts_FromOneAddress_Get429()
    {
        var client = PortalClient.Create(factory);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await PortalClient.SignInAsync(client, "xa@demo.cnscd.vn", "sai-mat-khau-" + i)).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        // Reading the login page is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }
}

/// <summary>
/// The demo seeded outside Development (Staging seeds it when Demo:Enabled is set): the database then holds accounts whose
/// password is in the README, as it would if a demonstration database were put in service.
/// </summary>
public sealed class StagingDemoPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Staging");
    }
}

public class DemoOutsideDevelopmentTests(StagingDemoPortalFactory factory) : IClassFixture<StagingDemoPortalFactory>
{
    [Fact]
    public async Task DemoAccounts_CannotSignIn_OutsideDevelopment_EvenWithTheRightPassword()
    {
        await using (var db = CnscdDatabase.CreateContext(factory.Services.GetRequiredService<DatabaseSettings>(), Actor.System("test")))
        {
            // The accounts are there and active: only the environment refuses them.
            Assert.Equal(DemoAccounts.All.Count, await db.Users.CountAsync(u => u.IsActive && u.Email!.EndsWith("@" + DemoAccounts.Domain)));
        }

        foreach (var email in new[] { "xa@demo.cnscd.vn", "lanhdao@demo.cnscd.vn" })
        {
            var client = PortalClient.Create(factory);
            var response = await PortalClient.SignInAsync(client, email, DemoAccounts.Password);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("tài khoản đã bị khóa", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/units")).StatusCode);
        }
    }
}
