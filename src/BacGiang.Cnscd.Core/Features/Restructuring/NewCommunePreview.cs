namespace BacGiang.Cnscd.Core.Features.Restructuring;

/// <summary>
/// One commune the plan opens: the old communes it takes over, and what moves into it with their villages.
/// <see cref="CommuneTeamsToMerge"/> are the old communes' teams: closed with their rosters kept, their members
/// offered to the new commune's team through the merge tool.
/// </summary>
public sealed record NewCommunePreview(string Code, string Name, IReadOnlyList<string> OldCommunes, int VillagesMoved,
    int CommuneTeamsToMerge, int Households, int Visits, int CurrentMembers, int Accounts, int Targets, int OpenReports);
