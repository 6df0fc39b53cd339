using BacGiang.Cnscd.Core.Features.Accounts.Import;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Web.Security;

namespace BacGiang.Cnscd.Web.Components.Pages.Accounts;

/// <summary>
/// The template download of the village-leader import. A plain GET endpoint rather than JS interop: the
/// browser downloads it like any file (the page's link carries <c>download</c>, so Blazor's router leaves it alone).
/// </summary>
internal static class AccountImportEndpoints
{
    public const string TemplatePath = "/accounts/import-template";

    public static IEndpointRouteBuilder MapAccountImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(TemplatePath, async (VillageLeaderImport import, CancellationToken cancellationToken) =>
            {
                try
                {
                    var template = await import.CreateTemplateAsync(cancellationToken);
                    return Results.File(template, VillageLeaderImport.ContentType, VillageLeaderImport.TemplateFileName);
                }
                catch (ScopeViolationException)
                {
                    // Account managers above the commune pass the policy but have no commune to fill in.
                    return Results.Forbid();
                }
            })
            .RequireAuthorization(Policies.AccountManager);
        return endpoints;
    }
}
