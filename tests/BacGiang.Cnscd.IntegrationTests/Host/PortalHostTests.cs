using System.Net;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using BacGiang.Cnscd.Testing;
using BacGiang.Cnscd.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BacGiang.Cnscd.IntegrationTests.Host;

/// <summary>The running portal: first start seeds the demo, health endpoints, sign-in, the unit browser.</summary>
public class PortalHostTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthEndpoints_AreHealthy(string path)
    {
        var response = await PortalClient.Create(factory).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Anonymous_IsSentToTheVietnameseLoginPage()
    {
        var client = PortalClient.Create(factory);
        var response = await client.GetAsync("/units");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var login = await client.GetStringAsync("/Account/Login");
        Assert.Contains("<h1>Đăng nhập</h1>", login, StringComparison.Ordinal);
        Assert.Contains("lang=\"vi\"", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProvinceAdmin_SeesTheProvinceWithItsTotals_InVietnameseFormat()
    {
        var client = PortalClient.Create(factory);
        var signIn = await PortalClient.SignInAsync(client, "admin@demo.cnscd.vn", DemoAccounts.Password, DemoAccounts.AdminAuthenticatorKey);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // The child table loads once the circuit is up (the browser test reads it); the prerendered
        // page already carries the unit and its totals.
        var html = await client.GetStringAsync("/units");
        await using var db = CreateSystemContext();
        var villages = await db.Units.CountAsync(u => u.Level == UnitLevel.Village);
        Assert.Contains("Tỉnh Bắc Giang", html, StringComparison.Ordinal);
        Assert.Contains(villages.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")), html, StringComparison.Ordinal);
        Assert.Contains("Huyện, thị xã, thành phố", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPassword_IsRefusedInVietnamese_AndAudited()
    {
        var client = PortalClient.Create(factory);
        var response = await PortalClient.SignInAsync(client, "xa@demo.cnscd.vn", "sai-mat-khau-123");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Thư điện tử hoặc mật khẩu không đúng", html, StringComparison.Ordinal);

        await using var db = CreateSystemContext();
        var user = await db.Users.SingleAsync(u => u.Email == "xa@demo.cnscd.vn");
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SignInFailed && a.EntityId == user.Id));
    }

    [Fact]
    public async Task CommuneOfficer_AskingForAnotherCommune_Gets404AndNoData()
    {
        await using var db = CreateSystemContext();
        var other = await db.Units.SingleAsync(u => u.Code == "07450"); // Xã Đông Hưng, same district, not theirs
        var client = PortalClient.Create(factory);
        await PortalClient.SignInAsync(client, "xa@demo.cnscd.vn", DemoAccounts.Password);

        var response = await client.GetAsync($"/units/{other.Id}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Xã Đông Hưng", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoSeed_GaveEveryPageData()
    {
        await using var db = CreateSystemContext();
        Assert.Equal(195, await db.Units.CountAsync(u => u.Level == UnitLevel.Commune));
        Assert.True(await db.Households.CountAsync() >= 10_000);
        Assert.True(await db.Households.AnyAsync(h => db.Units.Any(u => u.Id == h.UnitId && u.Code == "07444-01")));
        Assert.Equal(DemoAccounts.All.Count, await db.Users.CountAsync());
    }

    [Fact]
    public async Task PrivacyNotice_IsPublic_AndInVietnamese()
    {
        var html = await PortalClient.Create(factory).GetStringAsync("/privacy");
        Assert.Contains("Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15", html, StringComparison.Ordinal);
        Assert.Contains("không lưu số định danh cá nhân", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogFiles_CarryNoNamesOrPhoneNumbers()
    {
        var client = PortalClient.Create(factory);
        await PortalClient.SignInAsync(client, "xa@demo.cnscd.vn", DemoAccounts.Password);
        await PortalClient.SignInAsync(PortalClient.Create(factory), "thon@demo.cnscd.vn", "sai-mat-khau-hoan-toan");
        await client.GetAsync("/units");

        await using var db = CreateSystemContext();
        var names = await db.Households.OrderBy(h => h.Id).Take(200).Select(h => h.HeadName)
            .Concat(db.People.OrderBy(p => p.Id).Take(200).Select(p => p.FullName)).ToListAsync();
        names.AddRange(DemoAccounts.All.Select(a => a.FullName));
        string ReadLogs() => string.Join("\n", Directory.GetFiles(factory.LogDirectory).Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(stream).ReadToEnd();
        }));

        // The file sink may reach the disk a moment after the response: wait for the line we caused.
        var logs = await Eventually.ReadAsync(() => Task.FromResult(ReadLogs()), l => l.Contains("Sign-in failed", StringComparison.Ordinal));

        Assert.Contains("Sign-in failed", logs, StringComparison.Ordinal); // the log was written and read
        Assert.DoesNotMatch(@"\b0\d{9}\b", logs);
        Assert.DoesNotContain(names, name => logs.Contains(name, StringComparison.Ordinal));
    }

    private Core.Data.CnscdDbContext CreateSystemContext()
    {
        _ = factory.Server; // make sure the host (and its start-up seeding) has run
        var settings = factory.Services.GetRequiredService<Core.Data.DatabaseSettings>();
        return Core.Data.CnscdDatabase.CreateContext(settings, Actor.System("test"));
    }
}
