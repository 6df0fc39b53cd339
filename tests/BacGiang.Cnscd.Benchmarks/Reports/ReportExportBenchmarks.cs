using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Reports;
using BacGiang.Cnscd.Core.Tenancy;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BacGiang.Cnscd.Benchmarks.Reports;

/// <summary>
/// The quarterly Excel export at province scale (the 540,000-household seed): the province's compilation of all
/// districts and the largest district's report of all its communes, with nothing submitted yet — every figure
/// computed from the data as of the quarter's end, the slowest case (a submitted report only reads its frozen JSON).
/// Databases come from CNSCD_BENCH_SQLITE (a file path) and CNSCD_BENCH_POSTGRES (a connection string).
/// </summary>
// In process: the generated out-of-process project took longer than BenchmarkDotNet's 2-minute build timeout on the
// shared 2-core machine; the export is I/O- and database-bound, where the in-process toolchain measures the same.
[InProcess]
[IterationCount(20), WarmupCount(2)]
[MinColumn, MaxColumn, MedianColumn, Config(typeof(PercentileConfig))]
[MemoryDiagnoser]
public class ReportExportBenchmarks
{
    private ReportExportService _province = null!;
    private ReportExportService _district = null!;
    private int _provinceId;
    private int _districtId;

    [Params(DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql)]
    public DatabaseProvider Engine { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var settings = Engine == DatabaseProvider.Sqlite
            ? new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=" + Required("CNSCD_BENCH_SQLITE"), false)
            : new DatabaseSettings(DatabaseProvider.PostgreSql, Required("CNSCD_BENCH_POSTGRES"), false);
        using (var db = CnscdDatabase.CreateContext(settings, Actor.System("benchmark setup")))
        {
            _provinceId = db.Units.Where(u => u.Level == UnitLevel.Province).Select(u => u.Id).First();
            // The district with the most households: the heaviest district export.
            _districtId = db.Households.GroupBy(h => h.DistrictId).OrderByDescending(g => g.Count()).Select(g => g.Key).First()!.Value;
        }

        _province = Service(settings, new Actor("bench-province", "bench", _provinceId, DataScope.WholeProvince, Role: AppRole.ProvinceAdmin));
        _district = Service(settings, new Actor("bench-district", "bench", _districtId,
            DataScope.ForUnit(UnitLevel.District, _districtId, null, null), Role: AppRole.DistrictOfficer));
    }

    [Benchmark]
    public async Task<int> ProvinceExport() => (await _province.ExportAsync(_provinceId, 2026, 4)).Content.Length;

    [Benchmark]
    public async Task<int> LargestDistrictExport() => (await _district.ExportAsync(_districtId, 2026, 4)).Content.Length;

    private static ReportExportService Service(DatabaseSettings settings, Actor actor) =>
        new(new Factory(settings, actor), Options.Create(new ReportOptions()),
            new AccessRefusals(new Factory(settings, actor), NullLogger<AccessRefusals>.Instance), VietnamClock.System);

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : throw new InvalidOperationException($"Set {variable}.");

    private sealed class Factory(DatabaseSettings settings, Actor actor) : IDbContextFactory<CnscdDbContext>
    {
        public CnscdDbContext CreateDbContext() => CnscdDatabase.CreateContext(settings, actor);
    }
}
