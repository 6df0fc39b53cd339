namespace BacGiang.Cnscd.Core.Domain;

/// <summary>The five roles of domain.md; every account has exactly one.</summary>
public enum AppRole
{
    VillageLeader = 1,
    CommuneOfficer = 2,
    DistrictOfficer = 3,
    ProvinceViewer = 4,
    ProvinceAdmin = 5,
}
