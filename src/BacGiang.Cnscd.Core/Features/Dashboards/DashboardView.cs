using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Dashboards;

/// <summary>What the dashboard of one unit shows (the trend is loaded separately, after the first render).</summary>
public sealed record DashboardView(
    int UnitId, string Code, string Name, UnitLevel Level, IReadOnlyList<(int Id, string Name)> Path,
    DashboardFigures Totals, IReadOnlyList<DashboardRow> Children, IReadOnlyList<TargetProgress> Targets, DateOnly Today);
