using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Accounts;
using BacGiang.Cnscd.Core.Features.Accounts.Import;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Web.Components.Pages.Accounts;
using BacGiang.Cnscd.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BacGiang.Cnscd.Web.Tests.Pages.Accounts;

public class AccountListTests : ComponentTestBase
{
    public AccountListTests()
    {
        // Identity as PortalHost wires it; the account service builds its own managers from this one's settings.
        Services.AddLogging();
        Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CnscdDbContext>>().CreateDbContext());
        Services.AddIdentityCore<AppUser>(o => o.Password.RequiredLength = 12).AddEntityFrameworkStores<CnscdDbContext>();
    }

    private async Task<AppUser> AddAccountAsync(string email, string fullName, AppRole role, int unitId)
    {
        await using var db = CnscdDatabase.CreateContext(Settings, BacGiang.Cnscd.Core.Tenancy.Actor.System("component test set-up"));
        var user = new AppUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            FullName = fullName, Role = role, UnitId = unitId, SecurityStamp = Guid.NewGuid().ToString(), CreatedAtUtc = DateTime.UtcNow,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    [Fact]
    public async Task AccountList_DistrictOfficer_SeesCommuneAccountsOfTheDistrictOnly_InVietnamese()
    {
        await using var db = CnscdDatabase.CreateContext(Settings, BacGiang.Cnscd.Core.Tenancy.Actor.System("component test"));
        var dongHung = await db.Units.SingleAsync(u => u.Name == "Xã Đông Hưng");
        var officer = await AddAccountAsync("lucnam@test.vn", "Cán Bộ Lục Nam", AppRole.DistrictOfficer, LucNam.Id);
        await AddAccountAsync("donghung@test.vn", "Chủ Tịch Đông Hưng", AppRole.CommuneOfficer, dongHung.Id);
        await AddAccountAsync("yenthe@test.vn", "Cán Bộ Yên Thế", AppRole.DistrictOfficer, YenThe.Id);
        Actor.Current = new BacGiang.Cnscd.Core.Tenancy.Actor(officer.Id, officer.Email, LucNam.Id,
            DataScope.ForUnit(UnitLevel.District, LucNam.DistrictId, null, null));

        Render<MudPopoverProvider>();
        var page = Render<AccountList>();

        page.WaitForAssertion(() => Assert.Contains("Chủ Tịch Đông Hưng", page.Markup, StringComparison.Ordinal));
        Assert.Single(page.FindAll("tr.mud-table-row").Skip(1));
        Assert.Contains("Chủ tịch / cán bộ UBND xã", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Xã Đông Hưng", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Đang hoạt động", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Cán Bộ Yên Thế", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("lucnam@test.vn", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Thêm tài khoản", page.Find(".account-add").TextContent, StringComparison.Ordinal);
        // The Excel import is a commune officer's tool only.
        Assert.DoesNotContain("Nhập từ Excel", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".account-template"));
    }

    [Fact]
    public async Task AccountList_CommuneOfficer_SeesTheExcelButtons()
    {
        await using var db = CnscdDatabase.CreateContext(Settings, BacGiang.Cnscd.Core.Tenancy.Actor.System("component test"));
        var dongHung = await db.Units.SingleAsync(u => u.Name == "Xã Đông Hưng");
        var officer = await AddAccountAsync("donghung@test.vn", "Chủ Tịch Đông Hưng", AppRole.CommuneOfficer, dongHung.Id);
        Actor.Current = new BacGiang.Cnscd.Core.Tenancy.Actor(officer.Id, officer.Email, dongHung.Id,
            DataScope.ForUnit(UnitLevel.Commune, dongHung.DistrictId, dongHung.CommuneId, null));

        Render<MudPopoverProvider>();
        var page = Render<AccountList>();

        page.WaitForAssertion(() => Assert.Contains("Tải mẫu Excel", page.Find(".account-template").TextContent, StringComparison.Ordinal));
        Assert.Equal("/accounts/import-template", page.Find("a.account-template").GetAttribute("href"));
        Assert.Equal("mau-tai-khoan-truong-thon.xlsx", page.Find("a.account-template").GetAttribute("download"));
        Assert.Contains("Nhập từ Excel", page.Markup, StringComparison.Ordinal);
        Assert.Equal(".xlsx", page.Find("input[type=file]").GetAttribute("accept"));
    }
}
