using BacGiang.Cnscd.Core.Features.Reports;
using BacGiang.Cnscd.Core.Tenancy;

namespace BacGiang.Cnscd.Web.Components.Pages.Reports;

/// <summary>
/// The Excel download of a quarterly report: a plain GET so the browser saves it like any file. A unit outside the
/// reader's scope answers 404 (the refusal is audited by the service) so the URL does not confirm that the unit exists.
/// </summary>
internal static class ReportEndpoints
{
    public const string ExcelPattern = "/reports/{unitId:int}/{year:int}/{quarter:int}/excel";

    public static string ExcelPath(int unitId, int year, int quarter) => $"/reports/{unitId}/{year}/{quarter}/excel";

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExcelPattern, async (int unitId, int year, int quarter, ReportExportService export, CancellationToken cancellationToken) =>
            {
                if (quarter is < 1 or > 4 || year is < 2000 or > 2100)
                {
                    return Results.NotFound();
                }

                try
                {
                    var file = await export.ExportAsync(unitId, year, quarter, cancellationToken: cancellationToken);
                    return Results.File(file.Content, ReportFile.ContentType, file.FileName);
                }
                catch (ScopeViolationException)
                {
                    return Results.NotFound();
                }
            })
            .RequireAuthorization();
        return endpoints;
    }
}
