using System.Net;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace BacGiang.Cnscd.Web.Diagnostics;

/// <summary>
/// What the load run (tests/BacGiang.Cnscd.Benchmarks, mode <c>load</c>) reads from the server: managed memory after
/// a full, compacting GC and the number of open circuits. Present ONLY when <c>Diagnostics:LoadRun=true</c> (never in
/// production settings), and answers only loopback callers: a forced full GC on demand would be a denial-of-service
/// lever anywhere else.
/// </summary>
public static class LoadRunDiagnostics
{
    public const string Setting = "Diagnostics:LoadRun";

    public const string MemoryPath = "/_load/memory";

    private static int _openCircuits;

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(Setting);

    public static void AddLoadRunDiagnostics(this IServiceCollection services) =>
        services.AddScoped<CircuitHandler, CircuitCounter>();

    public static void MapLoadRunDiagnostics(this IEndpointRouteBuilder endpoints) =>
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
