using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using System.Diagnostics;
using System.Globalization;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Households;
using BacGiang.Cnscd.Core.Features.Households.Export;
using Microsoft.Extensions.Logging.Abstractions;

namespace BacGiang.Cnscd.Benchmarks.Households;

/// <summary>
/// <c>export-peak Sqlite|PostgreSql</c>: exports the district closest to 60,000 households once into a temporary
/// file and prints the row count, the time, the file size and the process's peak working set (whole process,
/// runtime included).
/// </summary>
internal static class ExportPeak
{
    public static async Task RunAsync(string engine)
    {
        var database = ScaleDatabase.For(engine);
        var district = await database.UnitWithAboutAsync(UnitLevel.District, 60_000);
        var export = new HouseholdExport(database.As(district), new AccessRefusals(database.As(district), NullLogger<AccessRefusals>.Instance), VietnamClock.System);
        var request = await export.PrepareAsync(district.Id, HouseholdFilter.None, null);
        long before;
        using (var process = Process.GetCurrentProcess())
        {
            before = process.WorkingSet64;
        }

        var path = Path.Combine(Path.GetTempPath(), $"export-peak-{Guid.NewGuid():N}.xlsx");
        var watch = Stopwatch.StartNew();
        await using (var file = File.Create(path))
        {
            await export.WriteAsync(request, file);
        }

        watch.Stop();
        long peak;
        using (var process = Process.GetCurrentProcess())
        {
            peak = process.PeakWorkingSet64;
        }

        var rows = MiniExcelLibs.MiniExcel.Query(path, useHeaderRow: true).Count();
        var size = new FileInfo(path).Length;
        File.Delete(path);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{engine}: district {district.Code} {rows} rows, {watch.Elapsed.TotalSeconds:F2} s, {size / 1024.0 / 1024.0:F1} MB file, working set {before / 1024.0 / 1024.0:F0} MB before the export, peak {peak / 1024.0 / 1024.0:F0} MB"));
    }
}
