using System.Security.Claims;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Web.Components.Pages.Accounts;
using BacGiang.Cnscd.Web.Components.Pages.Auditing;
using BacGiang.Cnscd.Web.Components.Pages.Households;
using BacGiang.Cnscd.Web.Components.Pages.Recognition;
using BacGiang.Cnscd.Web.Components.Pages.Restructuring;
using BacGiang.Cnscd.Web.Security;

namespace BacGiang.Cnscd.Web.Tests.Security;

/// <summary>Whom a page is for, read from the page's own rule (issue 21): the refusal message cannot drift from the rule.</summary>
public class PageAccessTests
{
    [Fact]
    public void TheRoles_ComeFromThePagesPolicy()
    {
        Assert.Equal([AppRole.ProvinceAdmin, AppRole.DistrictOfficer], PageAccess.RolesFor(typeof(AuditLogPage)));
        Assert.Equal([AppRole.ProvinceAdmin], PageAccess.RolesFor(typeof(RestructuringPage)));
        Assert.Equal([AppRole.ProvinceAdmin, AppRole.DistrictOfficer, AppRole.CommuneOfficer], PageAccess.RolesFor(typeof(AccountList)));
        Assert.Equal(Policies.WorkRoles, PageAccess.RolesFor(typeof(LogVisit)));
        Assert.Contains(AppRole.HomeAffairsAppraiser, PageAccess.RolesFor(typeof(AwardPage)));
        Assert.DoesNotContain(AppRole.HomeAffairsAppraiser, PageAccess.RolesFor(typeof(LogVisit)));
    }

    [Theory]
    [InlineData("/audit", typeof(AuditLogPage))]
    [InlineData("/awards/12?x=1", typeof(AwardPage))]
    [InlineData("/households/7/visit", typeof(LogVisit))]
    public void TheAddress_FindsItsPage(string address, Type page) => Assert.Equal(page, PageAccess.PageAt(address));

    [Theory]
    [InlineData(null)]
    [InlineData("https://evil.example/audit")]
    [InlineData("//evil.example/audit")]
    [InlineData("/no-such-page/at-all")]
    public void OtherSitesAndUnknownAddresses_AreNotExplained(string? address) =>
        Assert.Null(PageAccess.Explain(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, nameof(AppRole.VillageLeader))], "test")),
            PageAccess.PageAt(address)));

    [Fact]
    public void TheExplanation_NamesTheRolesAndTheAccount()
    {
        var leader = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, nameof(AppRole.VillageLeader))], "test"));
        Assert.Equal("Trang này dành cho: Cán bộ Sở (quản trị), Cán bộ UBND huyện. Tài khoản của bạn là Tổ trưởng thôn. "
            + "Nếu bạn cần dùng trang này, hãy đề nghị cấp quản lý tài khoản của bạn.", PageAccess.Explain(leader, typeof(AuditLogPage)));
    }
}
