using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Features.Dashboards;

namespace BacGiang.Cnscd.Web.Components.Pages.Dashboards;

/// <summary>The Excel export of a dashboard's table, as a plain GET (the page's link carries <c>download</c>).</summary>
internal static class DashboardEndpoints
{
    public const string ExportPath = "/dashboard/export";

    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExportPath, async (int? unitId, DashboardService dashboards, VietnamClock clock, CancellationToken cancellationToken) =>
            {
                var today = clock.Today;
                var file = await dashboards.ExportAsync(unitId, cancellationToken);
                // A unit outside the account's scope is "not found" (and the attempt is audited by the service).
                return file is null
                    ? Results.NotFound()
                    : Results.File(file, DashboardService.ExcelContentType, DashboardService.ExportFileName(unitId ?? 0, today));
            })
            .RequireAuthorization();
        return endpoints;
    }
}
