using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace BacGiang.Cnscd.Web.Diagnostics;

/// <summary>
/// What the load run (tests/BacGiang.Cnscd.Benchmarks, mode <c>load</c>) reads from the server: managed memory after
/// a full, compacting GC and the number of open circuits, and the server's own share of each click from the .NET 10
/// Blazor metrics (meters <c>Microsoft.AspNetCore.Components*</c>: event handling, parameter updates with their
/// data access, render diffs). Present ONLY when <c>Diagnostics:LoadRun=true</c> (never in
/// production settings), and answers only loopback callers: a forced full GC on demand would be a denial-of-service
/// lever anywhere else.
/// </summary>
public static class LoadRunDiagnostics
{
    public const string Setting = "Diagnostics:LoadRun";

    public const string MemoryPath = "/_load/memory";

    /// <summary>Durations recorded by the Blazor histograms since the last call, per instrument and component; resets them.</summary>
    public const string MetricsPath = "/_load/metrics";

    private const int MaxSamplesPerKey = 100_000;

    private static readonly ConcurrentDictionary<string, ConcurrentQueue<double>> Durations = new(StringComparer.Ordinal);

    private static int _openCircuits;

    private static MeterListener? _listener;

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(Setting);

    public static void AddLoadRunDiagnostics(this IServiceCollection services)
    {
        services.AddScoped<CircuitHandler, CircuitCounter>();
        ListenToBlazorMetrics();
    }

    public static void MapLoadRunDiagnostics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(MetricsPath, (HttpContext context) =>
        {
            if (context.Connection.RemoteIpAddress is not { } address || !IPAddress.IsLoopback(address))
            {
                return Results.NotFound();
            }

            var result = new SortedDictionary<string, object>(StringComparer.Ordinal);
            foreach (var key in Durations.Keys)
            {
                if (!Durations.TryRemove(key, out var queue))
                {
                    continue;
                }

                var ms = queue.Select(seconds => seconds * 1000).Order().ToArray();
                result[key] = new { count = ms.Length, p50 = Percentile(ms, 0.50), p95 = Percentile(ms, 0.95), max = ms[^1] };
            }

            return Results.Json(result);
        });
        MapMemory(endpoints);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>Every histogram of the Blazor meters, keyed "instrument component" (the component type tag when present).</summary>
    private static void ListenToBlazorMetrics()
    {
        if (_listener is not null)
        {
            return;
        }

        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal) && instrument is Histogram<double>)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var component = "";
            foreach (var tag in tags)
            {
                if (tag.Key == "aspnetcore.components.type")
                {
                    component = " " + tag.Value;
                }
            }

            var queue = Durations.GetOrAdd(instrument.Name + component, _ => new ConcurrentQueue<double>());
            if (queue.Count < MaxSamplesPerKey)
            {
                queue.Enqueue(value);
            }
        });
        listener.Start();
        _listener = listener;
    }

    private static void MapMemory(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(MemoryPath, (HttpContext context) =>
        {
            if (context.Connection.RemoteIpAddress is not { } address || !IPAddress.IsLoopback(address))
            {
                return Results.NotFound();
            }

            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            return Results.Json(new
            {
                managedBytes = GC.GetTotalMemory(forceFullCollection: false),
                openCircuits = Volatile.Read(ref _openCircuits),
                workingSetBytes = Environment.WorkingSet,
            });
        });

    /// <summary>Counts circuits between opened and closed (a disconnected circuit kept for reconnection still counts).</summary>
    private sealed class CircuitCounter : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _openCircuits);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref _openCircuits);
            return Task.CompletedTask;
        }
    }
}
