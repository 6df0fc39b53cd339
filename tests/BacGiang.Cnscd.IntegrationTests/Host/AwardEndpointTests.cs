using System.Net;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Recognition;
using BacGiang.Cnscd.Core.Features.Reports;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using BacGiang.Cnscd.Testing;
using BacGiang.Cnscd.Web.Demo;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BacGiang.Cnscd.IntegrationTests.Host;

/// <summary>The awards' documents through the real portal and the demo province: the files, their names and caching, and the 404s.</summary>
public class AwardEndpointTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<int> UnitAsync(string code)
    {
        _ = factory.Server;
        await using var db = CnscdDatabase.CreateContext(factory.Services.GetRequiredService<DatabaseSettings>(), Actor.System("test"));
        return await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task ACommuneOfficer_DownloadsItsLists_NotTheSiblingsNorTheProvincesAnnex_AndNothingIsCached()
    {
        var own = await UnitAsync("07444");
        var sibling = await UnitAsync("07450");
        var client = PortalClient.Create(factory);
        await PortalClient.SignInAsync(client, "xa@demo.cnscd.vn", DemoAccounts.Password);

        var word = await client.GetAsync($"/awards/2026/unit/{own}/list.docx");
        Assert.Equal(HttpStatusCode.OK, word.StatusCode);
        Assert.Equal(ReportFile.WordContentType, word.Content.Headers.ContentType?.MediaType);
        Assert.Equal("danh-sach-de-nghi-khen-thuong-2026-thi-tran-doi-ngo.docx", word.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(word.Headers.CacheControl?.NoStore, "a list of names is cached");

        var excel = await client.GetAsync($"/awards/2026/unit/{own}/list.xlsx");
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        Assert.True(excel.Headers.CacheControl?.NoStore, "a list of names is cached");
        using (var workbook = new XLWorkbook(await excel.Content.ReadAsStreamAsync()))
        {
            Assert.Equal("STT", workbook.Worksheet(AwardListWorkbook.SheetName).Cell(AwardListWorkbook.HeaderRow, 1).GetString());
        }

        foreach (var url in new[] { $"/awards/2026/unit/{sibling}/list.docx", $"/awards/2026/unit/{sibling}/list.xlsx", "/awards/2026/annex.docx",
                     $"/awards/1999/unit/{own}/list.docx" })
        {
            var refused = await client.GetAsync(url);
            Assert.True(refused.StatusCode == HttpStatusCode.NotFound, $"GET {url} answered {(int)refused.StatusCode}");
            Assert.Null(refused.Content.Headers.ContentDisposition);
        }

        await using var db = CnscdDatabase.CreateContext(factory.Services.GetRequiredService<DatabaseSettings>(), Actor.System("test"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Refused && a.EntityType == nameof(AwardNomination) && a.UnitId == sibling));
    }

    [Fact]
    public async Task TheDepartment_DownloadsTheAnnex_AndAnonymousIsSentToSignIn()
    {
        var admin = PortalClient.Create(factory);
        await PortalClient.SignInAsync(admin, "admin@demo.cnscd.vn", DemoAccounts.Password, DemoAccounts.AdminAuthenticatorKey);
        var annex = await admin.GetAsync("/awards/2026/annex.docx");
        Assert.Equal(HttpStatusCode.OK, annex.StatusCode);
        Assert.Equal("phu-luc-quyet-dinh-khen-thuong-2026.docx", annex.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        var anonymous = await PortalClient.Create(factory).GetAsync("/awards/2026/annex.docx");
        Assert.StartsWith("/Account/Login", PortalClient.RedirectPath(anonymous), StringComparison.Ordinal);
    }
}
