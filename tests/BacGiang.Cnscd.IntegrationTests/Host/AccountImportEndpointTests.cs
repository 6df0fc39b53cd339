using System.Net;
using BacGiang.Cnscd.IntegrationTests.Infrastructure;
using BacGiang.Cnscd.Testing;
using BacGiang.Cnscd.Web.Demo;
using ClosedXML.Excel;

namespace BacGiang.Cnscd.IntegrationTests.Host;

/// <summary>The template download and the import buttons through the real portal, for whom they are meant and for whom not.</summary>
public class AccountImportEndpointTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task CommuneOfficer_DownloadsTheTemplate_WithItsOwnVillages()
    {
        var client = PortalClient.Create(factory);
        await PortalClient.SignInAsync(client, "xa@demo.cnscd.vn", DemoAccounts.Password);

        var response = await client.GetAsync("/accounts/import-template");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("mau-tai-khoan-truong-thon.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var codes = workbook.Worksheet("Danh sách thôn").RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()).ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.StartsWith("07444-", code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DistrictOfficer_GetsNoTemplate_AndAnonymousIsSentToSignIn()
    {
        var client = PortalClient.Create(factory);
        await PortalClient.SignInAsync(client, "huyen@demo.cnscd.vn", DemoAccounts.Password);
        var district = await client.GetAsync("/accounts/import-template");
        Assert.NotEqual(HttpStatusCode.OK, district.StatusCode);
        Assert.Null(district.Content.Headers.ContentDisposition);

        var anonymous = await PortalClient.Create(factory).GetAsync("/accounts/import-template");
        Assert.StartsWith("/Account/Login", PortalClient.RedirectPath(anonymous), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xa@demo.cnscd.vn", true)]
    [InlineData("huyen@demo.cnscd.vn", false)]
    public async Task AccountsPage_ShowsTheImportButtons_OnlyToCommuneOfficers(string email, bool shown)
    {
        var client = PortalClient.Create(factory);
        await PortalClient.SignInAsync(client, email, DemoAccounts.Password);

        var page = await client.GetStringAsync("/accounts");

        Assert.Contains("Thêm tài khoản", page, StringComparison.Ordinal);
        Assert.Equal(shown, page.Contains("Tải mẫu Excel", StringComparison.Ordinal));
        Assert.Equal(shown, page.Contains("Nhập từ Excel", StringComparison.Ordinal));
    }
}
