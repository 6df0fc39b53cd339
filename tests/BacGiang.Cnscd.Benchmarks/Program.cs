using BenchmarkDotNet.Running;

namespace BacGiang.Cnscd.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project tests/BacGiang.Cnscd.Benchmarks -- --filter '*'</c>;
/// or the dashboard load run: <c>… -- load --sessions N</c> (see docs/performance.md).
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "load")
        {
            return await Load.DashboardLoad.RunAsync(args[1..]);
        }

        if (args is ["export-peak", var engine])
        {
            // One district export in a fresh process, for its peak memory (BenchmarkDotNet reports allocations only).
            await Households.ExportPeak.RunAsync(engine);
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
