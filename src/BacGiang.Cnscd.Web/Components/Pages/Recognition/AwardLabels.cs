using BacGiang.Cnscd.Core.Domain;
using MudBlazor;

namespace BacGiang.Cnscd.Web.Components.Pages.Recognition;

/// <summary>How the awards pages show a nomination's state, and who sees which controls.</summary>
public static class AwardLabels
{
    /// <summary>The roles that nominate (their own unit's collectives and individuals).</summary>
    public const string NominatorRoles = "VillageLeader,CommuneOfficer,DistrictOfficer";

    public static Color StatusColor(AwardStatus status) => status switch
    {
        AwardStatus.Returned or AwardStatus.NotApproved => Color.Warning,
        AwardStatus.Decided or AwardStatus.Awarded => Color.Success,
        AwardStatus.Draft => Color.Default,
        _ => Color.Info,
    };

    /// <summary>The document addresses (the files a clerk sends: the list of a unit and the decision's annex).</summary>
    public static string ListWord(int year, int unitId) => AwardEndpoints.ListWordPath(year, unitId).TrimStart('/');

    public static string ListExcel(int year, int unitId) => AwardEndpoints.ListExcelPath(year, unitId).TrimStart('/');

    public static string AnnexWord(int year) => AwardEndpoints.AnnexPath(year).TrimStart('/');

    /// <summary>The roles that export a unit's list (a village's nominations are in its commune's list).</summary>
    public const string ListRoles = "CommuneOfficer,DistrictOfficer,ProvinceAdmin,ProvinceViewer,HomeAffairsAppraiser";

    public static string Dossier(int nominationId) => $"awards/dossier/{nominationId}";
}
