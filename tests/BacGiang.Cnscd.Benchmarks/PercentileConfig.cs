using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace BacGiang.Cnscd.Benchmarks;

/// <summary>Adds the p95 column the performance targets are stated in.</summary>
public sealed class PercentileConfig : ManualConfig
{
    public PercentileConfig() => AddColumn(StatisticColumn.P95);
}
