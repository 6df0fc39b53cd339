using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Dashboards;

/// <summary>The columns of the dashboard table, shared by the page's sort and the Excel export.</summary>
public static class DashboardColumns
{
    public sealed record Column(string Key, string Header, Func<DashboardFigures, double> Value, bool IsPercent = false);

    public static readonly IReadOnlyList<Column> All =
    [
        new("name", "Đơn vị", _ => 0),
        new("households", "Số hộ", f => f.HouseholdTotal),
        new("covered", "Hộ đã phủ", f => f.Covered),
        new("coveredPct", "Tỷ lệ phủ (%)", f => f.CoveredPercent, IsPercent: true),
        new("own", "Tự sử dụng", f => f.Households[SummaryCounter.CoveredByOwnMember]),
        new("assisted", "Có người hỗ trợ", f => f.Households[SummaryCounter.CoveredByAssistance]),
        new("vneidPct", "VNeID mức 2 (%)", f => f.PercentOf(SummaryCounter.VneidLevel2), IsPercent: true),
        new("accountPct", "Tài khoản DVCTT (%)", f => f.PercentOf(SummaryCounter.PublicServiceAccount), IsPercent: true),
        new("skill1", "KN: DVC trực tuyến", f => f.Households[SummaryCounter.SkillOnlinePublicServices]),
        new("skill2", "KN: Mua sắm", f => f.Households[SummaryCounter.SkillOnlineShopping]),
        new("skill3", "KN: Thanh toán", f => f.Households[SummaryCounter.SkillOnlinePayment]),
        new("skill4", "KN: An toàn mạng", f => f.Households[SummaryCounter.SkillOnlineSafety]),
        new("skill5", "KN: Nền tảng khác", f => f.Households[SummaryCounter.SkillOtherPlatforms]),
        new("unassigned", "Cần hỗ trợ, chưa có người", f => f.Households[SummaryCounter.NeedsAssistanceUnassigned]),
        new("teams", "Số tổ", f => f.Teams),
        new("constituted", "Tổ đã kiện toàn", f => f.TeamsConstituted),
        new("governance", "Đủ quy chế, phân công, kế hoạch", f => f.TeamsGovernanceComplete),
        new("active", "Tổ đang hoạt động", f => f.TeamsActive),
        new("reportsDue", "Báo cáo đến hạn", f => f.ReportsDue),
        new("reportsOnTime", "Báo cáo đúng hạn", f => f.ReportsOnTime),
        new("models", "Mô hình đã công bố", f => f.ModelsPublished),
        new("awards", "Khen thưởng Ngày CĐS có quyết định", f => f.AwardsDecided),
    ];
}
