namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// Rule R1 (§1.1): who must hold which position. A commune team is led by the chair of the commune
/// People's Committee with the commune police chief and the commune youth union secretary as
/// deputies; a village team by the village head with the village police officer and the village
/// youth union secretary as deputies. The result lists, in Vietnamese, exactly what is missing.
/// </summary>
public static class TeamCompositionRule
{
    public sealed record Holder(TeamPosition Position, OfficialTitle Title);

    public sealed record Requirement(TeamPosition Position, OfficialTitle Title, string MissingMessage);

    private static readonly Requirement[] CommuneTeam =
    [
        new(TeamPosition.Leader, OfficialTitle.CommuneChair, "Chưa có Chủ tịch UBND xã làm Tổ trưởng"),
        new(TeamPosition.Deputy, OfficialTitle.CommunePoliceChief, "Chưa có Trưởng Công an xã làm Tổ phó"),
        new(TeamPosition.Deputy, OfficialTitle.CommuneYouthUnionSecretary, "Chưa có Bí thư Đoàn xã làm Tổ phó"),
    ];

    private static readonly Requirement[] VillageTeam =
    [
        new(TeamPosition.Leader, OfficialTitle.VillageHead, "Chưa có Trưởng thôn (Tổ trưởng tổ dân phố) làm Tổ trưởng"),
        new(TeamPosition.Deputy, OfficialTitle.VillagePoliceOfficer, "Chưa có Công an viên làm Tổ phó"),
        new(TeamPosition.Deputy, OfficialTitle.VillageYouthUnionSecretary, "Chưa có Bí thư Chi đoàn thôn làm Tổ phó"),
    ];

    public static IReadOnlyList<Requirement> RequirementsFor(UnitLevel teamLevel) =>
        teamLevel == UnitLevel.Commune ? CommuneTeam : VillageTeam;

    /// <summary>What is missing from a team whose current members hold these positions; empty = constituted.</summary>
    public static IReadOnlyList<string> Missing(UnitLevel teamLevel, IEnumerable<Holder> currentMembers)
    {
        var holders = currentMembers.ToList();
        var missing = RequirementsFor(teamLevel)
            .Where(r => !holders.Any(h => h.Position == r.Position && h.Title == r.Title))
            .Select(r => r.MissingMessage)
            .ToList();
        if (holders.Count(h => h.Position == TeamPosition.Leader) > 1)
        {
            missing.Add("Tổ có nhiều hơn một Tổ trưởng");
        }

        return missing;
    }

    public static bool IsConstituted(UnitLevel teamLevel, IEnumerable<Holder> currentMembers) =>
        Missing(teamLevel, currentMembers).Count == 0;
}
