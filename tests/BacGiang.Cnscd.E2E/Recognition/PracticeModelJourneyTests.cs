using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.E2E.Infrastructure;
using BacGiang.Cnscd.Web.Demo;
using Microsoft.Playwright;

namespace BacGiang.Cnscd.E2E.Recognition;

/// <summary>
/// A model's way into the library in a real browser (issue 16): a commune submits it, its district accepts it with a
/// comment, the Department publishes it, and a village leader of the province finds it by typing without diacritics —
/// on a 360-px phone.
/// </summary>
public class PracticeModelJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string Title = "Mô hình thanh toán học phí không dùng tiền mặt ở trường THCS";

    [Fact]
    public async Task CommuneSubmits_DistrictAccepts_DepartmentPublishes_VillageLeaderFindsItWithoutDiacritics()
    {
        // 1. The commune fills the form (an empty field is named first), saves and submits.
        var commune = await portal.SignInAsync("xa@demo.cnscd.vn", DemoAccounts.Password);
        await commune.GotoAsync(portal.BaseUrl + "/practices/new");
        await Assertions.Expect(commune.Locator("#practice-editor-title[data-ready='true']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await commune.FillAsync(".practice-field-title input", Title);
        await commune.ClickAsync(".practice-save");
        await Assertions.Expect(commune.Locator(".practice-field-skills")).ToContainTextAsync("Chọn ít nhất một kỹ năng số");
        await commune.GetByLabel(DigitalSkills.OnlinePayment.ToVietnamese()).CheckAsync();
        await commune.FillAsync(".practice-field-description textarea", "Tổ CNSCĐ cùng nhà trường hướng dẫn phụ huynh nộp học phí bằng mã QR.");
        await commune.FillAsync(".practice-field-households input", "350");
        await commune.FillAsync(".practice-field-contact input", "Phạm Văn Xã");
        await commune.ClickAsync(".practice-save");
        await WaitReadyAsync(commune);
        var modelUrl = commune.Url;
        await commune.ClickAsync(".practice-submit");
        await ConfirmAsync(commune, "Gửi");
        await Assertions.Expect(commune.Locator(".practice-status")).ToContainTextAsync(PracticeStatus.Submitted.ToVietnamese());

        // 2. The district finds it among what awaits it and accepts it with a comment.
        var district = await portal.SignInAsync("huyen@demo.cnscd.vn", DemoAccounts.Password);
        await district.GotoAsync(portal.BaseUrl + "/practices/work");
        await district.GetByLabel("Chờ tôi xem xét").CheckAsync();
        await district.Locator(".practice-card-title", new() { HasText = Title }).ClickAsync();
        await WaitReadyAsync(district);
        await district.FillAsync(".practice-comment textarea", "Cách làm hay, đề nghị nhân rộng.");
        await district.ClickAsync(".practice-accept");
        await Assertions.Expect(district.Locator(".practice-status")).ToContainTextAsync(PracticeStatus.Accepted.ToVietnamese());

        // 3. The Department publishes it.
        var department = await portal.SignInAsync("admin@demo.cnscd.vn", DemoAccounts.Password, authenticatorKey: DemoAccounts.AdminAuthenticatorKey);
        await department.GotoAsync(modelUrl);
        await WaitReadyAsync(department);
        await department.ClickAsync(".practice-publish");
        await ConfirmAsync(department, "Công bố");
        await Assertions.Expect(department.Locator(".practice-status")).ToContainTextAsync(PracticeStatus.Published.ToVietnamese());

        // 4. A village leader, on a phone, types without diacritics and opens it.
        var leader = await portal.SignInAsync("thon@demo.cnscd.vn", DemoAccounts.Password, new ViewportSize { Width = 360, Height = 740 });
        await leader.GotoAsync(portal.BaseUrl + "/practices");
        await leader.FillAsync(".practice-search input", "mo hinh thanh toan");
        var card = leader.Locator(".practice-card-title", new() { HasText = Title });
        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await card.ClickAsync();
        await WaitReadyAsync(leader);
        await Assertions.Expect(leader.Locator(".practice-description")).ToContainTextAsync("mã QR");
        await Assertions.Expect(leader.Locator(".practice-share-zalo")).ToBeVisibleAsync();
        await Assertions.Expect(leader.Locator(".practice-actions")).ToHaveCountAsync(0);
    }

    private static async Task WaitReadyAsync(IPage page) =>
        await Assertions.Expect(page.Locator("#practice-title[data-ready='true']")).ToBeVisibleAsync(new() { Timeout = 20_000 });

    private static async Task ConfirmAsync(IPage page, string yes) =>
        await page.Locator(".mud-dialog .mud-dialog-actions button", new() { HasText = yes }).ClickAsync();
}
