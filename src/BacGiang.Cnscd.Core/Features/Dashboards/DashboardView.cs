using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Dashboards;

/// <summary>
/// What the dashboard of one unit shows (the trend is loaded separately, after the first render). <see cref="History"/>
/// is set when it shows a past day (<see cref="DashboardHistoryService"/>): the tree of that day and the household
/// figures at the end of its quarter, without the team and report figures (only today's are kept).
/// </summary>
public sealed record DashboardView(
    int UnitId, string Code, string Name, UnitLevel Level, IReadOnlyList<(int Id, string Name)> Path,
    DashboardFigures Totals, IReadOnlyList<DashboardRow> Children, IReadOnlyList<TargetProgress> Targets, DateOnly Today,
    DashboardHistory? History = null)
{
    /// <summary>Published models of the unit's subtree per skill they serve (a model serving two skills counts under both); empty for a past day.</summary>
    public IReadOnlyList<(DigitalSkills Skill, int Models)> ModelsBySkill { get; init; } = [];
}

/// <summary>
/// The past day a dashboard shows, the quarter whose snapshots its household figures come from, and whether the unit
/// existed on that day (a commune opened by the 2025 reform did not exist before 01/07/2025); <see cref="HasSnapshots"/>
/// is false when no village of the unit had a snapshot by then (figures were not kept yet: zeros, not a fact).
/// </summary>
public sealed record DashboardHistory(DateOnly On, int Year, int Quarter, bool Existed, DateOnly ValidFrom, DateOnly? ValidTo, bool HasSnapshots = true);
