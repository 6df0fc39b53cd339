using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Dashboards;

/// <summary>A child unit in the dashboard's ranked table.</summary>
public sealed record DashboardRow(int UnitId, string Code, string Name, UnitLevel Level, DashboardFigures Figures);
