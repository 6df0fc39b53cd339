using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Core.Features.Common.Refusals;
using System.Globalization;
using System.Security.Claims;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Households;
using BacGiang.Cnscd.Core.Features.Households.Import;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Core.Text;
using BacGiang.Cnscd.Web.Components.Pages.Households;
using BacGiang.Cnscd.Web.Security;
using BacGiang.Cnscd.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace BacGiang.Cnscd.Web.Tests.Pages.Households;

/// <summary>
/// The household register (filters, paging, the "not visited for N days" choice, search) and the visit page's
/// toggles and messages, rendered with the real services over SQLite as a village leader.
/// </summary>
public class HouseholdPageTests : ComponentTestBase
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private AdministrativeUnit _village = null!;
    private int _memberId;

    public HouseholdPageTests()
    {
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddDataProtection();
        Services.AddScoped<ProtectedSessionStorage>();
    }

    /// <summary>A village of Đồi Ngô with its team (one member) and 25 households; 3 of them visited recently, 1 covered.</summary>
    private async Task SeedVillageAsync()
    {
        await using var db = CnscdDatabase.CreateContext(Settings, Core.Tenancy.Actor.System("test"));
        var commune = await db.Units.SingleAsync(u => u.Name == "Thị trấn Đồi Ngô");
        _village = new AdministrativeUnit
        {
            Code = "07452-01", Name = "Tổ dân phố số 1", Level = UnitLevel.Village, Kind = UnitKind.ResidentialGroup, ParentId = commune.Id,
            ValidFrom = new DateOnly(2025, 3, 1),
        };
        db.Units.Add(_village);
        await db.SaveChangesAsync();
        var team = new Team { UnitId = _village.Id, Name = "Tổ CNSCĐ Tổ dân phố số 1", Level = UnitLevel.Village, CreatedAtUtc = DateTime.UtcNow };
        var member = new TeamMember
        {
            UnitId = _village.Id, Team = team, Position = TeamPosition.Member, StartDate = new DateOnly(2025, 1, 1),
            Person = new Person { UnitId = _village.Id, FullName = "Hoàng Văn Giúp", FullNameSearch = "hoang van giup" },
        };
        db.TeamMembers.Add(member);
        await db.SaveChangesAsync();
        _memberId = member.Id;
        var today = VietnamClock.System.Today;
        for (var i = 1; i <= 25; i++)
        {
            var head = i == 1 ? "Nguyễn Văn Đức" : $"Chủ Hộ {i:00}";
            var household = new Household
            {
                UnitId = _village.Id, HeadName = head, Address = "Xóm 1", SearchKey = VietnameseText.ToSearchKey(head + " Xóm 1"), Size = 3,
                CreatedAtUtc = DateTime.UtcNow, LastVisitedOn = i <= 3 ? today.AddDays(-10) : null,
            };
            if (i == 2)
            {
                household.RecordGuidance(DigitalSkills.All, today.AddDays(-10), member.Id);
                household.SetAccounts(true, true);
            }

            db.Households.Add(household);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Signs in (for the page's <see cref="CurrentUser"/>) and acts (for the data) as the village leader.</summary>
    private void ActAsVillageLeader()
    {
        ActAs(_village);
        var user = new CurrentUser();
        user.Set(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "u"), new Claim(ClaimTypes.Name, "thon"), new Claim(ClaimTypes.Role, nameof(AppRole.VillageLeader)),
            new Claim(PortalClaimTypes.UnitId, _village.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(PortalClaimTypes.ScopeLevel, nameof(UnitLevel.Village)),
            new Claim(PortalClaimTypes.ScopeDistrict, _village.DistrictId!.Value.ToString(CultureInfo.InvariantCulture)),
            new Claim(PortalClaimTypes.ScopeCommune, _village.CommuneId!.Value.ToString(CultureInfo.InvariantCulture)),
            new Claim(PortalClaimTypes.ScopeVillage, _village.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(PortalClaimTypes.MemberId, _memberId.ToString(CultureInfo.InvariantCulture)),
        ], "test")));
        Services.AddSingleton(user);
        AddAuthorization().SetAuthorized("thon").SetRoles(nameof(AppRole.VillageLeader));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
    }

    private async Task<int> HouseholdIdAsync(string head)
    {
        await using var db = CnscdDatabase.CreateContext(Settings, Core.Tenancy.Actor.System("test"));
        return await db.Households.Where(h => h.HeadName == head).Select(h => h.Id).SingleAsync();
    }

    private IRenderedComponent<HouseholdRegister> RenderRegister()
    {
        var page = Render<HouseholdRegister>(p => p.Add(c => c.VillageId, _village.Id));
        page.WaitForAssertion(() => Assert.Equal(20, page.FindAll(".household-register tbody tr").Count), Wait);
        return page;
    }

    private static List<string> Heads(IRenderedComponent<HouseholdRegister> page) =>
        page.FindAll("a.household-head").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task Register_ShowsOnePageOfTwenty_OfTheVillagesTwentyFive()
    {
        await SeedVillageAsync();
        ActAsVillageLeader();

        var page = RenderRegister();

        Assert.Contains("1–20 / 25", page.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal);
        Assert.Equal("Chủ Hộ 02", Heads(page)[0]);
        Assert.Equal("Hộ gia đình — Tổ dân phố số 1", page.Find("#household-title").TextContent);
    }

    [Fact]
    public async Task Register_NotCoveredChip_LeavesOnlyHouseholdsNotCovered()
    {
        await SeedVillageAsync();
        ActAsVillageLeader();
        var page = RenderRegister();

        await page.Find(".filter-not-covered").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("1–20 / 24", page.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal), Wait);
        Assert.DoesNotContain("Chủ Hộ 02", Heads(page));
    }

    [Fact]
    public async Task Register_NotVisitedChip_UsesTheChosenNumberOfDays()
    {
        await SeedVillageAsync();
        ActAsVillageLeader();
        var page = RenderRegister();
        Assert.Contains("Chưa thăm 90 ngày", page.Find(".filter-not-visited").TextContent, StringComparison.Ordinal);

        // 90 days: the 3 households visited 10 days ago are left out.
        await page.Find(".filter-not-visited").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("/ 22", page.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal), Wait);

        // 5 days: they were not visited for 5 days either, so all 25 are listed again.
        page.Find(".household-not-visited-days input").Change("5");
        page.WaitForAssertion(() => Assert.Contains("Chưa thăm 5 ngày", page.Find(".filter-not-visited").TextContent, StringComparison.Ordinal), Wait);
        page.WaitForAssertion(() => Assert.Contains("/ 25", page.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal), Wait);
    }

    [Fact]
    public async Task Register_SearchWithoutDiacritics_FindsTheHead()
    {
        await SeedVillageAsync();
        ActAsVillageLeader();
        var page = RenderRegister();

        page.Find(".household-search input").Input("nguyen van duc");

        page.WaitForAssertion(() => Assert.Equal(["Nguyễn Văn Đức"], Heads(page)), Wait);
    }

    [Fact]
    public async Task Register_OffersExportToEveryone_AndImportToTheVillageLeader()
    {
        await SeedVillageAsync();
        ActAsVillageLeader();

        var page = RenderRegister();

        Assert.Equal($"/households/export?unit={_village.Id}", page.Find("a.household-export").GetAttribute("href"));
        Assert.Equal("/households/import-template", page.Find("a.household-template").GetAttribute("href"));
        Assert.Contains("Nhập từ Excel", page.Find(".household-import").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VisitForm_SkillToggle_SwitchesOnAndOff()
    {
        await SeedVillageAsync();
        ActAsVillageLeader();
        var id = await HouseholdIdAsync("Nguyễn Văn Đức");

        var page = Render<LogVisit>(p => p.Add(c => c.HouseholdId, id));
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#visit-household").GetAttribute("data-ready")), Wait);
        var payment = $"[data-skill='{nameof(DigitalSkills.OnlinePayment)}']";
        Assert.Equal("false", page.Find(payment).GetAttribute("aria-pressed"));

        await page.Find(payment).ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("true", page.Find(payment).GetAttribute("aria-pressed")), Wait);
        await page.Find(payment).ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("false", page.Find(payment).GetAttribute("aria-pressed")), Wait);
        Assert.Contains("Hoàng Văn Giúp (tôi)", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VisitForm_AssistanceSaved_ShowsTheHelperAndTheNewCoverage()
    {
        await SeedVillageAsync();
        ActAsVillageLeader();
        var id = await HouseholdIdAsync("Chủ Hộ 05");
        var page = Render<LogVisit>(p => p.Add(c => c.HouseholdId, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".assistance-editor")), Wait);
        Assert.True(page.Find(".save-assistance").HasAttribute("disabled"));

        await page.InvokeAsync(() => page.FindComponent<AssistanceEditor>().FindComponent<MudSwitch<bool>>().Instance.ValueChanged.InvokeAsync(true));
        await page.InvokeAsync(() => page.FindComponent<MudSelect<int?>>().Instance.ValueChanged.InvokeAsync(_memberId));
        await page.Find(".save-assistance").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Đã lưu thông tin hỗ trợ.", page.Markup, StringComparison.Ordinal), Wait);
        page.WaitForAssertion(() => Assert.Contains("người hỗ trợ: Hoàng Văn Giúp", page.Find(".assistance-editor").TextContent, StringComparison.Ordinal), Wait);
        Assert.Contains(CoverageStatus.CoveredByAssistance.ToVietnamese(), page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VisitForm_AssistanceChangedByAnotherUser_ShowsTheStaleMessage_AndOverwritesNothing()
    {
        await SeedVillageAsync();
        ActAsVillageLeader();
        var id = await HouseholdIdAsync("Chủ Hộ 06");
        var page = Render<LogVisit>(p => p.Add(c => c.HouseholdId, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".assistance-editor")), Wait);
        // Someone else saves the household in the meantime.
        await using (var db = CnscdDatabase.CreateContext(Settings, Core.Tenancy.Actor.System("test")))
        {
            (await db.Households.SingleAsync(h => h.Id == id)).Size = 7;
            await db.SaveChangesAsync();
        }

        await page.InvokeAsync(() => page.FindComponent<AssistanceEditor>().FindComponent<MudSwitch<bool>>().Instance.ValueChanged.InvokeAsync(true));
        await page.Find(".save-assistance").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(HouseholdMessages.Stale, page.Find(".assistance-error").TextContent.Trim()), Wait);
        await using var check = CnscdDatabase.CreateContext(Settings, Core.Tenancy.Actor.System("test"));
        Assert.False((await check.Households.SingleAsync(h => h.Id == id)).NeedsAssistance);
    }
}
