using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>A team as its page shows it: the roster and the R1 checklist on <see cref="On"/>, R5 and R2 flags, contact points.</summary>
public sealed record TeamDetail(
    int TeamId, int UnitId, string UnitName, string Name, UnitLevel Level, DateOnly On,
    IReadOnlyList<TeamMemberRow> Members, IReadOnlyList<CompositionCheck> Checklist, TeamGovernance Governance,
    DateOnly? LastActivityOn, bool IsInactive, int InactiveAfterDays, string? ZaloGroupUrl, string? Hotline, int Version)
{
    public bool IsConstituted => Checklist.All(c => c.IsMet);

    /// <summary>"Đã kiện toàn" or "Chưa kiện toàn" (R1).</summary>
    public string Status => TeamStatus.Label(IsConstituted);
}
