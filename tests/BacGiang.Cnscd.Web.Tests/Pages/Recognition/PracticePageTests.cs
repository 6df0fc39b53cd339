using System.Globalization;
using System.Security.Claims;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Recognition;
using BacGiang.Cnscd.Core.Text;
using BacGiang.Cnscd.Web.Components.Pages.Recognition;
using BacGiang.Cnscd.Web.Security;
using BacGiang.Cnscd.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace BacGiang.Cnscd.Web.Tests.Pages.Recognition;

/// <summary>
/// The practice-model pages with the real services over SQLite: the library holds only published models and finds
/// them without diacritics; a model's page offers the reader's own steps and says why a return needs a reason; the
/// form gives each empty field its message and keeps what was typed.
/// </summary>
public class PracticePageTests : ComponentTestBase
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private AdministrativeUnit _commune = null!;
    private AdministrativeUnit _village = null!;

    /// <summary>Thị trấn Đồi Ngô and one village of it; models of the village in the given states.</summary>
    private async Task<List<int>> SeedAsync(params (PracticeStatus Status, string Title)[] models)
    {
        await using var db = CnscdDatabase.CreateContext(Settings, Core.Tenancy.Actor.System("test"));
        _commune = await db.Units.SingleAsync(u => u.Name == "Thị trấn Đồi Ngô");
        _village = new AdministrativeUnit
        {
            Code = "07452-01", Name = "Tổ dân phố số 1", Level = UnitLevel.Village, Kind = UnitKind.ResidentialGroup, ParentId = _commune.Id,
            ValidFrom = new DateOnly(2025, 3, 1),
        };
        db.Units.Add(_village);
        await db.SaveChangesAsync();
        var rows = models.Select(m => new PracticeModel
        {
            UnitId = _village.Id, SubmitterLevel = UnitLevel.Village, Title = m.Title, SearchText = VietnameseText.ToSearchKey(m.Title), Description = "Cách làm.",
            Skills = DigitalSkills.OnlinePayment, StartedOn = new DateOnly(2026, 1, 1), Year = 2026, ContactName = "Giáp Văn Thôn", Status = m.Status,
            CreatedAtUtc = DateTime.UtcNow, PublishedAtUtc = PracticeWorkflow.IsPublic(m.Status) ? DateTime.UtcNow : null,
        }).ToList();
        db.PracticeModels.AddRange(rows);
        await db.SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    }

    /// <summary>The MudBlazor providers a page's selects, messages and confirmations need (after every service is registered).</summary>
    private void RenderProviders()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        Render<MudDialogProvider>();
    }

    [Fact]
    public async Task TheLibrary_ShowsOnlyPublishedModels_AndFindsThemWithoutDiacritics()
    {
        await SeedAsync((PracticeStatus.Published, "Mô hình thanh toán tại chợ"), (PracticeStatus.Featured, "Đoàn viên kèm người cao tuổi"),
            (PracticeStatus.Accepted, "Mô hình thanh toán chưa công bố"));
        ActAs(YenThe);
        AddAuthorization().SetAuthorized("huyen-yen-the").SetRoles(nameof(AppRole.DistrictOfficer));
        RenderProviders();

        var page = Render<PracticeLibrary>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".practice-card").Count), Wait);
        // Featured first.
        Assert.Equal(["Đoàn viên kèm người cao tuổi", "Mô hình thanh toán tại chợ"], page.FindAll(".practice-card-title").Select(t => t.TextContent.Trim()));

        page.Find(".practice-search input").Input("mo hinh thanh toan");
        page.WaitForAssertion(() => Assert.Equal(["Mô hình thanh toán tại chợ"], page.FindAll(".practice-card-title").Select(t => t.TextContent.Trim())), Wait);
        Assert.Contains("1 mô hình", page.Find(".practice-count").TextContent, StringComparison.Ordinal);
        page.Find(".practice-search input").Input("doan vien khong co");
        page.WaitForAssertion(() => Assert.Contains("Không có mô hình nào khớp", page.Find(".practice-empty").TextContent, StringComparison.Ordinal), Wait);
    }

    [Fact]
    public async Task AReviewer_SeesItsOwnSteps_AndAReturnWithoutAReason_IsStoppedWithItsMessage()
    {
        var ids = await SeedAsync((PracticeStatus.Submitted, "Mô hình chờ xã xem xét"));
        ActAs(_commune);
        AddAuthorization().SetAuthorized("xa").SetRoles(nameof(AppRole.CommuneOfficer));
        RenderProviders();

        var page = Render<PracticePage>(p => p.Add(c => c.Id, ids[0]));
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#practice-title").GetAttribute("data-ready")), Wait);
        Assert.NotEmpty(page.FindAll(".practice-accept"));
        Assert.Empty(page.FindAll(".practice-publish"));
        Assert.Empty(page.FindAll(".practice-edit"));

        page.Find(".practice-return").Click();
        page.WaitForAssertion(() => Assert.Contains(PracticeMessages.CommentRequired, page.Find(".practice-comment").TextContent, StringComparison.Ordinal), Wait);
        page.Find(".practice-comment textarea").Input("Bổ sung số liệu");
        page.Find(".practice-return").Click();
        page.WaitForAssertion(() => Assert.Equal(PracticeStatus.Returned.ToVietnamese(), page.Find(".practice-status").TextContent.Trim()), Wait);
        Assert.Contains("Bổ sung số liệu", page.Find(".practice-review-comment").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePublicPage_OffersSharing_AndNoStepToAnotherUnit()
    {
        var ids = await SeedAsync((PracticeStatus.Published, "Mô hình đã công bố"));
        ActAs(YenThe);
        AddAuthorization().SetAuthorized("huyen-yen-the").SetRoles(nameof(AppRole.DistrictOfficer));
        RenderProviders();

        var page = Render<PracticePage>(p => p.Add(c => c.Id, ids[0]));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".practice-share-zalo")), Wait);
        Assert.EndsWith($"/practices/{ids[0]}", page.Find(".practice-share-link input").GetAttribute("value"), StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".practice-actions"));
    }

    [Fact]
    public async Task TheForm_GivesEachMissingFieldItsMessage_AndKeepsWhatWasTyped()
    {
        await SeedAsync();
        ActAs(_village);
        AddAuthorization().SetAuthorized("thon").SetRoles(nameof(AppRole.VillageLeader))
            .SetClaims(new Claim(PortalClaimTypes.UnitId, _village.Id.ToString(CultureInfo.InvariantCulture)));
        RenderProviders();

        var page = Render<PracticeEditor>();
        page.WaitForAssertion(() => Assert.Contains("Tổ dân phố số 1", page.Find("#practice-editor-title").TextContent, StringComparison.Ordinal), Wait);
        page.Find(".practice-field-contact input").Input("Giáp Văn Thôn");
        page.Find(".practice-save").Click();

        page.WaitForAssertion(() => Assert.Contains(PracticeMessages.TitleRequired, page.Find(".practice-field-title").TextContent, StringComparison.Ordinal), Wait);
        Assert.Contains(PracticeMessages.SkillsRequired, page.Find(".practice-field-skills").TextContent, StringComparison.Ordinal);
        Assert.Contains(PracticeMessages.DescriptionRequired, page.Find(".practice-field-description").TextContent, StringComparison.Ordinal);
        Assert.Equal("Giáp Văn Thôn", page.Find(".practice-field-contact input").GetAttribute("value"));
        await using var db = CnscdDatabase.CreateContext(Settings, Core.Tenancy.Actor.System("test"));
        Assert.False(await db.PracticeModels.AnyAsync());
    }

    [Fact]
    public async Task AReadOnlyAccount_IsToldWhoSubmitsModels_AndGetsNoForm()
    {
        await SeedAsync();
        ActAs(Province);
        AddAuthorization().SetAuthorized("lanhdao").SetRoles(nameof(AppRole.ProvinceViewer))
            .SetClaims(new Claim(PortalClaimTypes.UnitId, Province.Id.ToString(CultureInfo.InvariantCulture)));
        RenderProviders();

        var page = Render<PracticeEditor>();
        page.WaitForAssertion(() => Assert.Contains("Mô hình do chính đơn vị gửi", page.Find(".practice-not-author").TextContent, StringComparison.Ordinal), Wait);
        Assert.Empty(page.FindAll(".practice-save"));
    }
}
