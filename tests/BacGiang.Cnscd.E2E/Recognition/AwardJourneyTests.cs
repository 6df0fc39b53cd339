using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Tenancy;
using BacGiang.Cnscd.E2E.Infrastructure;
using BacGiang.Cnscd.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BacGiang.Cnscd.E2E.Recognition;

/// <summary>
/// A DX Day commendation in a real browser (issue 16): the Department opens the round; a commune nominates its team with the
/// dossier and sends it; its district endorses it; the Department puts it on its list; Home Affairs' appraiser, whose menu
/// has the awards only, appraises it; the Department records the decision; and the team's page shows the award.
/// </summary>
public class AwardJourneyTests(DxDayPortal portal) : IClassFixture<DxDayPortal>
{
    private const string Decision = "1520/QĐ-UBND";

    [Fact]
    public async Task CommuneNominatesItsTeam_DistrictEndorses_DepartmentSelects_HomeAffairsAppraises_DecisionShowsOnTheTeamPage()
    {
        var year = DxDayPortal.Day.Year;
        int communeId;
        await using (var db = CnscdDatabase.CreateContext(portal.Services.GetRequiredService<DatabaseSettings>(), Actor.System("test")))
        {
            communeId = await db.Units.Where(u => u.Code == "07444").Select(u => u.Id).SingleAsync();
        }

        // 1. The Department opens this year's round with its deadline.
        var department = await portal.SignInAsync("admin@demo.cnscd.vn", DemoAccounts.Password, authenticatorKey: DemoAccounts.AdminAuthenticatorKey);
        await department.GotoAsync(portal.BaseUrl + $"/awards?year={year}");
        await ReadyAsync(department, "#awards-title");
        await department.FillAsync(".awards-deadline input", $"31/08/{year}");
        await department.Keyboard.PressAsync("Tab");
        await department.ClickAsync(".awards-set-round");
        await Assertions.Expect(department.Locator(".awards-round")).ToContainTextAsync($"31/08/{year}");

        // 2. The commune nominates its own team: without achievements the form names the field; with them and the dossier it saves.
        var commune = await portal.SignInAsync("xa@demo.cnscd.vn", DemoAccounts.Password);
        await commune.GotoAsync(portal.BaseUrl + $"/awards/new?year={year}");
        await ReadyAsync(commune, "#award-editor-title");
        await commune.Locator(".award-field-nominee").ClickAsync();
        await commune.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Tổ CNSCĐ Thị trấn Đồi Ngô" }).ClickAsync();
        // The list closes before the next tap, or the tap only closes it.
        await Assertions.Expect(commune.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await commune.ClickAsync(".award-save");
        await Assertions.Expect(commune.Locator(".award-field-achievements")).ToContainTextAsync("Chưa nêu thành tích");
        await commune.FillAsync(".award-field-achievements textarea", "Hướng dẫn 1.240 hộ cài VNeID mức 2; 85 % sạp chợ nhận thanh toán bằng mã QR.");
        var dossier = Path.Combine(Path.GetTempPath(), "cnscd-e2e-to-trinh-" + Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(dossier, "%PDF-1.4\n% to trinh de nghi khen thuong\n"u8.ToArray());
        await commune.ChooseFileAsync(commune.Locator(".award-field-dossier button"), dossier);
        await Assertions.Expect(commune.Locator(".award-dossier-name")).ToContainTextAsync(".pdf");
        await commune.ClickAsync(".award-save");
        await ReadyAsync(commune, "#award-title");
        var nominationUrl = commune.Url;
        await commune.ClickAsync(".award-submit");
        await ConfirmAsync(commune, "Gửi");
        await Assertions.Expect(commune.Locator(".award-status")).ToContainTextAsync(AwardStatus.Submitted.ToVietnamese());

        // 3. The district finds it among what waits for it and endorses it.
        var district = await portal.SignInAsync("huyen@demo.cnscd.vn", DemoAccounts.Password);
        await district.GotoAsync(portal.BaseUrl + $"/awards?year={year}");
        await ReadyAsync(district, "#awards-title");
        await district.GetByLabel("Chờ tôi xử lý").CheckAsync();
        await district.Locator(".awards-row-name", new() { HasText = "Tổ CNSCĐ Thị trấn Đồi Ngô" }).ClickAsync();
        await ReadyAsync(district, "#award-title");
        await district.FillAsync(".award-comment textarea", "Đồng ý đề nghị tỉnh khen.");
        await district.ClickAsync(".award-endorse");
        await Assertions.Expect(district.Locator(".award-status")).ToContainTextAsync(AwardStatus.Endorsed.ToVietnamese());

        // 4. The Department puts it on its list for Home Affairs.
        await department.GotoAsync(nominationUrl);
        await ReadyAsync(department, "#award-title");
        await department.ClickAsync(".award-select");
        await Assertions.Expect(department.Locator(".award-status")).ToContainTextAsync(AwardStatus.Selected.ToVietnamese());

        // 5. Home Affairs' appraiser lands on the awards (its menu has nothing else) and records the appraisal.
        var appraiser = await portal.SignInAsync("noivu@demo.cnscd.vn", DemoAccounts.Password);
        await Assertions.Expect(appraiser.Locator("#awards-title")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(appraiser.Locator("a.portal-nav-link")).ToHaveCountAsync(2);
        await appraiser.GotoAsync(nominationUrl);
        await ReadyAsync(appraiser, "#award-title");
        await Assertions.Expect(appraiser.Locator(".award-dossier")).ToContainTextAsync(".pdf");
        await appraiser.FillAsync(".award-officer input", "Lê Thị Nội Vụ");
        await appraiser.ClickAsync(".award-appraise");
        await Assertions.Expect(appraiser.Locator(".award-status")).ToContainTextAsync(AwardStatus.Appraised.ToVietnamese());

        // 6. The Department records the decision (dated today, the clock's default).
        await department.GotoAsync(nominationUrl);
        await ReadyAsync(department, "#award-title");
        await department.FillAsync(".award-decision-number input", Decision);
        await department.FillAsync(".award-decision-signer input", "Chủ tịch UBND tỉnh");
        await department.ClickAsync(".award-decide");
        await Assertions.Expect(department.Locator(".award-status")).ToContainTextAsync(AwardStatus.Decided.ToVietnamese());

        // 7. The team's page shows the commendation.
        await commune.GotoAsync(portal.BaseUrl + $"/teams/unit/{communeId}");
        var honour = commune.Locator(".team-honour");
        await Assertions.Expect(honour).ToContainTextAsync(AwardForm.ProvincialChairmanCertificate.ToVietnamese());
        await Assertions.Expect(honour).ToContainTextAsync(Decision);
        File.Delete(dossier);
    }

    private static async Task ReadyAsync(IPage page, string selector) =>
        await Assertions.Expect(page.Locator($"{selector}[data-ready='true']")).ToBeVisibleAsync(new() { Timeout = 20_000 });

    private static async Task ConfirmAsync(IPage page, string yes) =>
        await page.Locator(".mud-dialog .mud-dialog-actions button", new() { HasText = yes }).ClickAsync();
}
