using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Web.Demo;

/// <summary>
/// The demo logins, one per role, created only by the demo seed (never in Production). They are
/// bound to real units of the seeded province: Huyện Lục Nam, Thị trấn Đồi Ngô and its first village.
/// </summary>
public static class DemoAccounts
{
    /// <summary>Meets the 12-character minimum; printed on start so testers can sign in.</summary>
    public const string Password = "CnscdDemo@2025";

    /// <summary>
    /// ProvinceAdmin must sign in with two factors; the demo admin's authenticator key is fixed and
    /// printed so testers can add it to an authenticator app (or run <c>oathtool --totp -b KEY</c>).
    /// </summary>
    public const string AdminAuthenticatorKey = "CNSCDDEMOADMINKEYBACGIANGTINHBGX";

    /// <summary>The mail domain of every demo account: nobody's real address.</summary>
    public const string Domain = "demo.cnscd.vn";

    public sealed record Account(string Email, string FullName, AppRole Role, string UnitCode);

    /// <summary>Whether <paramref name="email"/> is a demo account's (which signs in only in Development).</summary>
    public static bool IsDemo(string? email) => email?.EndsWith("@" + Domain, StringComparison.OrdinalIgnoreCase) == true;

    public static readonly IReadOnlyList<Account> All =
    [
        new("admin@demo.cnscd.vn", "Nguyễn Văn Quản", AppRole.ProvinceAdmin, "24"),
        new("lanhdao@demo.cnscd.vn", "Trần Thị Lãnh", AppRole.ProvinceViewer, "24"),
        new("huyen@demo.cnscd.vn", "Lê Đức Huyện", AppRole.DistrictOfficer, "218"),
        new("xa@demo.cnscd.vn", "Phạm Văn Xã", AppRole.CommuneOfficer, "07444"),
        new("thon@demo.cnscd.vn", "Giáp Văn Thôn", AppRole.VillageLeader, "07444-01"),
        new("noivu@demo.cnscd.vn", "Lê Thị Nội Vụ", AppRole.HomeAffairsAppraiser, "24"),
    ];
}
