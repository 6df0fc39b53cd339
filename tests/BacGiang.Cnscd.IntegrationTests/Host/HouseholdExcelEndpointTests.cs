using System.Net;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Households.Export;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using BacGiang.Cnscd.Testing;
using BacGiang.Cnscd.Web.Demo;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace BacGiang.Cnscd.IntegrationTests.Host;

/// <summary>The household template and the streamed register export through the real portal and the demo province.</summary>
public class HouseholdExcelEndpointTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(int Id, int Households)> UnitAsync(string code)
    {
        _ = factory.Server;
        await using var db = CnscdDatabase.CreateContext(factory.Services.GetRequiredService<DatabaseSettings>(), Actor.System("test"));
        var unit = await db.Units.SingleAsync(u => u.Code == code);
        var count = await db.Households.CountAsync(h => h.DistrictId == unit.Id || h.CommuneId == unit.Id || h.VillageId == unit.Id);
        return (unit.Id, count);
    }

    [Fact]
    public async Task CommuneOfficer_ExportsTheCommune_AsAStreamedXlsx_WithFullPhones()
    {
        var (communeId, households) = await UnitAsync("07444");
        var client = PortalClient.Create(factory);
        await PortalClient.SignInAsync(client, "xa@demo.cnscd.vn", DemoAccounts.Password);

        var response = await client.GetAsync($"/households/export?unit={communeId}", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HouseholdExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("so-ho-gia-dinh-07444-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        // Streamed: no Content-Length is known when the headers go out.
        Assert.Null(response.Content.Headers.ContentLength);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(file, useHeaderRow: true, sheetName: HouseholdExport.SheetName).Cast<IDictionary<string, object?>>().ToList();
        Assert.True(households > 0);
        Assert.Equal(households, rows.Count);
        Assert.All(rows, r => Assert.StartsWith("07444-", r["Mã thôn"]?.ToString(), StringComparison.Ordinal));
        Assert.Contains(rows, r => r["Số điện thoại"]?.ToString() is { Length: 10 } phone && !phone.Contains('x', StringComparison.Ordinal));
    }

    [Fact]
    public async Task DistrictOfficer_ExportsWithMaskedPhones_AndNotAnotherDistrict()
    {
        var (communeId, _) = await UnitAsync("07444");
        var (otherDistrictId, _) = await UnitAsync("215");
        var client = PortalClient.Create(factory);
        await PortalClient.SignInAsync(client, "huyen@demo.cnscd.vn", DemoAccounts.Password);

        var own = await client.GetAsync($"/households/export?unit={communeId}&notCovered=true");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var file = new MemoryStream(await own.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(file, useHeaderRow: true, sheetName: HouseholdExport.SheetName).Cast<IDictionary<string, object?>>().ToList();
        Assert.All(rows, r => Assert.Equal("Chưa phủ", r["Tình trạng phủ"]?.ToString()));
        Assert.All(rows.Where(r => r["Số điện thoại"]?.ToString() is { Length: > 0 }), r => Assert.Contains("xx", r["Số điện thoại"]!.ToString(), StringComparison.Ordinal));

        var foreign = await client.GetAsync($"/households/export?unit={otherDistrictId}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Null(foreign.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task Template_IsForTheVillageAndCommune_NotTheDistrict_AndAnonymousIsSentToSignIn()
    {
        var client = PortalClient.Create(factory);
        await PortalClient.SignInAsync(client, "thon@demo.cnscd.vn", DemoAccounts.Password);
        var template = await client.GetAsync("/households/import-template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        using (var workbook = new XLWorkbook(await template.Content.ReadAsStreamAsync()))
        {
            Assert.Equal(["07444-01"], workbook.Worksheet("Danh sách thôn").RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()));
        }

        var district = PortalClient.Create(factory);
        await PortalClient.SignInAsync(district, "huyen@demo.cnscd.vn", DemoAccounts.Password);
        Assert.NotEqual(HttpStatusCode.OK, (await district.GetAsync("/households/import-template")).StatusCode);

        var anonymous = await PortalClient.Create(factory).GetAsync("/households/export?unit=1");
        Assert.StartsWith("/Account/Login", PortalClient.RedirectPath(anonymous), StringComparison.Ordinal);
    }
}
