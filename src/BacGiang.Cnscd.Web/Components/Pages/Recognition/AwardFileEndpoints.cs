using BacGiang.Cnscd.Core.Features.Recognition;
using BacGiang.Cnscd.Web.Security;

namespace BacGiang.Cnscd.Web.Components.Pages.Recognition;

/// <summary>
/// The download of a nomination's dossier, open to every account that may read the nomination (the reviewers above it,
/// the Department and Home Affairs' appraiser, who appraises from it). The service reads through the scope filter: another
/// unit's nomination, or a made-up id, answers 404 and is audited once. Always an attachment, never rendered inline.
/// </summary>
internal static class AwardFileEndpoints
{
    public static IEndpointRouteBuilder MapAwardFileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/awards/dossier/{id:int}", async (int id, AwardQueryService awards, HttpContext http, CancellationToken cancellationToken) =>
            {
                var file = await awards.OpenDossierAsync(id, cancellationToken);
                if (file is null)
                {
                    return Results.NotFound();
                }

                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .RequireAuthorization(Policies.Awards);
        return endpoints;
    }
}
