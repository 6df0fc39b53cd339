namespace BacGiang.Cnscd.Core.Domain;

public static class TargetLabels
{
    public static readonly IReadOnlyList<TargetIndicator> All =
    [
        TargetIndicator.HouseholdsCovered,
        TargetIndicator.HouseholdsWithVneid,
        TargetIndicator.HouseholdsWithPublicServiceAccount,
        TargetIndicator.TeamsConstituted,
    ];

    public static string ToVietnamese(this TargetIndicator indicator) => indicator switch
    {
        TargetIndicator.HouseholdsCovered => "Tỷ lệ hộ gia đình được phủ",
        TargetIndicator.HouseholdsWithVneid => "Tỷ lệ hộ có tài khoản VNeID mức 2",
        TargetIndicator.HouseholdsWithPublicServiceAccount => "Tỷ lệ hộ có tài khoản dịch vụ công trực tuyến",
        TargetIndicator.TeamsConstituted => "Tỷ lệ tổ CNSCĐ đã kiện toàn",
        _ => indicator.ToString(),
    };
}
