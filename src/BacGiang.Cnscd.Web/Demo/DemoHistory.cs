using BacGiang.Cnscd.Core.Domain;
using BacGiang.Cnscd.Core.Features.Common.Results;
using BacGiang.Cnscd.Core.Features.Reports;
using BacGiang.Cnscd.Core.Features.Restructuring;
using BacGiang.Cnscd.Core.Seeding;
using BacGiang.Cnscd.Core.Time;
using BacGiang.Cnscd.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace BacGiang.Cnscd.Web.Demo;

/// <summary>
/// The default demo's history (<see cref="DemoTree.Reformed2025"/>): the quarters of 2025 before the reform are reported
/// through the 2023 tree — Thị trấn Đồi Ngô to Huyện Lục Nam, the district to the Department, each approved — and then
/// the administrator applies the official merger map from 1 July 2025. Every step goes through the real service as the
/// demo account that would take it (its claims principal, as at sign-in), on the day it would have happened, so the
/// reports carry frozen figures, reviewers and dates exactly as if they had been filed then.
/// </summary>
public sealed class DemoHistory(IServiceProvider services, ILogger<DemoHistory> logger)
{
    public static readonly DateOnly ReformEffective = new(2025, 7, 1);

    /// <summary>The quarters reported under the old tree: the two before the reform.</summary>
    public static readonly IReadOnlyList<ReportingPeriod> QuartersBeforeReform = [new(2025, 1), new(2025, 2)];

    private const string CommuneOfficer = "xa@demo.cnscd.vn";
    private const string DistrictOfficer = "huyen@demo.cnscd.vn";
    private const string Administrator = "admin@demo.cnscd.vn";

    private static readonly ReportNarrative Narrative = new(
        "Tổ CNSCĐ đã đến từng hộ hướng dẫn 05 kỹ năng số cơ bản, kích hoạt tài khoản định danh điện tử VNeID và đăng ký tài khoản dịch vụ công trực tuyến.",
        "Một số thôn sóng di động yếu; nhiều người cao tuổi chưa có điện thoại thông minh.",
        "Đề nghị hỗ trợ thiết bị cho các tổ ở thôn vùng cao và tập huấn thêm cho thành viên mới.");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
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

        logger.LogInformation("Demo: báo cáo quý I, II/2025 theo cây cũ; sắp xếp đơn vị từ {Date:dd/MM/yyyy} đã áp dụng (nhật ký số {Journal})",
            ReformEffective.ToDateTime(TimeOnly.MinValue), applied.JournalId);
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
        var user = await provider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"Demo: chưa có tài khoản {email}.");
        provider.GetRequiredService<CurrentUser>().Set(await provider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user));
        return await work(provider, user.UnitId);
    }

    /// <summary>A time provider that always answers the same instant: the day a historical step is dated.</summary>
    private sealed class StoppedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at.ToUniversalTime();
    }
}
