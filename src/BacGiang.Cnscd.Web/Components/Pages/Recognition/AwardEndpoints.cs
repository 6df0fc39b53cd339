using BacGiang.Cnscd.Core.Features.Recognition;
using BacGiang.Cnscd.Core.Features.Reports;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Web.Security;

namespace BacGiang.Cnscd.Web.Components.Pages.Recognition;

/// <summary>
/// The downloads of the DX Day awards' documents: a unit's list of nominations as Word and as Excel, and the annex of the
/// province's decisions; plain GETs so the browser saves them like any file (no-store, as every download: SecurityHeaders).
/// A unit outside the reader's scope, or a document the reader's role does not export, answers 404 (the refusal is audited
/// by the service) so the URL does not confirm that the unit exists. Open to Home Affairs' appraiser (the province's list
/// and the annex are what it appraises from and checks), like the awards pages.
/// </summary>
internal static class AwardEndpoints
{
    public const string ListWordPattern = "/awards/{year:int}/unit/{unitId:int}/list.docx";

    public const string ListExcelPattern = "/awards/{year:int}/unit/{unitId:int}/list.xlsx";

    public const string AnnexPattern = "/awards/{year:int}/annex.docx";

    public static string ListWordPath(int year, int unitId) => $"/awards/{year}/unit/{unitId}/list.docx";

    public static string ListExcelPath(int year, int unitId) => $"/awards/{year}/unit/{unitId}/list.xlsx";

    public static string AnnexPath(int year) => $"/awards/{year}/annex.docx";

    public static IEndpointRouteBuilder MapAwardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ListWordPattern, (int year, int unitId, AwardDocumentService documents, CancellationToken cancellationToken) =>
                DownloadAsync(year, () => documents.ExportListAsync(unitId, year, ReportFormat.Word, cancellationToken)))
            .RequireAuthorization(Policies.Awards);
        endpoints.MapGet(ListExcelPattern, (int year, int unitId, AwardDocumentService documents, CancellationToken cancellationToken) =>
                DownloadAsync(year, () => documents.ExportListAsync(unitId, year, ReportFormat.Excel, cancellationToken)))
            .RequireAuthorization(Policies.Awards);
        endpoints.MapGet(AnnexPattern, (int year, AwardDocumentService documents, CancellationToken cancellationToken) =>
                DownloadAsync(year, () => documents.ExportAnnexAsync(year, cancellationToken)))
            .RequireAuthorization(Policies.Awards);
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(int year, Func<Task<ReportFile>> export)
    {
        if (year is < 2000 or > 2100)
        {
            return Results.NotFound();
        }

        try
        {
            var file = await export();
            return Results.File(file.Content, file.ContentType, file.FileName);
        }
        catch (ScopeViolationException)
        {
            return Results.NotFound();
        }
    }
}
