using System.IO.Pipelines;
using BacGiang.Cnscd.Core.Features.Households;
using BacGiang.Cnscd.Core.Features.Households.Export;
using BacGiang.Cnscd.Core.Features.Households.Import;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Web.Security;
using Microsoft.Net.Http.Headers;

namespace BacGiang.Cnscd.Web.Components.Pages.Households;

/// <summary>
/// The household template download and the register export. Plain GET endpoints rather than JS interop: the
/// browser downloads them like any file (the page's links carry <c>download</c>, so Blazor's router leaves them
/// alone), and the export streams into the response instead of crossing the circuit in one piece.
/// </summary>
internal static class HouseholdExcelEndpoints
{
    public const string TemplatePath = "/households/import-template";

    public const string ExportPath = "/households/export";

    /// <summary>The export link for a unit with the register's filter and search, as the page builds it.</summary>
    public static string ExportUrl(int unitId, HouseholdFilter filter, string? search)
    {
        var query = new Dictionary<string, string?>
        {
            ["unit"] = unitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["notCovered"] = filter.NotCovered ? "true" : null,
            ["noVneid"] = filter.NoVneid ? "true" : null,
            ["noDvc"] = filter.NoPublicServiceAccount ? "true" : null,
            ["unassigned"] = filter.NeedsAssistanceUnassigned ? "true" : null,
            ["notVisitedDays"] = filter.NotVisitedForDays?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["q"] = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(ExportPath, query.Where(p => p.Value is not null)!);
    }

    public static IEndpointRouteBuilder MapHouseholdExcelEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(TemplatePath, async (HouseholdImport import, CancellationToken cancellationToken) =>
            {
                try
                {
                    var template = await import.CreateTemplateAsync(cancellationToken: cancellationToken);
                    return Results.File(template, HouseholdImport.ContentType, HouseholdImport.TemplateFileName);
                }
                catch (ScopeViolationException)
                {
                    // District and province accounts read the register; they do not fill it.
                    return Results.Forbid();
                }
            })
            .RequireAuthorization(Policies.SignedIn);

        endpoints.MapGet(ExportPath, ExportAsync).RequireAuthorization(Policies.SignedIn);
        return endpoints;
    }

    private static async Task ExportAsync(HttpContext context, HouseholdExport export, int unit, bool? notCovered, bool? noVneid, bool? noDvc,
        bool? unassigned, int? notVisitedDays, string? q, CancellationToken cancellationToken)
    {
        var filter = new HouseholdFilter(notCovered == true, noVneid == true, noDvc == true, unassigned == true,
            notVisitedDays is { } days ? Math.Clamp(days, 1, 3650) : null);
        HouseholdExportRequest request;
        try
        {
            request = await export.PrepareAsync(unit, filter, q, cancellationToken: cancellationToken);
        }
        catch (ScopeViolationException)
        {
            // Refused and audited by the service; the reader learns nothing about the unit.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = HouseholdExport.ContentType;
        context.Response.Headers[HeaderNames.ContentDisposition] =
            new ContentDispositionHeaderValue("attachment") { FileName = request.FileName }.ToString();
        // The zip writer inside MiniExcel writes synchronously, which Kestrel refuses on the response body; it writes
        // into a pipe on a pool thread instead, and the pipe is copied to the response asynchronously as it fills.
        // The pipe's back-pressure keeps at most a few hundred kilobytes in flight.
        var pipe = new Pipe();
        var writer = Task.Run(async () =>
        {
            try
            {
                await using (var stream = pipe.Writer.AsStream(leaveOpen: true))
                {
                    await export.WriteAsync(request, stream, cancellationToken);
                }

                await pipe.Writer.CompleteAsync();
            }
            catch (Exception ex)
            {
                await pipe.Writer.CompleteAsync(ex);
            }
        }, CancellationToken.None);
        try
        {
            await pipe.Reader.CopyToAsync(context.Response.Body, cancellationToken);
            await pipe.Reader.CompleteAsync();
        }
        catch (Exception ex)
        {
            // The browser went away (or the export failed part-way): stop the writer and let the response end.
            await pipe.Reader.CompleteAsync(ex);
            throw;
        }
        finally
        {
            await writer;
        }
    }
}
