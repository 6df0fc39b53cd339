using BenchmarkDotNet.Running;

namespace BacGiang.Cnscd.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project tests/BacGiang.Cnscd.Benchmarks -- --filter '*'</c>.</summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
