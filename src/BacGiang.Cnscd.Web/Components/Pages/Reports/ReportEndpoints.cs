using BacGiang.Cnscd.Core.Features.Reports;
using BacGiang.Cnscd.Core.Tenancy;

namespace BacGiang.Cnscd.Web.Components.Pages.Reports;

/// <summary>
/// The downloads of a quarterly report, the Excel workbook and the Word document: plain GETs so the browser saves them
/// like any file. A unit outside the reader's scope answers 404 (the refusal is audited by the service) so the URL does
/// not confirm that the unit exists.
/// </summary>
internal static class ReportEndpoints
{
    public const string ExcelPattern = "/reports/{unitId:int}/{year:int}/{quarter:int}/excel";

    public const string WordPattern = "/reports/{unitId:int}/{year:int}/{quarter:int}/word";

    public static string ExcelPath(int unitId, int year, int quarter) => $"/reports/{unitId}/{year}/{quarter}/excel";

    public static string WordPath(int unitId, int year, int quarter) => $"/reports/{unitId}/{year}/{quarter}/word";

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExcelPattern, (int unitId, int year, int quarter, ReportExportService export, CancellationToken cancellationToken) =>
                DownloadAsync(export, unitId, year, quarter, ReportFormat.Excel, cancellationToken))
            .RequireAuthorization();
        endpoints.MapGet(WordPattern, (int unitId, int year, int quarter, ReportExportService export, CancellationToken cancellationToken) =>
                DownloadAsync(export, unitId, year, quarter, ReportFormat.Word, cancellationToken))
            .RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(ReportExportService export, int unitId, int year, int quarter, ReportFormat format,
        CancellationToken cancellationToken)
    {
        if (quarter is < 1 or > 4 || year is < 2000 or > 2100)
        {
            return Results.NotFound();
        }

        try
        {
            var file = await export.ExportAsync(unitId, year, quarter, format, cancellationToken);
            return Results.File(file.Content, file.ContentType, file.FileName);
        }
        catch (ScopeViolationException)
        {
            return Results.NotFound();
        }
    }
}
