using BacGiang.Cnscd.Core.Data;
using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common.Results;
using BacGiang.Cnscd.Core.Features.Recognition;
using BacGiang.Cnscd.Core.Features.Reports;
using BacGiang.Cnscd.Core.Features.Restructuring;
using BacGiang.Cnscd.Core.Seeding;
using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BacGiang.Cnscd.Web.Demo;

/// <summary>
/// The default demo's history (<see cref="DemoTree.Reformed2025"/>): the quarters of 2025 before the reform are reported
/// through the 2023 tree — Thị trấn Đồi Ngô to Huyện Lục Nam, the district to the Department, each approved — and then
/// the administrator applies the official merger map from 1 July 2025. Every step goes through the real service as the
/// demo account that would take it (its claims principal, as at sign-in), on the day it would have happened, so the
/// reports carry frozen figures, reviewers and dates exactly as if they had been filed then. After the reform every new
/// commune has an officer and reports straight to the Department: the quarters since then in every state a reviewer meets
/// (approved, late, returned and filed again, missing; in today's quarter waiting, returned, draft, not started), and the
/// Department has set each commune's targets for today's quarter.
/// </summary>
public sealed class DemoHistory(IServiceProvider services, VietnamClock clock, ILogger<DemoHistory> logger)
{
    public static readonly DateOnly ReformEffective = new(2025, 7, 1);

    /// <summary>The quarters reported under the old tree: the two before the reform.</summary>
    public static readonly IReadOnlyList<ReportingPeriod> QuartersBeforeReform = [new(2025, 1), new(2025, 2)];

    /// <summary>The quarters since the reform that get reports, at most (the last ones before today's).</summary>
    public const int QuartersSinceReform = 5;

    /// <summary>Why the Department returns a report, in the demo.</summary>
    public const string ReturnReason = "Đề nghị bổ sung số hộ được hỗ trợ ở các thôn vùng cao và kết quả tập huấn thành viên trong quý.";

    private const string CommuneOfficer = "xa@demo.cnscd.vn";

    private const string VillageLeader = "thon@demo.cnscd.vn";

    private const string DistrictOfficer = "huyen@demo.cnscd.vn";
    private const string Administrator = "admin@demo.cnscd.vn";

    private const string Appraiser = "noivu@demo.cnscd.vn";

    /// <summary>
    /// Each account's claims as at sign-in, made once (≈ 60 accounts take ≈ 400 steps); cleared when the reform has moved
    /// accounts to their new units.
    /// </summary>
    private readonly Dictionary<string, (System.Security.Claims.ClaimsPrincipal Principal, int UnitId)> _signedIn = [];

    private static readonly ReportNarrative Narrative = new(
        "Tổ CNSCĐ đã đến từng hộ hướng dẫn 05 kỹ năng số cơ bản, kích hoạt tài khoản định danh điện tử VNeID và đăng ký tài khoản dịch vụ công trực tuyến.",
        "Một số thôn sóng di động yếu; nhiều người cao tuổi chưa có điện thoại thông minh.",
        "Đề nghị hỗ trợ thiết bị cho các tổ ở thôn vùng cao và tập huấn thêm cho thành viên mới.");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var period in QuartersBeforeReform)
        {
            await ReportThroughTheDistrictAsync(period, cancellationToken);
        }

        var applied = await AsAsync(Administrator, async (scope, _) =>
        {
            await using var plan = AdminUnitCatalog.MergerPlan2025();
            return await scope.GetRequiredService<RestructuringService>().ApplyAsync(plan, ReformEffective, cancellationToken: cancellationToken);
        });
        if (!applied.Succeeded)
        {
            throw new InvalidOperationException("Demo: không áp dụng được bảng sáp nhập 2025: " + string.Join("; ", applied.Errors.Select(e => e.Message)));
        }

        logger.LogInformation("Demo: báo cáo quý I, II/2025 theo cây cũ; sắp xếp đơn vị từ {Date:dd/MM/yyyy} đã áp dụng (nhật ký số {Journal}, {Seconds:F1} s)",
            ReformEffective.ToDateTime(TimeOnly.MinValue), applied.JournalId, watch.Elapsed.TotalSeconds);
        watch.Restart();

        _signedIn.Clear();
        var officers = await CommuneOfficersAsync(cancellationToken);
        var current = ReportingPeriod.Containing(clock.Today);
        var periods = new List<ReportingPeriod>();
        for (var period = current.Previous; period.End >= ReformEffective && periods.Count < QuartersSinceReform; period = period.Previous)
        {
            periods.Insert(0, period);
        }

        for (var q = 0; q < periods.Count; q++)
        {
            // The communes took to the portal over the year after the reform: of twelve, 11 report the last quarter, then
            // 9, 6, 3 and 1 going back (which also keeps the seed's time: a submission computes the quarter's figures,
            // 20–100 ms each on SQLite).
            var reporting = (periods.Count - q) switch { 1 => 11, 2 => 9, 3 => 6, 4 => 3, _ => 1 };
            for (var i = 0; i < officers.Count; i++)
            {
                var slot = ((i * 5) + (q * 7)) % 12;
                await ReportPastQuarterAsync(officers[i].Email, periods[q], slot < reporting ? slot + 1 : 0, cancellationToken);
            }
        }

        for (var i = 0; i < officers.Count; i++)
        {
            await ReportCurrentQuarterAsync(officers[i].Email, current, i % 6, cancellationToken);
        }

        await SetTargetsAsync(officers, current, cancellationToken);
        logger.LogInformation("Demo: {Communes} xã báo cáo {Quarters} quý sau sắp xếp và quý hiện tại; chỉ tiêu {Period} đã giao ({Seconds:F1} s)",
            officers.Count, periods.Count, current.ToString(), watch.Elapsed.TotalSeconds);
        watch.Restart();
        var models = await SeedPracticesAsync(officers, cancellationToken);
        logger.LogInformation("Demo: {Models} mô hình chuyển đổi số ở mọi bước, từ bản nháp đến tiêu biểu ({Seconds:F1} s)", models, watch.Elapsed.TotalSeconds);
        watch.Restart();
        var awards = await SeedAwardsAsync(cancellationToken);
        logger.LogInformation("Demo: {Awards} hồ sơ khen thưởng Ngày Chuyển đổi số, đã trao và đang xét ({Seconds:F1} s)", awards, watch.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// DX Day nominations (issue 16). The last 10/10 that has passed, each step on its own day: the demo commune's team for
    /// the province's certificate through the Department's list, Home Affairs and the decision, handed over on 10/10; a
    /// member of the demo village for the commune's certificate, decided by the commune. The next round, open today: a
    /// member of the commune on the Department's list waiting for Home Affairs, and a draft of the village to send.
    /// </summary>
    private async Task<int> SeedAwardsAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var past = today >= AwardRound.DigitalTransformationDay(today.Year) ? today.Year : today.Year - 1;
        DateTime On(int month, int day) => new(past, month, day, 9, 0, 0);
        var dossier = new Core.Features.Teams.FileUpload("to-trinh-de-nghi-khen-thuong.pdf", "%PDF-1.4\n% Tờ trình đề nghị khen thưởng (dữ liệu mẫu)\n"u8.ToArray());

        await AwardAsync(Administrator, On(6, 1), (service, _) => service.SetRoundAsync(past, new DateOnly(past, 8, 31), cancellationToken));
        var team = await AwardAsync(CommuneOfficer, On(8, 1), async (service, unitId, options) => await service.CreateAsync(unitId, new AwardNominationInput(
            past, NomineeKind.Team, options!.Teams.First(t => t.Name.Contains("CNSCĐ", StringComparison.Ordinal)).Id,
            "Tổ hướng dẫn 1.240 hộ cài đặt và kích hoạt VNeID mức 2; 85 % sạp chợ nhận thanh toán bằng mã QR; mô hình được Sở công bố tiêu biểu.",
            null, AwardForm.ProvincialChairmanCertificate), dossier, cancellationToken));
        team = await AwardAsync(CommuneOfficer, On(8, 5), (service, _) => service.SubmitAsync(team.Id, team.Version, cancellationToken));
        team = await AwardAsync(await ReviewerOfAsync(CommuneOfficer), On(8, 20), (service, _) => service.EndorseAsync(team.Id, "Đồng ý đề nghị.", team.Version, cancellationToken));
        team = await AwardAsync(Administrator, On(8, 25), (service, _) => service.SelectAsync(team.Id, team.Version, cancellationToken));
        team = await AwardAsync(Appraiser, On(9, 15), (service, _) => service.AppraiseAsync(team.Id,
            new AwardAppraisalInput("Lê Thị Nội Vụ", new DateOnly(past, 9, 15), true, "Đủ điều kiện khen thưởng."), team.Version, cancellationToken));
        team = await AwardAsync(Administrator, On(9, 25), (service, _) => service.DecideAsync(team.Id,
            new AwardDecisionInput("1520/QĐ-UBND", new DateOnly(past, 9, 25), "Chủ tịch UBND tỉnh"), team.Version, cancellationToken));
        await AwardAsync(Administrator, On(10, 10), (service, _) => service.AwardAsync(team.Id, null, team.Version, cancellationToken));

        var member = await AwardAsync(VillageLeader, On(8, 10), async (service, unitId, options) => await service.CreateAsync(unitId, new AwardNominationInput(
            past, NomineeKind.Member, options!.Members[0].Id, "Trực hướng dẫn dịch vụ công trực tuyến cho người cao tuổi mỗi tối thứ Bảy tại nhà văn hóa thôn.",
            null, AwardForm.CommuneChairmanCertificate), dossier, cancellationToken));
        member = await AwardAsync(VillageLeader, On(8, 12), (service, _) => service.SubmitAsync(member.Id, member.Version, cancellationToken));
        member = await AwardAsync(CommuneOfficer, On(8, 20), (service, _) => service.EndorseAsync(member.Id, null, member.Version, cancellationToken));
        member = await AwardAsync(CommuneOfficer, On(10, 1), (service, _) => service.DecideAsync(member.Id,
            new AwardDecisionInput("45/QĐ-UBND", new DateOnly(past, 10, 1), "Chủ tịch UBND xã"), member.Version, cancellationToken));
        await AwardAsync(CommuneOfficer, On(10, 10), (service, _) => service.AwardAsync(member.Id, null, member.Version, cancellationToken));

        // The next round: this year's while its deadline is ahead, otherwise next year's, opened today.
        var next = today <= new DateOnly(today.Year, 8, 31) ? today.Year : today.Year + 1;
        var now = today.ToDateTime(new TimeOnly(9, 0));
        await AwardAsync(Administrator, now, (service, _) => service.SetRoundAsync(next, new DateOnly(next, 8, 31), cancellationToken));
        var waiting = await AwardAsync(CommuneOfficer, now, async (service, unitId, options) => await service.CreateAsync(unitId, new AwardNominationInput(
            next, NomineeKind.Member, options!.Members[0].Id, "Thành viên nòng cốt của tổ: hướng dẫn 320 hộ thanh toán không dùng tiền mặt trong năm.",
            null, AwardForm.ProvincialChairmanCertificate), dossier, cancellationToken));
        waiting = await AwardAsync(CommuneOfficer, now, (service, _) => service.SubmitAsync(waiting.Id, waiting.Version, cancellationToken));
        waiting = await AwardAsync(await ReviewerOfAsync(CommuneOfficer), now, (service, _) => service.EndorseAsync(waiting.Id, null, waiting.Version, cancellationToken));
        await AwardAsync(Administrator, now, (service, _) => service.SelectAsync(waiting.Id, waiting.Version, cancellationToken));
        await AwardAsync(VillageLeader, now, async (service, unitId, options) => await service.CreateAsync(unitId, new AwardNominationInput(
            next, NomineeKind.Team, options!.Teams[0].Id, "Tổ duy trì nhóm Zalo giải đáp dịch vụ công mỗi tối; 100 % hộ của thôn có người dùng được VNeID.",
            null, AwardForm.CommuneChairmanCertificate), null, cancellationToken));
        return 5;
    }

    /// <summary>Who reviews the nominations of <paramref name="email"/>'s unit: its district before the reform, the Department after it.</summary>
    private async Task<string> ReviewerOfAsync(string email) =>
        await AsAsync(email, async (scope, unitId) =>
        {
            var db = scope.GetRequiredService<CnscdDbContext>();
            var parentLevel = await UnitTree.Everywhere(db).Where(u => u.Id == unitId)
                .Select(u => UnitTree.Everywhere(db).Where(p => p.Id == u.ParentId).Select(p => p.Level).First()).FirstAsync();
            return parentLevel == UnitLevel.District ? DistrictOfficer : Administrator;
        });

    /// <summary>A step of the awards workflow as <paramref name="email"/>, dated by a clock stopped at <paramref name="vietnamTime"/>.</summary>
    private async Task<AwardSaved> AwardAsync(string email, DateTime vietnamTime, Func<AwardNominationService, int, Task<CommandResult<AwardSaved>>> step)
    {
        var result = await AsAsync(email, (scope, unitId) => step(ActivatorUtilities.CreateInstance<AwardNominationService>(scope, StoppedAt(vietnamTime)), unitId));
        return result.Succeeded ? result.Value! : throw new InvalidOperationException($"Demo: bước khen thưởng của {email} không thực hiện được: {result.Error}");
    }

    private async Task<AwardSaved> AwardAsync(string email, DateTime vietnamTime, Func<AwardNominationService, int, Task<CommandResult<int>>> step)
    {
        var result = await AsAsync(email, (scope, unitId) => step(ActivatorUtilities.CreateInstance<AwardNominationService>(scope, StoppedAt(vietnamTime)), unitId));
        return result.Succeeded ? new AwardSaved(result.Value, 0, AwardStatus.Draft) : throw new InvalidOperationException($"Demo: bước khen thưởng của {email} không thực hiện được: {result.Error}");
    }

    /// <summary>A nomination created as <paramref name="email"/> (a nominating unit), with the nomination form's options at hand.</summary>
    private async Task<AwardSaved> AwardAsync(string email, DateTime vietnamTime,
        Func<AwardNominationService, int, AwardNominationOptions?, Task<CommandResult<AwardSaved>>> step)
    {
        var result = await AsAsync(email, async (scope, unitId) =>
        {
            var at = StoppedAt(vietnamTime);
            var options = await ActivatorUtilities.CreateInstance<AwardQueryService>(scope, at).OptionsAsync(unitId);
            return await step(ActivatorUtilities.CreateInstance<AwardNominationService>(scope, at), unitId, options);
        });
        return result.Succeeded ? result.Value! : throw new InvalidOperationException($"Demo: bước khen thưởng của {email} không thực hiện được: {result.Error}");
    }

    private static VietnamClock StoppedAt(DateTime vietnamTime) => new(new StoppedClock(new DateTimeOffset(vietnamTime, VietnamClock.Offset)));

    /// <summary>
    /// Models and good practices at every step of their workflow (issue 16): the demo village's market model accepted by
    /// its commune, published and featured by the Department; the demo commune's own model waiting for the Department;
    /// a draft of the village; a model of every fourth other commune published to the library, one returned with the reason.
    /// </summary>
    private async Task<int> SeedPracticesAsync(IReadOnlyList<(string Email, int CommuneId)> officers, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        PracticeModelInput Model(string title, DigitalSkills skills, string description, int households, int accounts, int monthsAgo) => new(
            title, skills, description, households, accounts, null, today.AddMonths(-monthsAgo), null, "Tổ trưởng tổ CNSCĐ", null);

        var market = await PracticeAsync(VillageLeader, (service, unitId) => service.CreateAsync(unitId, Model(
            "Mô hình thanh toán không dùng tiền mặt tại chợ phiên", DigitalSkills.OnlinePayment | DigitalSkills.OnlineShopping,
            "Tổ CNSCĐ hướng dẫn tiểu thương mở tài khoản ngân hàng số, in mã QR cho từng sạp; đoàn viên trực mỗi phiên chợ để hướng dẫn người mua.",
            180, 65, 8), cancellationToken));
        market = await PracticeAsync(VillageLeader, (service, _) => service.SubmitAsync(market.Id, market.Version, cancellationToken));
        market = await PracticeAsync(CommuneOfficer, (service, _) => service.AcceptAsync(market.Id, "Cách làm hiệu quả, đề nghị nhân rộng.", market.Version, cancellationToken));
        market = await PracticeAsync(Administrator, (service, _) => service.PublishAsync(market.Id, market.Version, cancellationToken));
        await PracticeAsync(Administrator, (service, _) => service.SetFeaturedAsync(market.Id, true, market.Version, cancellationToken));

        var desk = await PracticeAsync(CommuneOfficer, (service, unitId) => service.CreateAsync(unitId, Model(
            "Tổ CNSCĐ trực hướng dẫn dịch vụ công trực tuyến tại bộ phận một cửa", DigitalSkills.OnlinePublicServices,
            "Mỗi ngày một thành viên tổ trực tại bộ phận một cửa, hướng dẫn người dân tự nộp hồ sơ trực tuyến thay vì nộp giấy.", 420, 310, 5),
            cancellationToken));
        await PracticeAsync(CommuneOfficer, (service, _) => service.SubmitAsync(desk.Id, desk.Version, cancellationToken));
        await PracticeAsync(VillageLeader, (service, unitId) => service.CreateAsync(unitId, Model(
            "Cách làm hay: đoàn viên kèm người cao tuổi dùng VNeID", DigitalSkills.OnlinePublicServices | DigitalSkills.OnlineSafety,
            "Mỗi đoàn viên nhận kèm năm người cao tuổi trong thôn: cài đặt, kích hoạt VNeID và nhận biết tin nhắn lừa đảo.", 40, 35, 2), cancellationToken));

        (string Title, DigitalSkills Skills, string Description)[] others =
        [
            ("Zalo nhóm tổ CNSCĐ giải đáp dịch vụ công mỗi tối", DigitalSkills.OnlinePublicServices, "Tổ lập nhóm Zalo theo thôn, thành viên trả lời câu hỏi về dịch vụ công từ 19 giờ đến 21 giờ."),
            ("Đưa nông sản lên sàn thương mại điện tử", DigitalSkills.OnlineShopping | DigitalSkills.OtherPlatforms, "Tổ hướng dẫn hộ trồng vải chụp ảnh, mở gian hàng và nhận đơn trên sàn thương mại điện tử."),
            ("Phòng chống lừa đảo qua mạng tại nhà văn hóa thôn", DigitalSkills.OnlineSafety, "Mỗi tháng một buổi sinh hoạt ở nhà văn hóa: nhận diện cuộc gọi, tin nhắn giả mạo và cách báo công an."),
        ];
        var count = 3;
        for (var i = 1; i < officers.Count; i += 4)
        {
            var (title, skills, description) = others[i % others.Length];
            var email = officers[i].Email;
            var model = await PracticeAsync(email, (service, unitId) => service.CreateAsync(unitId, Model(title, skills, description, 60 + (i * 7), 20 + i, 3 + (i % 9)), cancellationToken));
            model = await PracticeAsync(email, (service, _) => service.SubmitAsync(model.Id, model.Version, cancellationToken));
            // Communes sit under the province since the reform: the Department accepts, and publishes all but one it returns.
            model = i == 5
                ? await PracticeAsync(Administrator, (service, _) => service.ReturnAsync(model.Id, "Đề nghị bổ sung số liệu kết quả theo từng thôn.", model.Version, cancellationToken))
                : await PracticeAsync(Administrator, (service, _) => service.AcceptAsync(model.Id, null, model.Version, cancellationToken));
            if (model.Status == PracticeStatus.Accepted)
            {
                await PracticeAsync(Administrator, (service, _) => service.PublishAsync(model.Id, model.Version, cancellationToken));
            }

            count++;
        }

        return count;
    }

    private async Task<PracticeSaved> PracticeAsync(string email, Func<PracticeModelService, int, Task<CommandResult<PracticeSaved>>> step)
    {
        var result = await AsAsync(email, (scope, unitId) => step(scope.GetRequiredService<PracticeModelService>(), unitId));
        return result.Succeeded ? result.Value! : throw new InvalidOperationException($"Demo: bước mô hình của {email} không thực hiện được: {result.Error}");
    }

    /// <summary>
    /// A past quarter of one commune, by <paramref name="fate"/> (0–12): 0 never reported, 1 late (after the 15th) and
    /// approved, 2 returned with the reason and filed again (two versions) then approved, otherwise on time and approved.
    /// </summary>
    private async Task ReportPastQuarterAsync(string officer, ReportingPeriod period, int fate, CancellationToken cancellationToken)
    {
        DateTime On(int day) => new(period.Year, period.Start.Month + 2, day, 9, 0, 0);
        if (fate == 0)
        {
            return;
        }

        var submitted = await StepAsync(officer, On(fate == 1 ? 19 : 8 + (fate % 6)),
            (workflow, unitId) => workflow.SubmitAsync(unitId, period.Year, period.Quarter, Narrative, 0, cancellationToken));
        if (fate == 2)
        {
            var returned = await StepAsync(Administrator, On(14), (workflow, _) => workflow.ReturnAsync(submitted.ReportId, ReturnReason, submitted.Version, cancellationToken));
            submitted = await StepAsync(officer, On(15),
                (workflow, unitId) => workflow.SubmitAsync(unitId, period.Year, period.Quarter, Narrative, returned.Version, cancellationToken));
        }

        await StepAsync(Administrator, On(fate == 1 ? 23 : 18), (workflow, _) => workflow.ApproveAsync(submitted.ReportId, submitted.Version, cancellationToken));
    }

    /// <summary>
    /// Today's quarter of one commune, by <paramref name="fate"/> (0–5): 0–1 submitted and waiting for the Department, 2 returned
    /// with the reason, 3 a saved draft, 4–5 not started. Each step is dated between the quarter's first day and now, in order.
    /// </summary>
    private async Task ReportCurrentQuarterAsync(string officer, ReportingPeriod period, int fate, CancellationToken cancellationToken)
    {
        var start = period.Start.ToDateTime(TimeOnly.MinValue);
        var now = clock.Now;
        if (now - start < TimeSpan.FromHours(1))
        {
            return; // the quarter has only just begun: nobody has written a line yet
        }

        DateTime At(double fraction) => start + ((now - start) * fraction);
        switch (fate)
        {
            case 0 or 1:
                await StepAsync(officer, At(0.5), (workflow, unitId) => workflow.SubmitAsync(unitId, period.Year, period.Quarter, Narrative, 0, cancellationToken));
                break;
            case 2:
                var submitted = await StepAsync(officer, At(0.4),
                    (workflow, unitId) => workflow.SubmitAsync(unitId, period.Year, period.Quarter, Narrative, 0, cancellationToken));
                await StepAsync(Administrator, At(0.7), (workflow, _) => workflow.ReturnAsync(submitted.ReportId, ReturnReason, submitted.Version, cancellationToken));
                break;
            case 3:
                await StepAsync(officer, At(0.6), (workflow, unitId) => workflow.SaveDraftAsync(unitId, period.Year, period.Quarter,
                    Narrative with { Difficulties = null, Proposals = null }, 0, cancellationToken));
                break;
        }
    }

    /// <summary>The Department's targets for each commune for today's quarter (rule R6): coverage 60–88 %, VNeID 80–95 %.</summary>
    private async Task SetTargetsAsync(IReadOnlyList<(string Email, int CommuneId)> officers, ReportingPeriod period, CancellationToken cancellationToken)
    {
        var setOn = new VietnamClock(new StoppedClock(new DateTimeOffset(period.Start.ToDateTime(new TimeOnly(8, 0)), VietnamClock.Offset)));
        var communeIds = officers.Select(o => o.CommuneId).ToList();
        await AsAsync(Administrator, async (scope, _) =>
        {
            var targets = ActivatorUtilities.CreateInstance<TargetService>(scope, setOn);
            for (var i = 0; i < communeIds.Count; i++)
            {
                foreach (var (indicator, percent) in new[] { (TargetIndicator.HouseholdsCovered, 60 + (i * 7 % 29)), (TargetIndicator.HouseholdsWithVneid, 80 + (i % 4 * 5)) })
                {
                    var set = await targets.SetAsync(communeIds[i], indicator, percent, period.End, 0, cancellationToken);
                    if (!set.Succeeded)
                    {
                        throw new InvalidOperationException($"Demo: không giao được chỉ tiêu: {set.Error}");
                    }
                }
            }

            return 0;
        });
    }

    /// <summary>
    /// The officer of every commune open today, by commune code: the demo's own commune officer where the reform put it,
    /// and for each other commune an account created here without a password (it cannot sign in; it is who filed).
    /// </summary>
    private async Task<IReadOnlyList<(string Email, int CommuneId)>> CommuneOfficersAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystemActor("demo: cán bộ các xã sau sắp xếp");
        var db = scope.ServiceProvider.GetRequiredService<CnscdDbContext>();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var communes = await UnitTree.Everywhere(db).Where(u => u.Level == UnitLevel.Commune && u.ValidTo == null)
            .OrderBy(u => u.Code).Select(u => new { u.Id, u.Code }).ToListAsync(cancellationToken);
        var existing = await db.Users.AsNoTracking().Where(u => u.Role == AppRole.CommuneOfficer && u.IsActive)
            .Select(u => new { u.Email, u.UnitId }).ToListAsync(cancellationToken);
        var officers = new List<(string Email, int CommuneId)>();
        foreach (var commune in communes)
        {
            if (existing.FirstOrDefault(u => u.UnitId == commune.Id)?.Email is { } email)
            {
                officers.Add((email, commune.Id));
                continue;
            }

            email = $"xa.{commune.Code}@{DemoAccounts.Domain}";
            var created = await userManager.CreateAsync(new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, FullName = SeedNames.FullName(commune.Id),
                Role = AppRole.CommuneOfficer, UnitId = commune.Id, CreatedAtUtc = clock.UtcNow,
            });
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Demo: không tạo được cán bộ xã: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            officers.Add((email, commune.Id));
        }

        return officers;
    }

    /// <summary>The commune submits by the 10th of the quarter's last month, the district approves, consolidates and submits, the Department approves.</summary>
    private async Task ReportThroughTheDistrictAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        DateTime On(int day) => new(period.Year, period.Start.Month + 2, day, 9, 0, 0);

        var commune = await StepAsync(CommuneOfficer, On(10), (workflow, unitId) => workflow.SubmitAsync(unitId, period.Year, period.Quarter, Narrative, 0, cancellationToken));
        await StepAsync(DistrictOfficer, On(12), (workflow, _) => workflow.ApproveAsync(commune.ReportId, commune.Version, cancellationToken));
        var district = await StepAsync(DistrictOfficer, On(16), (workflow, unitId) => workflow.SubmitAsync(unitId, period.Year, period.Quarter, Narrative, 0, cancellationToken));
        await StepAsync(Administrator, On(19), (workflow, _) => workflow.ApproveAsync(district.ReportId, district.Version, cancellationToken));
    }

    private async Task<ReportSaved> StepAsync(string email, DateTime vietnamTime,
        Func<ReportWorkflowService, int, Task<CommandResult<ReportSaved>>> step)
    {
        // The workflow dates what it writes (submitted, reviewed) by its clock: stopped on the day the step would have happened.
        var clock = new VietnamClock(new StoppedClock(new DateTimeOffset(vietnamTime, VietnamClock.Offset)));
        var result = await AsAsync(email, (scope, unitId) => step(ActivatorUtilities.CreateInstance<ReportWorkflowService>(scope, clock), unitId));
        return result.Succeeded
            ? result.Value!
            : throw new InvalidOperationException($"Demo: bước báo cáo của {email} không thực hiện được: {result.Error}");
    }

    /// <summary>Runs <paramref name="work"/> in its own scope as the demo account <paramref name="email"/> (given its unit's id).</summary>
    private async Task<T> AsAsync<T>(string email, Func<IServiceProvider, int, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        if (!_signedIn.TryGetValue(email, out var account))
        {
            var user = await provider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
                ?? throw new InvalidOperationException($"Demo: chưa có tài khoản {email}.");
            account = _signedIn[email] = (await provider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user), user.UnitId);
        }

        provider.GetRequiredService<CurrentUser>().Set(account.Principal);
        return await work(provider, account.UnitId);
    }

    /// <summary>A time provider that always answers the same instant: the day a historical step is dated.</summary>
    private sealed class StoppedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at.ToUniversalTime();
    }
}
