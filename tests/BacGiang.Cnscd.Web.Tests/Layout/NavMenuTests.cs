using System.Security.Claims;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Web.Components.Layout;
using BacGiang.Cnscd.Web.Security;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace BacGiang.Cnscd.Web.Tests.Layout;

/// <summary>The menu in plain links (decision 043): each role sees its entries, and the current page is marked.</summary>
public class NavMenuTests : BunitContext
{
    private static string[] LinkTexts(IRenderedComponent<NavMenu> menu) => menu.FindAll("a.portal-nav-link").Select(a => a.TextContent.Trim()).ToArray();

    [Fact]
    public void SignedOut_SeesOnlyTheSignIn()
    {
        AddAuthorization();

        var menu = Render<NavMenu>();

        Assert.Equal(["Đăng nhập"], LinkTexts(menu));
        Assert.Equal("Account/Login", menu.Find("a.portal-nav-link").GetAttribute("href"));
    }

    [Fact]
    public void VillageLeader_SeesTheirVillageAndHouseholds_NotReportsAccountsOrAudit()
    {
        AddAuthorization().SetAuthorized("thon").SetRoles(nameof(AppRole.VillageLeader)).SetClaims(new Claim(PortalClaimTypes.UnitId, "77"));

        var menu = Render<NavMenu>();

        Assert.Equal(["Trang chủ", "Tổng hợp", "Đơn vị hành chính", "Tổ CNSCĐ", "Hộ gia đình", "Thôn của tôi", "Hộ được phân công", "Mô hình, cách làm hay", "Khen thưởng Ngày CĐS", "Tài khoản của tôi"],
            LinkTexts(menu));
        Assert.Equal("households/village/77", menu.Find("a.nav-my-village").GetAttribute("href"));
    }

    [Fact]
    public void DistrictOfficer_SeesReportsTargetsAccountsAndAudit_NotHouseholds()
    {
        AddAuthorization().SetAuthorized("huyen").SetRoles(nameof(AppRole.DistrictOfficer))
            .SetPolicies(Policies.AccountManager, Policies.AuditReader);

        var menu = Render<NavMenu>();

        Assert.Equal(["Trang chủ", "Tổng hợp", "Đơn vị hành chính", "Tổ CNSCĐ", "Báo cáo quý", "Chỉ tiêu", "Mô hình, cách làm hay", "Khen thưởng Ngày CĐS", "Tài khoản", "Nhật ký hệ thống", "Tài khoản của tôi"],
            LinkTexts(menu));
    }

    [Fact]
    public void HomeAffairsAppraiser_SeesTheAwardsAndTheirOwnAccount_Only()
    {
        // Policies granted as the portal would (the appraiser passes the awards policy only): the menu must not ask for more.
        AddAuthorization().SetAuthorized("noi-vu").SetRoles(nameof(AppRole.HomeAffairsAppraiser)).SetPolicies(Policies.Awards);

        var menu = Render<NavMenu>();

        Assert.Equal(["Khen thưởng Ngày CĐS", "Tài khoản của tôi"], LinkTexts(menu));
        Assert.Equal("awards", menu.Find("a.nav-awards").GetAttribute("href"));
    }

    [Fact]
    public void TheCurrentPage_IsMarked_AndTheMarkFollowsNavigation()
    {
        AddAuthorization().SetAuthorized("tinh").SetRoles(nameof(AppRole.ProvinceViewer));
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("dashboard/unit/12");

        var menu = Render<NavMenu>();
        Assert.Equal("Tổng hợp", menu.Find("a.portal-nav-link.active").TextContent.Trim());
        Assert.Equal("page", menu.Find("a.nav-dashboard").GetAttribute("aria-current"));

        navigation.NavigateTo("reports");
        menu.WaitForAssertion(() => Assert.Equal("Báo cáo quý", menu.Find("a.portal-nav-link.active").TextContent.Trim()));
        // "Báo cáo quý" matches its path exactly: the targets page under it is not "reports".
        navigation.NavigateTo("reports/targets");
        menu.WaitForAssertion(() => Assert.Equal(["Chỉ tiêu"], menu.FindAll("a.portal-nav-link.active").Select(a => a.TextContent.Trim())));
    }
}
