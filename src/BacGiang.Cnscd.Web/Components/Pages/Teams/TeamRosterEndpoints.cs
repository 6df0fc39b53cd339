using BacGiang.Cnscd.Core.Features.Teams;

namespace BacGiang.Cnscd.Web.Components.Pages.Teams;

/// <summary>Roster downloads: the import template (no unit data) and the export of a unit's subtree (scoped, audited, 404 outside the scope).</summary>
internal static class TeamRosterEndpoints
{
    public const string TemplatePath = "/teams/roster-template";

    public static string ExportPath(int unitId) => $"/teams/unit/{unitId}/roster-export";

    public static IEndpointRouteBuilder MapTeamRosterEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(TemplatePath, () => Results.File(TeamExcelService.CreateTemplate(), TeamExcelService.ContentType, TeamExcelService.TemplateFileName))
            .RequireAuthorization();
        endpoints.MapGet("/teams/unit/{unitId:int}/roster-export", async (int unitId, TeamExcelService excel, CancellationToken cancellationToken) =>
            {
                var file = await excel.ExportAsync(unitId, cancellationToken);
                return file is null
                    ? Results.NotFound()
                    : Results.File(file, TeamExcelService.ContentType, $"danh-sach-thanh-vien-to-{unitId}.xlsx");
            })
            .RequireAuthorization();
        return endpoints;
    }
}
