using BenchmarkDotNet.Running;

namespace BacGiang.Cnscd.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project tests/BacGiang.Cnscd.Benchmarks -- --filter '*'</c>.</summary>
public static class BenchmarkProgram
{
    public static async Task Main(string[] args)
    {
        if (args is ["export-peak", var engine])
        {
            // One district export in a fresh process, for its peak memory (BenchmarkDotNet reports allocations only).
            await Households.ExportPeak.RunAsync(engine);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
