using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Web.Components.Pages.Teams;
using BacGiang.Cnscd.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace BacGiang.Cnscd.Web.Tests.Pages.Teams;

public class TeamRosterDialogTests : ComponentTestBase
{
    [Fact]
    public async Task AddMember_FromTheTeamPage_AppearsOnTheRoster_WithoutATask()
    {
        var commune = await UnitAsync();
        ActAs(commune);
        AddAuthorization().SetAuthorized("xa@demo.cnscd.vn").SetRoles(nameof(AppRole.CommuneOfficer));
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        var page = Render<TeamPage>(p => p.Add(c => c.UnitId, commune.Id));
        page.WaitForAssertion(() => page.Find(".team-member-add"));

        page.Find(".team-member-add").Click();
        dialogs.WaitForAssertion(() => dialogs.Find(".member-name input"));
        dialogs.Find(".member-name input").Change("Hoàng Thị Mới");
        dialogs.Find(".member-phone input").Change("0966 123 456");
        dialogs.Find(".member-save").Click();

        page.WaitForAssertion(() => Assert.Equal("Hoàng Thị Mới", page.Find(".team-member-name").TextContent.Trim()));
        Assert.Equal("Chưa phân công", page.Find(".team-member-task").TextContent.Trim());
        await using var db = CnscdDatabase.CreateContext(Settings, BacGiang.Cnscd.Core.Tenancy.Actor.System("check"));
        Assert.Equal("0966123456", (await db.People.SingleAsync(p => p.FullName == "Hoàng Thị Mới")).Phone);
    }

    [Fact]
    public async Task AddMember_WhenSomeoneElseSavedTheTeamMeanwhile_ShowsTheConflict_KeepsWhatWasTyped_AndSavesNothing()
    {
        var commune = await UnitAsync();
        ActAs(commune);
        AddAuthorization().SetAuthorized("xa@demo.cnscd.vn").SetRoles(nameof(AppRole.CommuneOfficer));
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<TeamPage>(p => p.Add(c => c.UnitId, commune.Id));
        page.WaitForAssertion(() => page.Find(".team-member-add"));

        page.Find(".team-member-add").Click();
        dialogs.WaitForAssertion(() => dialogs.Find(".member-name input"));
        await using (var other = CnscdDatabase.CreateContext(Settings, BacGiang.Cnscd.Core.Tenancy.Actor.System("another editor")))
        {
            (await other.Teams.SingleAsync(t => t.UnitId == commune.Id)).Hotline = "0204111222";
            await other.SaveChangesAsync();
        }

        dialogs.Find(".member-name input").Change("Người Đến Sau");
        dialogs.Find(".member-save").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("Tổ đã được người khác cập nhật; hãy tải lại để xem thay đổi.",
            dialogs.Find(".member-errors").TextContent.Trim()));
        Assert.Equal("Người Đến Sau", dialogs.Find(".member-name input").GetAttribute("value"));
        await using var db = CnscdDatabase.CreateContext(Settings, BacGiang.Cnscd.Core.Tenancy.Actor.System("check"));
        Assert.False(await db.People.AnyAsync(p => p.FullName == "Người Đến Sau"));
    }

    private async Task<AdministrativeUnit> UnitAsync()
    {
        await using var db = CnscdDatabase.CreateContext(Settings, BacGiang.Cnscd.Core.Tenancy.Actor.System("component test set-up"));
        return await db.Units.SingleAsync(u => u.Name == "Thị trấn Đồi Ngô");
    }
}
