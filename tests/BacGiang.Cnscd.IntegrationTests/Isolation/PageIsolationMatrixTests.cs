using System.Net;
using System.Reflection;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using BacGiang.Cnscd.Testing;
using BacGiang.Cnscd.Web.Demo;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BacGiang.Cnscd.IntegrationTests.Isolation;

/// <summary>
/// The isolation matrix over routable pages, on the running portal with the demo province: each demo
/// officer asks for every page, with a sibling unit's id where the page takes one. A page carrying
/// another unit's id answers 404; no page shows the sibling's name. A new routable page fails
/// <see cref="EveryRoutablePage_IsInTheMatrix"/> until it is listed here.
/// </summary>
public abstract class PageIsolationMatrixTests(PortalFactory factory)
{
    /// <summary>Pages that hold no unit data: identity self-service (the signed-in account's own), errors, the privacy notice.</summary>
    private static readonly string[] PagesWithoutUnitData = ["/Error", "/not-found", "/privacy"];

    /// <summary>Page templates in the matrix, with the way their unit id is filled in (null: no id).</summary>
    private static readonly Dictionary<string, string?> Pages = new()
    {
        ["/"] = null,
        ["/dashboard"] = null,
        ["/dashboard/unit/{UnitId:int}"] = "/dashboard/unit/{0}",
        // The dashboard's Excel export with a sibling's id: 404, nothing of it in the body.
        ["/dashboard/export"] = "/dashboard/export?unitId={0}",
        ["/units"] = null,
        ["/units/{UnitId:int}"] = "/units/{0}",
        ["/accounts"] = null,
        ["/audit"] = null,
        // Province administrators only: every role of the matrix is turned away before any unit is read.
        ["/restructuring"] = null,
        ["/teams"] = null,
        ["/teams/unit/{UnitId:int}"] = "/teams/unit/{0}",
        ["/teams/unit/{UnitId:int}/merge"] = "/teams/unit/{0}/merge",
        // {2}: a governance document stored under the sibling unit (a forged attachment id).
        ["/teams/files/{id:guid}"] = "/teams/files/{2}",
        ["/teams/unit/{unitId:int}/roster-export"] = "/teams/unit/{0}/roster-export",
        ["/households"] = null,
        ["/households/mine"] = null,
        ["/households/village/{VillageId:int}"] = "/households/village/{0}",
        // {1}: a household of the sibling unit (a forged household id), not a unit id.
        ["/households/{HouseholdId:int}/visit"] = "/households/{1}/visit",
        ["/reports"] = null,
        ["/reports/targets"] = null,
        ["/reports/{UnitId:int}/{Year:int}/{Quarter:int}"] = "/reports/{0}/2026/4",
        ["/reports/{UnitId:int}/{Year:int}/{Quarter:int}/versions/{Number:int}"] = "/reports/{0}/2026/4/versions/1",
        // The Excel download answers 404 for another unit (the refusal is audited by ReportExportService).
        ["/reports/{unitId:int}/{year:int}/{quarter:int}/excel"] = "/reports/{0}/2026/4/excel",
        // The Word document of the same report: the same service, the same 404 for another unit.
        ["/reports/{unitId:int}/{year:int}/{quarter:int}/word"] = "/reports/{0}/2026/4/word",
        // The register export: a sibling unit's id answers 404 (refused and audited), not a file.
        ["/households/export"] = "/households/export?unit={0}",
        // The library shares published models with everyone; it must hold nothing unpublished of the sibling's.
        ["/practices"] = null,
        ["/practices/work"] = null,
        ["/practices/new"] = null,
        // {3}: a submitted (unpublished) model of the sibling unit.
        ["/practices/{Id:int}"] = "/practices/{3}",
        ["/practices/{Id:int}/edit"] = "/practices/{3}/edit",
        // DX Day awards: the year's list and the form hold nothing of the sibling's; {4}: a submitted nomination of the sibling unit.
        ["/awards"] = null,
        ["/awards/new"] = null,
        ["/awards/{Id:int}"] = "/awards/{4}",
        ["/awards/{Id:int}/edit"] = "/awards/{4}/edit",
        ["/awards/dossier/{id:int}"] = "/awards/dossier/{4}",
        // The awards' lists answer 404 for another unit (refused and audited by AwardDocumentService); the annex of the
        // province's decisions answers 404 to every account of the matrix (province accounts only).
        ["/awards/{year:int}/unit/{unitId:int}/list.docx"] = "/awards/2026/unit/{0}/list.docx",
        ["/awards/{year:int}/unit/{unitId:int}/list.xlsx"] = "/awards/2026/unit/{0}/list.xlsx",
        ["/awards/{year:int}/annex.docx"] = null,
    };

    /// <summary>Non-page endpoints that return files: their content is opened and searched too.</summary>
    private static readonly string[] Downloads = ["/accounts/import-template", "/dashboard/export", "/teams/roster-template", "/households/import-template"];

    /// <summary>Demo account, its password-only sign-in, and sibling units it must not see (official codes).</summary>
    public static TheoryData<string, string[]> Officers => new()
    {
        { "huyen@demo.cnscd.vn", ["215", "07246"] },                 // Lục Nam's officer vs Huyện Yên Thế and one of its communes
        { "xa@demo.cnscd.vn", ["07450", "215"] },                     // Đồi Ngô vs Xã Đông Hưng (same district) and Huyện Yên Thế
        { "thon@demo.cnscd.vn", ["07444-02", "07450"] },              // TDP số 1 vs TDP số 2 of the same commune
    };

    [Theory]
    [MemberData(nameof(Officers))]
    public async Task NoPage_ShowsASiblingUnit(string email, string[] siblingCodes)
    {
        var siblings = await UnitsAsync(siblingCodes);
        var client = PortalClient.Create(factory);
        var signIn = await PortalClient.SignInAsync(client, email, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        foreach (var (template, withId) in Pages)
        {
            var urls = withId is null ? [template]
                : siblings.Select(s => string.Format(System.Globalization.CultureInfo.InvariantCulture, withId, s.Id, s.HouseholdId, s.AttachmentId, s.PracticeId, s.NominationId)).ToList();
            foreach (var url in urls)
            {
                var response = await client.GetAsync(url);
                var html = await response.Content.ReadAsStringAsync();
                if (withId is not null)
                {
                    Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{email} GET {url} answered {(int)response.StatusCode}");
                }
                else
                {
                    Assert.True((int)response.StatusCode < 500, $"{email} GET {url} answered {(int)response.StatusCode}");
                }

                foreach (var sibling in siblings)
                {
                    Assert.False(html.Contains(sibling.Name, StringComparison.Ordinal), $"{email} GET {url} shows {sibling.Name}");
                }
            }
        }

        foreach (var url in Downloads)
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                continue; // refused (403) or sent to sign-in: nothing to leak
            }

            using var workbook = new ClosedXML.Excel.XLWorkbook(await response.Content.ReadAsStreamAsync());
            var cells = workbook.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()).ToList();
            Assert.NotEmpty(cells);
            foreach (var sibling in siblings)
            {
                Assert.DoesNotContain(sibling.Name, cells);
            }
        }
    }

    /// <summary>
    /// The Department of Home Affairs' appraiser (issue 16) has province scope for awards only: every other page and download of
    /// the matrix turns it away before reading anything (the sign-in's access-denied page), home sends it to the awards, and the
    /// awards list opens.
    /// </summary>
    [Fact]
    public async Task TheHomeAffairsAppraiser_OpensTheAwardsOnly()
    {
        var unit = (await UnitsAsync(["215"]))[0];
        var client = PortalClient.Create(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.SignInAsync(client, "noivu@demo.cnscd.vn", DemoAccounts.Password)).StatusCode);

        var opened = new List<string>();
        foreach (var (template, withId) in Pages.Where(p => !p.Key.StartsWith("/awards", StringComparison.Ordinal) && p.Key != "/"))
        {
            var url = withId is null ? template
                : string.Format(System.Globalization.CultureInfo.InvariantCulture, withId, unit.Id, unit.HouseholdId, unit.AttachmentId, unit.PracticeId, unit.NominationId);
            var response = await client.GetAsync(url);
            var deniedBySignIn = response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location?.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal) == true;
            if (!deniedBySignIn && response.StatusCode != HttpStatusCode.Forbidden)
            {
                opened.Add($"{url} → {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(opened.Count == 0, "The appraiser reached: " + string.Join("; ", opened));
        var home = await client.GetAsync("/");
        Assert.Equal((HttpStatusCode.Redirect, "/awards"), (home.StatusCode, home.Headers.Location?.AbsolutePath ?? home.Headers.Location?.OriginalString));
        var awards = await client.GetAsync("/awards");
        Assert.Equal(HttpStatusCode.OK, awards.StatusCode);
        Assert.Contains("Khen thưởng Ngày Chuyển đổi số", await awards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // What it appraises from: the annex of the province's decisions opens (the awards' downloads share the pages' policy).
        var annex = await client.GetAsync("/awards/2026/annex.docx");
        Assert.Equal((HttpStatusCode.OK, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (annex.StatusCode, annex.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public void EveryRoutablePage_IsInTheMatrix()
    {
        var templates = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template))
            .Where(t => !t.StartsWith("/Account", StringComparison.Ordinal))
            .ToList();
        Assert.Contains("/units", templates);
        var missing = templates.Where(t => !Pages.ContainsKey(t) && !PagesWithoutUnitData.Contains(t)).ToList();
        Assert.True(missing.Count == 0, "Add these pages to the isolation matrix: " + string.Join(", ", missing));

        // Endpoints that are not pages (minimal APIs, downloads) must be in the matrix too.
        var endpoints = factory.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => !p.StartsWith("/_", StringComparison.Ordinal) && !p.StartsWith("/Account", StringComparison.Ordinal)
                && !p.StartsWith("/health", StringComparison.Ordinal) && !Path.HasExtension(p) && !p.Contains("{**", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.Contains("/accounts/import-template", endpoints);
        var missingEndpoints = endpoints.Where(p => !Pages.ContainsKey(p) && !PagesWithoutUnitData.Contains(p) && !Downloads.Contains(p)).ToList();
        Assert.True(missingEndpoints.Count == 0, "Add these endpoints to the isolation matrix: " + string.Join(", ", missingEndpoints));
    }

    /// <summary>The sibling units, each with one household of its subtree (for pages that take a household id).</summary>
    private async Task<List<(int Id, string Name, int HouseholdId, Guid AttachmentId, int PracticeId, int NominationId)>> UnitsAsync(string[] codes)
    {
        _ = factory.Server;
        await using var db = CnscdDatabase.CreateContext(factory.Services.GetRequiredService<DatabaseSettings>(), Actor.System("test"));
        var units = await db.Units.Where(u => codes.Contains(u.Code))
            .Select(u => new
            {
                u.Id, u.Name,
                HouseholdId = db.Households.Where(h => h.DistrictId == u.Id || h.CommuneId == u.Id || h.VillageId == u.Id)
                    .OrderBy(h => h.Id).Select(h => h.Id).FirstOrDefault(),
            })
            .ToListAsync();
        Assert.Equal(codes.Length, units.Count);
        Assert.All(units, u => Assert.NotEqual(0, u.HouseholdId));
        // A governance document of each sibling unit, for the file endpoint (made once per database).
        var attachments = new Dictionary<int, Guid>();
        foreach (var unit in units)
        {
            var stored = await db.Attachments.Where(a => a.UnitId == unit.Id).Select(a => (Guid?)a.Id).FirstOrDefaultAsync();
            if (stored is null)
            {
                var attachment = new BacGiang.Cnscd.Core.Domain.Attachment
                {
                    Id = Guid.NewGuid(), UnitId = unit.Id, FileName = "quy-che.pdf", ContentType = "application/pdf", Content = "%PDF-1.4 sibling"u8.ToArray(),
                    Size = 16, UploadedAtUtc = DateTime.UtcNow,
                };
                db.Attachments.Add(attachment);
                await db.SaveChangesAsync();
                stored = attachment.Id;
            }

            attachments[unit.Id] = stored.Value;
        }

        // A submitted model of each sibling unit, titled with its name so that a leak of it shows as the name (made once per database).
        var practices = new Dictionary<int, int>();
        foreach (var unit in units)
        {
            var stored = await db.PracticeModels.Where(p => p.UnitId == unit.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync();
            if (stored is null)
            {
                var level = await db.Units.Where(u => u.Id == unit.Id).Select(u => u.Level).SingleAsync();
                var model = new BacGiang.Cnscd.Core.Domain.PracticeModel
                {
                    UnitId = unit.Id, SubmitterLevel = level, Title = "Mô hình của " + unit.Name, SearchText = "mo hinh", Description = "Chưa công bố",
                    Skills = BacGiang.Cnscd.Core.Domain.DigitalSkills.OnlinePayment, StartedOn = new DateOnly(2026, 1, 1), Year = 2026, ContactName = "Người Liên Hệ",
                    Status = BacGiang.Cnscd.Core.Domain.PracticeStatus.Submitted, CreatedAtUtc = DateTime.UtcNow,
                };
                db.PracticeModels.Add(model);
                await db.SaveChangesAsync();
                stored = model.Id;
            }

            practices[unit.Id] = stored.Value;
        }

        // A submitted nomination of each sibling unit for itself, named after it, with its dossier (made once per database).
        var nominations = new Dictionary<int, int>();
        foreach (var unit in units)
        {
            var stored = await db.AwardNominations.Where(n => n.UnitId == unit.Id).Select(n => (int?)n.Id).FirstOrDefaultAsync();
            if (stored is null)
            {
                var nomination = new BacGiang.Cnscd.Core.Domain.AwardNomination
                {
                    UnitId = unit.Id, Year = 2026, NomineeKind = BacGiang.Cnscd.Core.Domain.NomineeKind.Unit, NomineeUnitId = unit.Id,
                    NomineeName = "Hồ sơ của " + unit.Name, Achievements = "Chưa xét", DossierFileId = attachments[unit.Id],
                    ProposedForm = BacGiang.Cnscd.Core.Domain.AwardForm.ProvincialChairmanCertificate,
                    Status = BacGiang.Cnscd.Core.Domain.AwardStatus.Submitted, CreatedAtUtc = DateTime.UtcNow,
                };
                db.AwardNominations.Add(nomination);
                await db.SaveChangesAsync();
                stored = nomination.Id;
            }

            nominations[unit.Id] = stored.Value;
        }

        return units.Select(u => (u.Id, u.Name, u.HouseholdId, attachments[u.Id], practices[u.Id], nominations[u.Id])).ToList();
    }
}

public sealed class SqlitePageIsolationMatrixTests(PortalFactory factory) : PageIsolationMatrixTests(factory), IClassFixture<PortalFactory>;

public sealed class PostgreSqlPageIsolationMatrixTests(PostgreSqlPortalFactory factory) : PageIsolationMatrixTests(factory), IClassFixture<PostgreSqlPortalFactory>;
