using System.Globalization;
using System.Security.Claims;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Recognition;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.Web.Components.Pages.Recognition;
using BacGiang.Cnscd.Web.Components.Pages.Teams;
using BacGiang.Cnscd.Web.Security;
using BacGiang.Cnscd.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace BacGiang.Cnscd.Web.Tests.Pages.Recognition;

/// <summary>
/// The DX Day awards pages with the real services over SQLite: the list flags what is late and what waits for the reader;
/// Home Affairs' appraiser gets the appraisal and nothing else, and a rejection needs its reason; the nomination form gives
/// its field messages and keeps what was chosen; the team page shows a decided commendation.
/// </summary>
public class AwardPageTests : ComponentTestBase
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private AdministrativeUnit _commune = null!;
    private int _teamId;

    /// <summary>This year's round (its deadline already behind on 31/08 when the test runs after it), and nominations of Thị trấn Đồi Ngô's team.</summary>
    private async Task<List<int>> SeedAsync(DateOnly deadline, params (AwardStatus Status, string Name)[] nominations)
    {
        await using var db = CnscdDatabase.CreateContext(Settings, Core.Tenancy.Actor.System("test"));
        _commune = await db.Units.SingleAsync(u => u.Name == "Thị trấn Đồi Ngô");
        _teamId = await db.Teams.Where(t => t.UnitId == _commune.Id).Select(t => t.Id).SingleAsync();
        db.AwardRounds.Add(new AwardRound { UnitId = Province.Id, Year = deadline.Year, NominationDeadline = deadline });
        var rows = nominations.Select(n => new AwardNomination
        {
            UnitId = _commune.Id, Year = deadline.Year, NomineeKind = NomineeKind.Team, NomineeTeamId = _teamId, NomineeName = n.Name, Achievements = "Thành tích.",
            ProposedForm = AwardForm.ProvincialChairmanCertificate, Status = n.Status, CreatedAtUtc = DateTime.UtcNow, LastActedAtUtc = DateTime.UtcNow,
            DecisionNumber = n.Status >= AwardStatus.Decided ? "1520/QĐ-UBND" : null, DecisionDate = n.Status >= AwardStatus.Decided ? deadline : null,
        }).ToList();
        db.AwardNominations.AddRange(rows);
        await db.SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    }

    private static DateOnly PastDeadline => new(DateTime.UtcNow.Year - 1, 8, 31);

    private void RenderProviders()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        Render<MudDialogProvider>();
    }

    [Fact]
    public async Task TheList_FlagsWhatWasNotSentByTheDeadline_AndMarksWhatAwaitsTheReviewer()
    {
        await SeedAsync(PastDeadline, (AwardStatus.Draft, "Tổ chưa gửi"), (AwardStatus.Submitted, "Tổ chờ huyện"));
        ActAs(LucNam);
        AddAuthorization().SetAuthorized("huyen").SetRoles(nameof(AppRole.DistrictOfficer))
            .SetClaims(new Claim(PortalClaimTypes.UnitId, LucNam.Id.ToString(CultureInfo.InvariantCulture)));
        RenderProviders();
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"awards?year={PastDeadline.Year}");

        var page = Render<AwardList>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".awards-row").Count), Wait);
        var late = Assert.Single(page.FindAll(".awards-row"), r => r.QuerySelector(".awards-row-late") is not null);
        Assert.Contains("Tổ chưa gửi", late.TextContent, StringComparison.Ordinal);
        var awaiting = Assert.Single(page.FindAll(".awards-row"), r => r.QuerySelector(".awards-row-awaits") is not null);
        Assert.Contains("Tổ chờ huyện", awaiting.TextContent, StringComparison.Ordinal);
        Assert.Contains($"31/08/{PastDeadline.Year}", page.Find(".awards-round").TextContent, StringComparison.Ordinal);
        // A district does not open rounds, and past the deadline nobody starts a nomination.
        Assert.Empty(page.FindAll(".awards-round-form"));
        Assert.Empty(page.FindAll(".awards-new"));

        page.Find(".awards-filter-awaiting input").Change(true);
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".awards-row")), Wait);
    }

    [Fact]
    public async Task TheAppraiser_RecordsTheAppraisal_AndARejectionNeedsItsReason()
    {
        var ids = await SeedAsync(PastDeadline, (AwardStatus.Selected, "Tổ CNSCĐ Thị trấn Đồi Ngô"));
        Actor.Current = new Core.Tenancy.Actor("noi-vu", "noi-vu", Province.Id, DataScope.WholeProvince, Role: AppRole.HomeAffairsAppraiser);
        AddAuthorization().SetAuthorized("noi-vu").SetRoles(nameof(AppRole.HomeAffairsAppraiser));
        RenderProviders();

        var page = Render<AwardPage>(p => p.Add(c => c.Id, ids[0]));
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#award-title").GetAttribute("data-ready")), Wait);
        Assert.NotEmpty(page.FindAll(".award-appraise"));
        Assert.Empty(page.FindAll(".award-decide"));
        Assert.Empty(page.FindAll(".award-select"));

        page.Find(".award-reject").Click();
        page.WaitForAssertion(() => Assert.Contains(AwardMessages.RejectionReasonRequired, page.Find(".award-appraisal-comment").TextContent, StringComparison.Ordinal), Wait);
        page.Find(".award-officer input").Input("Lê Thị Nội Vụ");
        page.Find(".award-appraise").Click();
        page.WaitForAssertion(() => Assert.Equal(AwardStatus.Appraised.ToVietnamese(), page.Find(".award-status").TextContent.Trim()), Wait);
        Assert.Contains("Lê Thị Nội Vụ", page.Find(".award-appraisal").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheForm_GivesItsFieldMessages_AndKeepsWhatWasChosen()
    {
        await SeedAsync(new DateOnly(DateTime.UtcNow.Year, 8, 31));
        ActAs(_commune);
        AddAuthorization().SetAuthorized("xa").SetRoles(nameof(AppRole.CommuneOfficer))
            .SetClaims(new Claim(PortalClaimTypes.UnitId, _commune.Id.ToString(CultureInfo.InvariantCulture)));
        RenderProviders();

        var page = Render<AwardEditor>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".award-save")), Wait);
        page.Find(".award-save").Click();
        page.WaitForAssertion(() => Assert.Contains("Chọn đối tượng đề nghị.", page.Find(".award-field-nominee").TextContent, StringComparison.Ordinal), Wait);

        // The commune's own team is chosen; without achievements and a dossier the save names the field and keeps the choice.
        var nominee = page.FindComponents<MudSelect<int>>().Single(c => c.Instance.Class?.Contains("award-field-nominee", StringComparison.Ordinal) == true);
        await page.InvokeAsync(() => nominee.Instance.ValueChanged.InvokeAsync(_teamId));
        page.Find(".award-save").Click();
        page.WaitForAssertion(() => Assert.Contains(AwardMessages.AchievementsRequired, page.Find(".award-field-achievements").TextContent, StringComparison.Ordinal), Wait);
        Assert.DoesNotContain("Chọn đối tượng đề nghị.", page.Find(".award-field-nominee").TextContent, StringComparison.Ordinal);
        await using var db = CnscdDatabase.CreateContext(Settings, Core.Tenancy.Actor.System("test"));
        Assert.False(await db.AwardNominations.AnyAsync());
    }

    [Fact]
    public async Task TheTeamPage_ShowsADecidedCommendation_AndNotOneStillUnderReview()
    {
        await SeedAsync(PastDeadline, (AwardStatus.Awarded, "Tổ CNSCĐ Thị trấn Đồi Ngô"), (AwardStatus.Selected, "Hồ sơ đang xét"));
        ActAs(_commune);

        var honours = Render<TeamHonours>(p => p.Add(c => c.TeamId, _teamId));
        honours.WaitForAssertion(() => Assert.Single(honours.FindAll(".team-honour")), Wait);
        Assert.Contains("Bằng khen của Chủ tịch UBND tỉnh", honours.Find(".team-honour").TextContent, StringComparison.Ordinal);
        Assert.Contains("1520/QĐ-UBND", honours.Find(".team-honour").TextContent, StringComparison.Ordinal);
    }
}
