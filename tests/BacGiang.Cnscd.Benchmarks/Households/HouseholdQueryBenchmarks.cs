using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common;
using BacGiang.Cnscd.Core.Features.Households;
using BenchmarkDotNet.Attributes;

namespace BacGiang.Cnscd.Benchmarks.Households;

/// <summary>
/// The household register at province scale: one page of the largest commune (as its commune officer), with
/// and without the filter chips, and the diacritic-insensitive search (a name prefix, and a later word of the
/// name, which takes the fallback path). Targets: ≤ 50 ms p95 each.
/// </summary>
[Config(typeof(InProcessScaleConfig))]
public class HouseholdQueryBenchmarks
{
    private HouseholdService _service = null!;
    private int _communeId;

    [Params("Sqlite", "PostgreSql")]
    public string Engine { get; set; } = "Sqlite";

    [GlobalSetup]
    public void Setup()
    {
        var database = ScaleDatabase.For(Engine);
        var commune = database.UnitWithAboutAsync(UnitLevel.Commune, int.MaxValue).GetAwaiter().GetResult();
        _communeId = commune.Id;
        _service = new HouseholdService(database.As(commune), VietnamClock.System);
    }

    [Benchmark]
    public Task<PagedResult<HouseholdRow>> CommuneFirstPage() =>
        _service.RegisterAsync(_communeId, HouseholdFilter.None, null, new PageRequest(0, 20));

    [Benchmark]
    public Task<PagedResult<HouseholdRow>> CommuneTenthPage_NotCovered_NotVisited90() =>
        _service.RegisterAsync(_communeId, new HouseholdFilter(NotCovered: true, NotVisitedForDays: 90), null, new PageRequest(9, 20));

    [Benchmark]
    public Task<PagedResult<HouseholdRow>> Search_NamePrefixWithoutDiacritics() =>
        _service.RegisterAsync(_communeId, HouseholdFilter.None, "nguyen van", new PageRequest(0, 20));

    [Benchmark]
    public Task<PagedResult<HouseholdRow>> Search_LaterWordOfTheName() =>
        _service.RegisterAsync(_communeId, HouseholdFilter.None, "hang", new PageRequest(0, 20));
}
