using BacGiang.Cnscd.Core;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Dashboards;
using BacGiang.Cnscd.Core.Features.Teams;
using BacGiang.Cnscd.Core.Tenancy;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BenchmarkDotNet.Engines;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using DashboardPage = BacGiang.Cnscd.Web.Components.Pages.Dashboards.Dashboard;

namespace BacGiang.Cnscd.Benchmarks.Dashboards;

/// <summary>
/// The dashboard on the 540,000-household scale seed (see docs/performance.md): the data of the province, a
/// district and a commune dashboard (each as that level's officer), and the first render of the page (component
/// tree rendered by bUnit with the real service, until the figures are on screen). One call per iteration, 20
/// iterations, so p95 is over single dashboard loads. The databases come from
/// <c>CNSCD_BENCH_SQLITE</c> (a file path) and <c>CNSCD_BENCH_POSTGRES</c> (a connection string).
/// </summary>
[MinColumn, MaxColumn, MedianColumn, Config(typeof(DashboardBenchmarks.InProcessConfig))]
public class DashboardBenchmarks
{
    private DashboardService _service = null!;
    private ServiceProvider _services = null!;
    private DatabaseSettings _settings = null!;
    private Actor _actor = null!;

    [Params(DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql)]
    public DatabaseProvider Engine { get; set; }

    [ParamsSource(nameof(Levels))]
    public UnitLevel Level { get; set; }

    /// <summary>
    /// Province, district and commune; <c>CNSCD_BENCH_LEVELS=Province,Commune</c> for a database after the 2025 reform,
    /// which has no district level.
    /// </summary>
    public static IEnumerable<UnitLevel> Levels =>
        Environment.GetEnvironmentVariable("CNSCD_BENCH_LEVELS") is { Length: > 0 } levels
            ? levels.Split(',').Select(l => Enum.Parse<UnitLevel>(l.Trim()))
            : [UnitLevel.Province, UnitLevel.District, UnitLevel.Commune];

    [GlobalSetup]
    public void Setup()
    {
        _settings = Engine == DatabaseProvider.Sqlite
            ? new DatabaseSettings(Engine, "Data Source=" + (Environment.GetEnvironmentVariable("CNSCD_BENCH_SQLITE") ?? "/tmp/scale540.db"), false)
            : new DatabaseSettings(Engine, Environment.GetEnvironmentVariable("CNSCD_BENCH_POSTGRES")
                ?? "Host=127.0.0.1;Port=5432;Username=postgres;Database=cnscd_scale", false);
        using (var db = CnscdDatabase.CreateContext(_settings, Actor.System("benchmark set-up")))
        {
            // The busiest unit of the level: the district and the commune with the most households.
            var unit = Level switch
            {
                UnitLevel.Province => db.Units.Single(u => u.Level == UnitLevel.Province),
                UnitLevel.District => db.Units.Single(u => u.Id == db.VillageSummaries.GroupBy(s => s.DistrictId)
                    .OrderByDescending(g => g.Sum(s => s.Households)).Select(g => g.Key).First()),
                _ => db.Units.Single(u => u.Id == db.VillageSummaries.GroupBy(s => s.CommuneId)
                    .OrderByDescending(g => g.Sum(s => s.Households)).Select(g => g.Key).First()),
            };
            _actor = new Actor("benchmark", "benchmark", unit.Id, DataScope.ForUnit(unit.Level, unit.DistrictId, unit.CommuneId, unit.VillageId),
                Role: Level switch
                {
                    UnitLevel.Province => AppRole.ProvinceViewer,
                    UnitLevel.District => AppRole.DistrictOfficer,
                    _ => AppRole.CommuneOfficer,
                });
        }

        var collection = new ServiceCollection();
        collection.AddSingleton<IActorAccessor>(new FixedActorAccessor(_actor));
        collection.AddSingleton<IDbContextFactory<CnscdDbContext>>(sp => new Factory(_settings, sp.GetRequiredService<IActorAccessor>()));
        collection.AddLogging();
        collection.AddCnscdCore();
        _services = collection.BuildServiceProvider();
        _service = _services.GetRequiredService<DashboardService>();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Description = "dashboard data")]
    public async Task<int> Data() => (await _service.GetAsync(null))!.Totals.HouseholdTotal;

    [Benchmark(Description = "first render (bUnit)")]
    public async Task<int> FirstRender()
    {
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton<IActorAccessor>(new FixedActorAccessor(_actor));
        context.Services.AddSingleton<IDbContextFactory<CnscdDbContext>>(sp => new Factory(_settings, sp.GetRequiredService<IActorAccessor>()));
        context.Services.AddLogging();
        context.Services.AddCnscdCore();
        context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var page = context.Render<DashboardPage>();
        page.WaitForElement("#figure-households", TimeSpan.FromSeconds(30));
        return page.Markup.Length;
    }

    /// <summary>
    /// One call per iteration, 50 iterations after 3 warm-ups (the p95 of 20 single calls is simply the second slowest
    /// call, which one stray scheduler pause decides), in this process: on the shared 2-core machine the
    /// separate benchmark build that BenchmarkDotNet would otherwise make exceeds its own 2-minute build timeout.
    /// </summary>
    public sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(50).WithInvocationCount(1).WithUnrollFactor(1));
            AddColumn(StatisticColumn.P95);
        }
    }

    private sealed class Factory(DatabaseSettings settings, IActorAccessor actor) : IDbContextFactory<CnscdDbContext>
    {
        public CnscdDbContext CreateDbContext() => CnscdDatabase.CreateContext(settings, actor.Current);
    }
}
