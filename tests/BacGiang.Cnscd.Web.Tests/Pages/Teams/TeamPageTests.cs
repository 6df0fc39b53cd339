using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Teams;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Web.Components.Pages.Teams;
using BacGiang.Cnscd.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BacGiang.Cnscd.Web.Tests.Pages.Teams;

public class TeamPageTests : ComponentTestBase
{
    private static readonly CompositionCheck Leader = new("Chủ tịch UBND xã làm Tổ trưởng", true, null);
    private static readonly CompositionCheck Police = new("Trưởng Công an xã làm Tổ phó", true, null);
    private static readonly CompositionCheck Youth = new("Bí thư Đoàn xã làm Tổ phó", true, null);

    [Fact]
    public void Checklist_Constituted_ShowsEveryRequirementMet_AndTheStatus()
    {
        var list = Render<TeamChecklist>(p => p.Add(c => c.Checks, new[] { Leader, Police, Youth }));

        Assert.Equal("Đã kiện toàn", list.Find(".team-status").TextContent.Trim());
        Assert.Equal(3, list.FindAll(".team-check-met").Count);
        Assert.Empty(list.FindAll(".team-check-missing"));
        Assert.Contains("Trưởng Công an xã làm Tổ phó", list.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Checklist_MissingPoliceChief_ShowsTheRulesMessage_WithACross()
    {
        var missing = Police with { IsMet = false, MissingMessage = "Chưa có Trưởng Công an xã làm Tổ phó" };
        var list = Render<TeamChecklist>(p => p.Add(c => c.Checks, new[] { Leader, missing, Youth }));

        Assert.Equal("Chưa kiện toàn", list.Find(".team-status").TextContent.Trim());
        var cross = Assert.Single(list.FindAll(".team-check-missing"));
        Assert.Equal("Chưa có Trưởng Công an xã làm Tổ phó", cross.TextContent.Trim());
        Assert.Equal(2, list.FindAll(".team-check-met").Count);
    }

    [Fact]
    public async Task TeamPage_CommuneOfficer_SeesTheRosterWithCallLinks_AndWhatIsMissing()
    {
        var commune = await AddRosterAsync();
        ActAs(commune);
        AddAuthorization().SetAuthorized("xa@demo.cnscd.vn").SetRoles(nameof(AppRole.CommuneOfficer));
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();

        var page = Render<TeamPage>(p => p.Add(c => c.UnitId, commune.Id));

        page.WaitForAssertion(() => Assert.Equal("Tổ CNSCĐ Thị trấn Đồi Ngô", page.Find("#team-title").TextContent));
        Assert.Equal("Chưa có Trưởng Công an xã làm Tổ phó", page.Find(".team-check-missing").TextContent.Trim());
        Assert.Equal("Chưa kiện toàn", page.Find(".team-status").TextContent.Trim());
        Assert.Equal("tel:0912345678", page.Find("a.team-member-phone").GetAttribute("href"));
        Assert.Equal("https://zalo.me/0912345678", page.Find("a.team-member-zalo").GetAttribute("href"));
        Assert.Equal("tel:02043854123", page.Find("a.team-hotline").GetAttribute("href"));
        Assert.Contains("01/01/2025", page.Markup, StringComparison.Ordinal);
        Assert.NotNull(page.Find(".team-contact-edit"));
    }

    [Fact]
    public async Task TeamPage_AnotherDistrictsTeam_ShowsNothing_AndSignalsNotFound()
    {
        var commune = await AddRosterAsync();
        ActAs(YenThe);
        AddAuthorization().SetAuthorized("huyen-yen-the").SetRoles(nameof(AppRole.DistrictOfficer));
        var navigation = Services.GetRequiredService<NavigationManager>();
        var notFound = false;
        navigation.OnNotFound += (_, _) => notFound = true;

        var page = Render<TeamPage>(p => p.Add(c => c.UnitId, commune.Id));

        page.WaitForAssertion(() => Assert.Contains("Không tìm thấy Tổ CNSCĐ", page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Đồi Ngô", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn Chủ", page.Markup, StringComparison.Ordinal);
        Assert.True(notFound);
    }

    [Fact]
    public async Task ContactDialog_WhenSomeoneElseSavedMeanwhile_ShowsTheConflict_AndKeepsTheirChange()
    {
        var commune = await AddRosterAsync();
        ActAs(commune);
        AddAuthorization().SetAuthorized("xa@demo.cnscd.vn").SetRoles(nameof(AppRole.CommuneOfficer));
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<TeamPage>(p => p.Add(c => c.UnitId, commune.Id));
        page.WaitForAssertion(() => page.Find(".team-contact-edit"));

        page.Find(".team-contact-edit").Click();
        dialogs.WaitForAssertion(() => dialogs.Find(".team-contact-hotline input"));
        await using (var other = CnscdDatabase.CreateContext(Settings, BacGiang.Cnscd.Core.Tenancy.Actor.System("another editor")))
        {
            (await other.Teams.SingleAsync(t => t.UnitId == commune.Id)).Hotline = "0204111222";
            await other.SaveChangesAsync();
        }

        dialogs.Find(".team-contact-hotline input").Change("0912 000 111");
        dialogs.Find(".team-contact-save").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("Tổ đã được người khác cập nhật; hãy tải lại để xem thay đổi.",
            dialogs.Find(".team-contact-errors").TextContent.Trim()));
        await using var check = CnscdDatabase.CreateContext(Settings, BacGiang.Cnscd.Core.Tenancy.Actor.System("check"));
        Assert.Equal("0204111222", (await check.Teams.SingleAsync(t => t.UnitId == commune.Id)).Hotline);
    }

    [Fact]
    public void TeamList_District_ListsItsTeamsWithLinks_AndTheInactiveFilterNarrowsOnTheServer()
    {
        ActAs(LucNam);
        Render<MudPopoverProvider>();
        var list = Render<TeamList>();

        list.WaitForAssertion(() => Assert.Equal(3, list.FindAll("a.team-link").Count));
        Assert.All(list.FindAll("a.team-link"), a => Assert.StartsWith("teams/unit/", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Contains("Chưa kiện toàn", list.Markup, StringComparison.Ordinal);

        // Teams created today are not inactive yet.
        list.Find(".team-filter-inactive input").Change(true);
        list.WaitForAssertion(() => Assert.Contains("Không có tổ nào khớp.", list.Markup, StringComparison.Ordinal));
    }

    /// <summary>Thị trấn Đồi Ngô's team: the chair and the youth secretary, no police chief; a hotline.</summary>
    private async Task<AdministrativeUnit> AddRosterAsync()
    {
        await using var db = CnscdDatabase.CreateContext(Settings, BacGiang.Cnscd.Core.Tenancy.Actor.System("component test set-up"));
        var commune = await db.Units.SingleAsync(u => u.Name == "Thị trấn Đồi Ngô");
        var team = await db.Teams.SingleAsync(t => t.UnitId == commune.Id);
        team.Hotline = "02043854123";
        foreach (var (name, position, title) in new[]
        {
            ("Nguyễn Văn Chủ", TeamPosition.Leader, OfficialTitle.CommuneChair),
            ("Lê Thị Đoàn", TeamPosition.Deputy, OfficialTitle.CommuneYouthUnionSecretary),
        })
        {
            db.TeamMembers.Add(new TeamMember
            {
                UnitId = commune.Id, TeamId = team.Id, Position = position, Title = title, Affiliation = Affiliation.Official,
                StartDate = new DateOnly(2025, 1, 1), TaskAssignment = "Điều hành",
                Person = new Person { UnitId = commune.Id, FullName = name, FullNameSearch = name, Phone = "0912345678", Zalo = "0912345678" },
            });
        }

        await db.SaveChangesAsync();
        return commune;
    }
}
