namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>Rule R5 (§2.11): operating regulation, a task assignment for every current member, this year's plan.</summary>
public sealed record TeamGovernance(
    string? RegulationNumber, DateOnly? RegulationIssuedOn, int MembersWithoutTask, int PlanYear, bool HasAnnualPlan)
{
    public bool HasRegulation => !string.IsNullOrWhiteSpace(RegulationNumber) && RegulationIssuedOn is not null;

    public bool EveryMemberHasTask => MembersWithoutTask == 0;

    public bool IsComplete => HasRegulation && EveryMemberHasTask && HasAnnualPlan;

    /// <summary>What is missing, in Vietnamese; empty when the team meets R5.</summary>
    public IReadOnlyList<string> Missing =>
    [
        .. HasRegulation ? Array.Empty<string>() : ["Chưa có Quy chế hoạt động (số và ngày ban hành)"],
        .. EveryMemberHasTask ? Array.Empty<string>() : [$"{MembersWithoutTask} thành viên chưa được phân công nhiệm vụ"],
        .. HasAnnualPlan ? Array.Empty<string>() : [$"Chưa có Kế hoạch năm {PlanYear}"],
    ];
}
