using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Teams;
using BacGiang.Cnscd.Web.Components.Pages.Teams;
using BacGiang.Cnscd.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace BacGiang.Cnscd.Web.Tests.Pages.Teams;

public class TeamMergePageTests : ComponentTestBase
{
    private static MergeCandidate Candidate(string name, TeamPosition position, OfficialTitle title, bool keep = true, int? membershipId = null) =>
        new() { FullName = name, Position = position, Title = title, Keep = keep, MembershipId = membershipId };

    [Fact]
    public void Preview_AllThreeHolders_ShowsConstituted_AndWhoLeaves()
    {
        var preview = TeamMergeService.Preview(UnitLevel.Commune,
        [
            Candidate("Nguyễn Văn Chủ", TeamPosition.Leader, OfficialTitle.CommuneChair),
            Candidate("Trần Văn Công", TeamPosition.Deputy, OfficialTitle.CommunePoliceChief),
            Candidate("Lê Thị Đoàn", TeamPosition.Deputy, OfficialTitle.CommuneYouthUnionSecretary),
            Candidate("Phạm Văn Rời", TeamPosition.Member, OfficialTitle.None, keep: false, membershipId: 7),
        ]);

        var view = Render<TeamMergePreview>(p => p.Add(c => c.Preview, preview));

        Assert.Equal("Đã kiện toàn", view.Find(".team-status").TextContent.Trim());
        Assert.Equal(3, view.FindAll(".merge-preview-staying li").Count);
        Assert.Equal("Phạm Văn Rời", view.Find(".merge-preview-leaving li").TextContent.Trim());
        Assert.Contains("Trần Văn Công — Tổ phó (Trưởng Công an xã)", view.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_PoliceChiefAsPlainMember_SaysExactlyWhatIsMissing()
    {
        var preview = TeamMergeService.Preview(UnitLevel.Commune,
        [
            Candidate("Nguyễn Văn Chủ", TeamPosition.Leader, OfficialTitle.CommuneChair),
            Candidate("Trần Văn Công", TeamPosition.Member, OfficialTitle.CommunePoliceChief),
            Candidate("Lê Thị Đoàn", TeamPosition.Deputy, OfficialTitle.CommuneYouthUnionSecretary),
        ]);

        var view = Render<TeamMergePreview>(p => p.Add(c => c.Preview, preview));

        Assert.Equal("Chưa kiện toàn", view.Find(".team-status").TextContent.Trim());
        Assert.Equal("Chưa có Trưởng Công an xã làm Tổ phó", view.Find(".team-check-missing").TextContent.Trim());
        Assert.Empty(view.FindAll(".merge-preview-leaving"));
    }

    [Fact]
    public async Task MergePage_CommuneOfficer_EntersTheProject06List_SeesDuplicatesFolded_AndAPreviewThatIsConstituted()
    {
        var commune = await AddChairAsync();
        ActAs(commune);
        AddAuthorization().SetAuthorized("xa@demo.cnscd.vn").SetRoles(nameof(AppRole.CommuneOfficer));
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();
        var page = Render<TeamMergePage>(p => p.Add(c => c.UnitId, commune.Id));
        page.WaitForAssertion(() => page.Find(".merge-paste textarea"));

        page.Find(".merge-paste textarea").Change("Trần Văn Công; 1980; 0911000002\nLê Thị Đoàn; 1995; 0911000003\nTran Van Cong; 1980; 0911 000 002");
        page.Find(".merge-paste-apply").Click();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".merge-row").Count));
        page.Find(".merge-analyse").Click();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".merge-candidate-name").Count));
        Assert.Contains("Dòng 3 trùng với dòng 1 (cùng số điện thoại).", page.Find(".merge-candidates").TextContent, StringComparison.Ordinal);
        // No titles typed: the preview still misses both deputies.
        Assert.Equal("Chưa kiện toàn", page.Find(".merge-preview .team-status").TextContent.Trim());
        Assert.Equal(2, page.FindAll(".merge-preview .team-check-missing").Count);
        await using var db = CnscdDatabase.CreateContext(Settings, BacGiang.Cnscd.Core.Tenancy.Actor.System("check"));
        Assert.Equal(1, await db.TeamMembers.CountAsync(m => m.UnitId == commune.Id));
    }

    [Fact]
    public async Task MergePage_BadRows_AreListedWithTheirNumbers_AndTheListIsKept()
    {
        var commune = await AddChairAsync();
        ActAs(commune);
        AddAuthorization().SetAuthorized("xa@demo.cnscd.vn").SetRoles(nameof(AppRole.CommuneOfficer));
        Render<MudPopoverProvider>();
        var page = Render<TeamMergePage>(p => p.Add(c => c.UnitId, commune.Id));
        page.WaitForAssertion(() => page.Find(".merge-paste textarea"));

        page.Find(".merge-paste textarea").Change("Ngô Văn Số; 1980; 0123");
        page.Find(".merge-paste-apply").Click();
        page.Find(".merge-analyse").Click();

        page.WaitForAssertion(() => Assert.Equal($"Dòng 1: {TeamRosterService.PhoneMessage}", page.Find(".merge-errors").TextContent.Trim()));
        Assert.Equal("Ngô Văn Số", page.Find(".merge-name input").GetAttribute("value"));
    }

    /// <summary>The roster template filled in with these Project 06 rows (name, year, phone, zalo, position, office, affiliation, task).</summary>
    private static byte[] Project06Sheet(params string[][] rows)
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(TeamExcelService.CreateTemplate()));
        var sheet = workbook.Worksheet("Thành viên tổ");
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                sheet.Cell(r + 2, c + 1).SetValue(rows[r][c]);
            }
        }

        using var file = new MemoryStream();
        workbook.SaveAs(file);
        return file.ToArray();
    }

    [Fact]
    public async Task MergePage_UploadedProject06Sheet_IsAnalysed_WithDuplicatesFolded_AndAConstitutedPreview()
    {
        var commune = await AddChairAsync();
        ActAs(commune);
        AddAuthorization().SetAuthorized("xa@demo.cnscd.vn").SetRoles(nameof(AppRole.CommuneOfficer));
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();
        var page = Render<TeamMergePage>(p => p.Add(c => c.UnitId, commune.Id));
        page.WaitForAssertion(() => page.FindComponent<InputFile>());

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Project06Sheet(
            ["Trần Văn Công", "1980", "0911000002", "", "Tổ phó", "Trưởng Công an xã", "Công an", ""],
            ["Lê Thị Đoàn", "1995", "0911000003", "", "Tổ phó", "Bí thư Đoàn xã", "Đoàn Thanh niên", ""],
            ["Tran Van Cong", "1980", "0911 000 002", "", "Thành viên", "", "Công an", ""]), "to-de-an-06.xlsx"));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".merge-candidate-name").Count));
        Assert.Contains("Dòng 4 trùng với dòng 2 (cùng số điện thoại).", page.Find(".merge-candidates").TextContent, StringComparison.Ordinal);
        Assert.Equal("Đã kiện toàn", page.Find(".merge-preview .team-status").TextContent.Trim());
        Assert.Empty(page.FindAll(".merge-errors"));
        await using var db = CnscdDatabase.CreateContext(Settings, BacGiang.Cnscd.Core.Tenancy.Actor.System("check"));
        Assert.Equal(1, await db.TeamMembers.CountAsync(m => m.UnitId == commune.Id));
    }

    [Fact]
    public async Task MergePage_BadUploads_ListTheSheetRows_AndKeepTheTypedList()
    {
        var commune = await AddChairAsync();
        ActAs(commune);
        AddAuthorization().SetAuthorized("xa@demo.cnscd.vn").SetRoles(nameof(AppRole.CommuneOfficer));
        Render<MudPopoverProvider>();
        var page = Render<TeamMergePage>(p => p.Add(c => c.UnitId, commune.Id));
        page.WaitForAssertion(() => page.Find(".merge-paste textarea"));
        page.Find(".merge-paste textarea").Change("Ngô Văn Gõ; 1980; 0911000008");
        page.Find(".merge-paste-apply").Click();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Project06Sheet(
            ["Trần Văn Công", "1980", "0911000002", "", "Đội trưởng", "Trưởng Công an xã", "Công an", ""],
            ["Số Sai", "1980", "09123", "", "Thành viên", "", "Người dân", ""]), "to-de-an-06.xlsx"));
        page.WaitForAssertion(() => Assert.Equal(
            ["Dòng 2: Vị trí 'Đội trưởng' không có trong danh mục.", $"Dòng 3: {TeamRosterService.PhoneMessage}"],
            page.FindAll(".merge-error").Select(d => d.TextContent.Trim())));
        Assert.Empty(page.FindAll(".merge-candidates"));
        Assert.Equal("Ngô Văn Gõ", page.Find(".merge-name input").GetAttribute("value"));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("Họ và tên,Điện thoại", "to-de-an-06.csv"));
        page.WaitForAssertion(() => Assert.Equal(TeamExcelService.NotAWorkbook, page.Find(".merge-errors").TextContent.Trim()));
        Assert.Equal("Ngô Văn Gõ", page.Find(".merge-name input").GetAttribute("value"));
    }

    /// <summary>Thị trấn Đồi Ngô's team with its chair only.</summary>
    private async Task<AdministrativeUnit> AddChairAsync()
    {
        await using var db = CnscdDatabase.CreateContext(Settings, BacGiang.Cnscd.Core.Tenancy.Actor.System("component test set-up"));
        var commune = await db.Units.SingleAsync(u => u.Name == "Thị trấn Đồi Ngô");
        var team = await db.Teams.SingleAsync(t => t.UnitId == commune.Id);
        db.TeamMembers.Add(new TeamMember
        {
            UnitId = commune.Id, TeamId = team.Id, Position = TeamPosition.Leader, Title = OfficialTitle.CommuneChair, Affiliation = Affiliation.Official,
            StartDate = new DateOnly(2025, 1, 1),
            Person = new Person { UnitId = commune.Id, FullName = "Nguyễn Văn Chủ", FullNameSearch = "nguyen van chu", Phone = "0911000001" },
        });
        await db.SaveChangesAsync();
        return commune;
    }
}
