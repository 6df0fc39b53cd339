using BacGiang.Cnscd.Testing;

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BacGiang.Cnscd.E2E.Infrastructure;

/// <summary>
/// The portal on a real loopback port (Kestrel, in-process, demo data seeded) and Debian's Chromium
/// driven by Playwright. Nothing is downloaded: the browser is the system one.
/// </summary>
public class BrowserPortal : PortalFactory, IAsyncLifetime
{
    public const string ChromiumVariable = "CNSCD_TEST_CHROMIUM";

    private IPlaywright? _playwright;

    public BrowserPortal() => UseKestrel(0);

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Production revalidates open circuits every minute; the test cannot wait that long.
        builder.UseSetting("Security:Revalidation:Interval", "00:00:02");
        // A journey class signs in from 127.0.0.1 many times a minute; with waits on conditions instead of sleeps it
        // passed the production limit (30 sign-in posts a minute per address) and the 31st sign-in got 429. The limit
        // itself is proven by AccountSecurityTests.
        builder.UseSetting("Security:LoginRateLimit:PermitsPerMinute", "1000");
    }

    public string BaseUrl { get; private set; } = "";

    /// <summary>What the browser refused under the portal's Content Security Policy, on any page this portal opened.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> ContentSecurityPolicyViolations { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh page, signed in as <paramref name="email"/>, with the circuit connected.</summary>
    public async Task<IPage> SignInAsync(string email, string password, ViewportSize? viewport = null, string? authenticatorKey = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        // Chromium reports every resource or script the Content Security Policy blocks on the console.
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                ContentSecurityPolicyViolations.Enqueue(message.Text);
            }
        };
        await page.GotoAsync(BaseUrl + "/Account/Login");
        await page.FillAsync("#Input\\.Email", email);
        await page.FillAsync("#Input\\.Password", password);
        await page.ClickAsync("button[type=submit]");
        if (authenticatorKey is not null)
        {
            await page.WaitForURLAsync(url => url.Contains("/Account/LoginWith2fa", StringComparison.Ordinal));
            await page.FillAsync("#Input\\.TwoFactorCode", Totp.Code(authenticatorKey, DateTimeOffset.UtcNow));
            await page.ClickAsync("button[type=submit]");
        }

        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return page;
    }

    public new async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
