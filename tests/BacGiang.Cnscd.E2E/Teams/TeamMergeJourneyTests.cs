using System.Text.RegularExpressions;
using ClosedXML.Excel;
using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Teams;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.E2E.Infrastructure;
using BacGiang.Cnscd.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BacGiang.Cnscd.E2E.Teams;

/// <summary>
/// The journey of issue #4 in a real browser: the commune officer of Thị trấn Đồi Ngô, whose team has lost its police
/// chief, merges the Project 06 working team (which has the new chief, and a member typed twice), sees the preview
/// turn "Đã kiện toàn", applies it, and records the regulation (with its PDF), this year's plan and a member's task.
/// On a 360-px phone and on a desktop.
/// </summary>
public class TeamMergeJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private static readonly string ArtifactDirectory = Path.Combine(Path.GetTempPath(), "cnscd-e2e");

    // A page is marked data-ready once its live session is connected; on a busy 2-core CI machine that has taken more than
    // Playwright's default 5 s (a CI run failed waiting for the merge page), as the other journeys already allow.
    private static readonly LocatorAssertionsToBeVisibleOptions LiveSession = new() { Timeout = 20_000 };

    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task CommuneOfficer_MergesAProject06Team_TheTeamTurnsConstituted_AndRecordsGovernance(int width, int height)
    {
        var unitId = await LosePoliceChiefAsync();
        var phone = "09119" + width.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
        // Each run types a different Project 06 member: the first run's one is on the team by the second.
        var year = width == 360 ? 1990 : 1991;
        var page = await portal.SignInAsync("xa@demo.cnscd.vn", DemoAccounts.Password, new ViewportSize { Width = width, Height = height });

        await page.GotoAsync($"{portal.BaseUrl}/teams/unit/{unitId}");
        await Assertions.Expect(page.Locator("#team-title[data-ready='true']")).ToBeVisibleAsync(LiveSession);
        await Assertions.Expect(page.Locator(".team-checklist .team-status")).ToHaveTextAsync("Chưa kiện toàn");
        await Assertions.Expect(page.Locator(".team-check-missing")).ToHaveTextAsync("Chưa có Trưởng Công an xã làm Tổ phó");

        await page.ClickAsync(".team-merge-link");
        await Assertions.Expect(page.Locator("#merge-title[data-ready='true']")).ToBeVisibleAsync(LiveSession);
        await page.FillAsync(".merge-paste textarea:not([readonly])",
            $"Thân Văn An Ninh; 1984; {phone}; Trưởng Công an xã\nNgụy Thị Đề Án; {year}; 0977{width:D6}\nNguy Thi De An; {year}; 0977 {width:D6}");
        await page.ClickAsync(".merge-paste-apply");
        await Assertions.Expect(page.Locator(".merge-row")).ToHaveCountAsync(3);
        await page.ClickAsync(".merge-analyse");

        // The same person typed twice is one candidate, with the reason; the new chief is proposed as deputy.
        await Assertions.Expect(page.Locator(".merge-candidates")).ToContainTextAsync("Dòng 3 trùng với dòng 2 (cùng số điện thoại).");
        await Assertions.Expect(page.Locator(".merge-candidate-name", new() { HasTextString = $"Ngụy Thị Đề Án ({year})" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".merge-preview .team-status")).ToHaveTextAsync("Đã kiện toàn");
        await page.ClickAsync(".merge-apply");
        await page.ClickAsync(".mud-dialog button:has-text('Áp dụng')");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/teams/unit/{unitId}$"));
        await Assertions.Expect(page.Locator("#team-title[data-ready='true']")).ToBeVisibleAsync(LiveSession);
        await Assertions.Expect(page.Locator(".team-checklist .team-status")).ToHaveTextAsync("Đã kiện toàn");
        await Assertions.Expect(page.Locator(".team-roster")).ToContainTextAsync("Thân Văn An Ninh");

        // Regulation with its document.
        await page.ClickAsync(".team-regulation-edit");
        await page.FillAsync(".regulation-number input", "15/QĐ-UBND");
        var pdf = Path.Combine(Path.GetTempPath(), $"quy-che-{width}.pdf");
        await File.WriteAllBytesAsync(pdf, "%PDF-1.4\n% Quy che hoat dong\n"u8.ToArray());
        await page.ChooseFileAsync(page.Locator(".governance-file button"), pdf);
        await Assertions.Expect(page.Locator(".governance-file-name")).ToContainTextAsync($"quy-che-{width}.pdf");
        await page.ClickAsync(".governance-save");
        await Assertions.Expect(page.Locator(".team-regulation")).ToContainTextAsync("Quy chế hoạt động: số 15/QĐ-UBND");
        await Assertions.Expect(page.Locator(".team-regulation-file")).ToContainTextAsync($"quy-che-{width}.pdf");

        // This year's plan.
        await page.ClickAsync(".team-plan-edit");
        await page.FillAsync(".plan-targets textarea:not([readonly])", "100% hộ có người biết 05 kỹ năng số; 80% người trưởng thành có VNeID");
        await page.ClickAsync(".governance-save");
        await Assertions.Expect(page.Locator(".team-plan")).ToContainTextAsync($"Đã có Kế hoạch năm {DateTime.Today.Year}");

        // The new police chief's task.
        var row = page.Locator(".team-roster tbody tr", new() { HasTextString = "Thân Văn An Ninh" });
        await row.Locator(".team-member-menu button").ClickAsync();
        await page.ClickAsync(".mud-popover-open .team-member-assign");
        await page.FillAsync(".member-task textarea:not([readonly])", "Phụ trách an ninh mạng, hướng dẫn VNeID cho Tổ dân phố số 1–3");
        await page.ClickAsync(".member-save");
        await Assertions.Expect(row.Locator(".team-member-task")).ToHaveTextAsync("Phụ trách an ninh mạng, hướng dẫn VNeID cho Tổ dân phố số 1–3");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the screen");
        Directory.CreateDirectory(ArtifactDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactDirectory, $"team-merged-{width}.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CommuneOfficer_UploadsTheProject06ListAsExcel_AndSeesTheMergePreview()
    {
        var unitId = await LosePoliceChiefAsync();
        var sheet = Path.Combine(Path.GetTempPath(), $"to-de-an-06-{Guid.NewGuid():N}.xlsx");
        try
        {
            // The roster template the page offers, filled in as a commune would: the new police chief and a citizen member.
            using (var workbook = new XLWorkbook(new MemoryStream(TeamExcelService.CreateTemplate())))
            {
                var rows = workbook.Worksheet(1);
                string[][] people =
                [
                    ["Hoàng Văn Tải Lên", "1983", "0911777001", "", "Tổ phó", "Trưởng Công an xã", "Công an", "Phụ trách VNeID"],
                    ["Lò Thị Bảng Tính", "1995", "0911777002", "", "Thành viên", "", "Người dân", ""],
                ];
                for (var r = 0; r < people.Length; r++)
                {
                    for (var c = 0; c < people[r].Length; c++)
                    {
                        rows.Cell(r + 2, c + 1).SetValue(people[r][c]);
                    }
                }

                workbook.SaveAs(sheet);
            }

            var page = await portal.SignInAsync("xa@demo.cnscd.vn", DemoAccounts.Password);
            await page.GotoAsync($"{portal.BaseUrl}/teams/unit/{unitId}/merge");
            await Assertions.Expect(page.Locator("#merge-title[data-ready='true']")).ToBeVisibleAsync(LiveSession);

            await page.ChooseFileAsync(page.Locator(".merge-import button"), sheet);

            await Assertions.Expect(page.Locator(".merge-candidate-name", new() { HasTextString = "Hoàng Văn Tải Lên (1983)" })).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator(".merge-candidate-name", new() { HasTextString = "Lò Thị Bảng Tính (1995)" })).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator(".merge-preview .team-status")).ToHaveTextAsync("Đã kiện toàn");
            await page.Context.CloseAsync();
        }
        finally
        {
            File.Delete(sheet);
        }
    }

    /// <summary>The demo commune team loses whoever is its police chief (their membership ends yesterday): not constituted.</summary>
    private async Task<int> LosePoliceChiefAsync()
    {
        await using var db = CnscdDatabase.CreateContext(portal.Services.GetRequiredService<DatabaseSettings>(), Actor.System("e2e set-up"));
        var commune = await db.Units.SingleAsync(u => u.Name == "Thị trấn Đồi Ngô");
        var team = await db.Teams.SingleAsync(t => t.UnitId == commune.Id);
        var today = DateOnly.FromDateTime(DateTime.Today);
        var chiefs = await db.TeamMembers
            .Where(m => m.TeamId == team.Id && m.Title == OfficialTitle.CommunePoliceChief && (m.EndDate == null || m.EndDate >= today))
            .ToListAsync();
        foreach (var chief in chiefs)
        {
            chief.EndDate = chief.StartDate < today ? today.AddDays(-1) : chief.StartDate.AddDays(-1);
        }

        // The demo may have left this team without another prescribed holder too: give it one, so that only the police chief is missing.
        foreach (var requirement in TeamCompositionRule.RequirementsFor(UnitLevel.Commune).Where(r => r.Title != OfficialTitle.CommunePoliceChief))
        {
            if (!await db.TeamMembers.AnyAsync(m => m.TeamId == team.Id && m.Title == requirement.Title && m.Position == requirement.Position
                    && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today)))
            {
                db.TeamMembers.Add(new TeamMember
                {
                    UnitId = commune.Id, TeamId = team.Id, Position = requirement.Position, Title = requirement.Title, Affiliation = Affiliation.Official,
                    StartDate = today.AddDays(-30), TaskAssignment = "Điều hành",
                    Person = new Person { UnitId = commune.Id, FullName = "Người Giữ Chức Vụ", FullNameSearch = "nguoi giu chuc vu" },
                });
            }
        }

        team.IsConstituted = false;
        await db.SaveChangesAsync();
        return commune.Id;
    }
}
