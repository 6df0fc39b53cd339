using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>A team in the district and province list.</summary>
public sealed record TeamListRow(
    int TeamId, int UnitId, string Name, string UnitName, UnitLevel Level, int MemberCount, bool IsConstituted,
    bool GovernanceComplete, DateOnly? LastActivityOn, bool IsInactive)
{
    public string Status => TeamStatus.Label(IsConstituted);
}
