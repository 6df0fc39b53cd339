namespace BacGiang.Cnscd.Core.Domain;

public static class RoleLabels
{
    public static string ToVietnamese(this AppRole role) => role switch
    {
        AppRole.ProvinceAdmin => "Cán bộ Sở (quản trị)",
        AppRole.ProvinceViewer => "Lãnh đạo tỉnh",
        AppRole.DistrictOfficer => "Cán bộ UBND huyện",
        AppRole.CommuneOfficer => "Chủ tịch / cán bộ UBND xã",
        AppRole.VillageLeader => "Tổ trưởng thôn",
        AppRole.HomeAffairsAppraiser => "Chuyên viên Sở Nội vụ (thẩm định khen thưởng)",
        _ => role.ToString(),
    };

    /// <summary>The level of unit an account of this role is bound to.</summary>
    public static UnitLevel ScopeLevel(this AppRole role) => role switch
    {
        AppRole.ProvinceAdmin or AppRole.ProvinceViewer or AppRole.HomeAffairsAppraiser => UnitLevel.Province,
        AppRole.DistrictOfficer => UnitLevel.District,
        AppRole.CommuneOfficer => UnitLevel.Commune,
        _ => UnitLevel.Village,
    };
}
