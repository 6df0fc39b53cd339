using BacGiang.Cnscd.Core.Domain;
using MudBlazor;

namespace BacGiang.Cnscd.Web.Components.Pages.Recognition;

/// <summary>How the practice-model pages name and colour what they show.</summary>
internal static class PracticeLabels
{
    /// <summary>The submitting levels as the library's filter names them.</summary>
    public static readonly IReadOnlyList<(UnitLevel Level, string Label)> Levels =
    [
        (UnitLevel.Village, "Tổ CNSCĐ thôn, tổ dân phố"),
        (UnitLevel.Commune, "Xã, phường, thị trấn"),
        (UnitLevel.District, "Huyện, thị xã, thành phố"),
    ];

    public static string LevelLabel(UnitLevel level) => Levels.FirstOrDefault(l => l.Level == level).Label ?? level.ToVietnamese();

    public static Color StatusColor(PracticeStatus status) => status switch
    {
        PracticeStatus.Featured => Color.Success,
        PracticeStatus.Published => Color.Primary,
        PracticeStatus.Accepted => Color.Info,
        PracticeStatus.Returned => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>Roles whose accounts submit models of their own unit.</summary>
    public const string AuthorRoles = "VillageLeader,CommuneOfficer,DistrictOfficer";
}
