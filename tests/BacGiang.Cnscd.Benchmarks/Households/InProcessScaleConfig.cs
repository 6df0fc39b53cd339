using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace BacGiang.Cnscd.Benchmarks.Households;

/// <summary>
/// 20 measured iterations in the benchmark process itself: the scale benchmarks need only the database, and
/// building a separate benchmark executable costs minutes on the shared 2-core machine. <see cref="Seconds"/>
/// runs one invocation per iteration for operations that take seconds.
/// </summary>
public class InProcessScaleConfig : ManualConfig
{
    public InProcessScaleConfig()
        : this(Job.Default.WithIterationCount(20).WithWarmupCount(3))
    {
    }

    protected InProcessScaleConfig(Job job)
    {
        // A generous timeout: 20 imports of seconds each exceed the in-process toolchain's default.
        AddJob(job.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)));
        AddColumn(StatisticColumn.P95, StatisticColumn.Min, StatisticColumn.Max, StatisticColumn.Median);
    }

    /// <summary>For operations of seconds: one invocation per iteration, one warm-up.</summary>
    public sealed class Seconds : InProcessScaleConfig
    {
        public Seconds()
            : base(Job.Default.WithStrategy(RunStrategy.Monitoring).WithIterationCount(20).WithWarmupCount(1))
        {
        }
    }
}
