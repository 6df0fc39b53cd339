namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// The five roles of domain.md, and the Department of Home Affairs' appraiser (awards only, issue 16); every account
/// has exactly one. Values are stored: never renumber.
/// </summary>
public enum AppRole
{
    VillageLeader = 1,
    CommuneOfficer = 2,
    DistrictOfficer = 3,
    ProvinceViewer = 4,
    ProvinceAdmin = 5,

    /// <summary>An officer of the Department of Home Affairs who records the appraisal of DX Day nominations; province scope, awards pages only.</summary>
    HomeAffairsAppraiser = 6,
}
