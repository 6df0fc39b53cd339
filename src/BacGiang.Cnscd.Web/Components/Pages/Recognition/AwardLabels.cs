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
    public static string ListWord(int year, int unitId) => $"awards/{year}/unit/{unitId}/list.docx";

    public static string ListExcel(int year, int unitId) => $"awards/{year}/unit/{unitId}/list.xlsx";

    public static string AnnexWord(int year) => $"awards/{year}/annex.docx";

    public static string Dossier(int nominationId) => $"awards/dossier/{nominationId}";
}
