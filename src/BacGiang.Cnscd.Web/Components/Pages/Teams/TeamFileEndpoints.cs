using BacGiang.Cnscd.Core.Features.Teams;

namespace BacGiang.Cnscd.Web.Components.Pages.Teams;

/// <summary>
/// Downloads of governance documents (regulations, plans). The service reads through the scope filter, so an id
/// of another unit's document — or a made-up one — answers 404 and is audited; the stored content type (decided
/// from the file's bytes at upload) is sent, always as an attachment, never rendered inline.
/// </summary>
internal static class TeamFileEndpoints
{
    public const string Prefix = "/teams/files/";

    public static string PathFor(Guid id) => Prefix + id.ToString("D");

    public static IEndpointRouteBuilder MapTeamFileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Prefix + "{id:guid}", async (Guid id, TeamGovernanceService governance, HttpContext http, CancellationToken cancellationToken) =>
            {
                var file = await governance.OpenAttachmentAsync(id, cancellationToken);
                if (file is null)
                {
                    return Results.NotFound();
                }

                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .RequireAuthorization();
        return endpoints;
    }
}
