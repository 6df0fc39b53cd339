using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace BacGiang.Cnscd.Benchmarks.Load;

/// <summary>
/// The dashboard load run: N live interactive sessions (real Chromium pages, all in one browser context signed in
/// once) against a running Release portal on loopback started with <c>--Diagnostics:LoadRun=true</c>. Measures
/// click → update (a row click that drills down, or the breadcrumb back up, until the title shows the new unit) at
/// p50/p95, and managed memory per live circuit after a full GC (server's <c>/_load/memory</c> before and after the
/// sessions open). See docs/performance.md for the command.
/// </summary>
public static class DashboardLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name, string fallback) =>
            args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var url = Arg("--url", "http://127.0.0.1:5144").TrimEnd('/');
        var sessions = int.Parse(Arg("--sessions", "50"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(Arg("--rounds", "4"), CultureInfo.InvariantCulture);
        var email = Arg("--email", "lanhdao@demo.cnscd.vn");
        // Seconds to keep the sessions open before the clicks, e.g. to take a heap dump of the portal (dotnet-gcdump).
        var hold = int.Parse(Arg("--hold", "0"), CultureInfo.InvariantCulture);
        // Think time between one session's clicks (ms, each wait drawn between half and one and a half of it): sessions
        // then click independently, as people do. 0 = every session clicks at the same instant, round after round (a burst).
        var thinkMs = int.Parse(Arg("--think-ms", "0"), CultureInfo.InvariantCulture);
        var password = Environment.GetEnvironmentVariable("CNSCD_LOAD_PASSWORD") ?? "CnscdDemo@2025";
        var chromium = Environment.GetEnvironmentVariable("CNSCD_TEST_CHROMIUM") ?? "/usr/bin/chromium";

        using var http = new HttpClient { BaseAddress = new Uri(url) };
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1024, Height = 700 }, Locale = "vi-VN" });
        context.SetDefaultTimeout(120_000);
        var login = await context.NewPageAsync();
        await login.GotoAsync(url + "/Account/Login");
        await login.FillAsync("#Input\\.Email", email);
        await login.FillAsync("#Input\\.Password", password);
        await login.ClickAsync("button[type=submit]");
        await login.WaitForURLAsync(u => !u.Contains("/Account/Login", StringComparison.Ordinal));
        await login.CloseAsync();

        // Warm-up sessions first, kept open and in the baseline: what the first circuits initialise once (JIT, EF's query
        // cache, component metadata) is not a per-session cost.
        var pages = new List<IPage>();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            pages.Add(await OpenAsync(context, url));
        }

        var before = await MemoryAsync(http);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"before: {before.ManagedBytes / 1024.0 / 1024:F1} MB managed, {before.OpenCircuits} circuits"));

        // Open the sessions a few at a time (2 cores: the server prerenders and starts a circuit for each).
        var opening = Stopwatch.StartNew();
        foreach (var batch in Enumerable.Range(0, sessions - pages.Count).Chunk(5))
        {
            pages.AddRange(await Task.WhenAll(batch.Select(_ => OpenAsync(context, url))));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pages.Count} sessions open in {opening.Elapsed.TotalSeconds:F0} s"));
        var after = await MemoryAsync(http);
        var circuits = after.OpenCircuits - before.OpenCircuits;
        var perSession = circuits > 0 ? (after.ManagedBytes - before.ManagedBytes) / (double)circuits : 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"after: {after.ManagedBytes / 1024.0 / 1024:F1} MB managed, {after.OpenCircuits} circuits → {perSession / 1024:F1} KB managed per live session"));

        if (hold > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"holding {pages.Count} sessions for {hold} s"));
            await Task.Delay(TimeSpan.FromSeconds(hold));
        }

        // The server's share of the clicks comes from the Blazor metrics it records from here on (the call resets them).
        await http.GetStringAsync("/_load/metrics");

        // Each click goes down into the first child, the next one back up by the breadcrumb.
        var latencies = new List<double>();
        var failures = 0;
        var clicking = Stopwatch.StartNew();
        if (thinkMs <= 0)
        {
            // Burst: every session clicks at the same instant, round after round.
            for (var round = 0; round < rounds; round++)
            {
                var down = round % 2 == 0;
                var results = await Task.WhenAll(pages.Select(page => ClickAsync(page, down)));
                latencies.AddRange(results.Where(r => r is not null).Select(r => r!.Value));
                failures += results.Count(r => r is null);
            }
        }
        else
        {
            // Independent sessions: each waits its own think time before each of its clicks.
            var bySession = await Task.WhenAll(pages.Select(async (page, i) =>
            {
                var random = new Random(i);
                var mine = new List<double?>();
                for (var round = 0; round < rounds; round++)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(thinkMs * (0.5 + random.NextDouble())));
                    mine.Add(await ClickAsync(page, round % 2 == 0));
                }

                return mine;
            }));
            latencies.AddRange(bySession.SelectMany(m => m).Where(r => r is not null).Select(r => r!.Value));
            failures += bySession.Sum(m => m.Count(r => r is null));
        }

        latencies.Sort();
        double Percentile(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"click → update over {latencies.Count} clicks ({failures} failed, {(thinkMs <= 0 ? "all sessions at once" : $"think time ≈ {thinkMs} ms")}, {latencies.Count / clicking.Elapsed.TotalSeconds:F1} clicks/s): p50 {Percentile(0.50):F0} ms, p95 {Percentile(0.95):F0} ms, max {latencies.LastOrDefault():F0} ms"));
        using (var metrics = JsonDocument.Parse(await http.GetStringAsync("/_load/metrics")))
        {
            Console.WriteLine("server side of those clicks (.NET Blazor metrics, ms):");
            // The instruments that took any time (≥ 1 ms at p95), slowest first; generic type arguments shortened.
            foreach (var entry in metrics.RootElement.EnumerateObject().Where(e => e.Value.GetProperty("p95").GetDouble() >= 1)
                .OrderByDescending(e => e.Value.GetProperty("p95").GetDouble()).Take(10))
            {
                var v = entry.Value;
                var name = entry.Name.Split("[[")[0];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {name}: n {v.GetProperty("count").GetInt32()}, p50 {v.GetProperty("p50").GetDouble():F1}, p95 {v.GetProperty("p95").GetDouble():F1}, max {v.GetProperty("max").GetDouble():F1}"));
            }
        }

        var end = await MemoryAsync(http);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"after clicks: {end.ManagedBytes / 1024.0 / 1024:F1} MB managed, {end.OpenCircuits} circuits, working set {end.WorkingSetBytes / 1024.0 / 1024:F0} MB"));
        return failures == 0 ? 0 : 1;
    }

    private static async Task<IPage> OpenAsync(IBrowserContext context, string url)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(url + "/dashboard");
        await page.Locator(".dashboard[data-interactive=true]").WaitForAsync();
        return page;
    }

    /// <summary>
    /// One click, timed inside the page: from the click to the DOM change that shows the new unit's title (a
    /// MutationObserver). Timing it from here through Playwright's ClickAsync and WaitForFunction measured Playwright
    /// instead: its actionability checks and its polling run on animation frames, which Chromium hardly gives pages
    /// that are not in front — every click read ≈ 2 s however idle the server was.
    /// </summary>
    private static async Task<double?> ClickAsync(IPage page, bool down)
    {
        try
        {
            return await page.EvaluateAsync<double>("""
                down => new Promise((resolve, reject) => {
                    const before = document.querySelector('#dashboard-title')?.textContent;
                    const target = down ? document.querySelectorAll('tr.dashboard-row td')[1] : document.querySelector('.dashboard-breadcrumbs a');
                    if (!target) { reject(new Error('nothing to click')); return; }
                    const start = performance.now();
                    const observer = new MutationObserver(() => {
                        const title = document.querySelector('#dashboard-title');
                        if (title && title.textContent !== before) { observer.disconnect(); resolve(performance.now() - start); }
                    });
                    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
                    setTimeout(() => { observer.disconnect(); reject(new Error('no update within 60 s')); }, 60000);
                    target.click();
                })
                """, down);
        }
        catch (PlaywrightException)
        {
            return null;
        }
    }

    private static async Task<Memory> MemoryAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<Memory>("/_load/memory", new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;

    private sealed record Memory(long ManagedBytes, int OpenCircuits, long WorkingSetBytes);
}
