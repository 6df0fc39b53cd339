using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Dashboards;

/// <summary>Rule R6: a target set for the unit, and where the unit stands against it today.</summary>
public sealed record TargetProgress(TargetIndicator Indicator, string Label, decimal TargetPercent, DateOnly DueDate, double ActualPercent)
{
    public bool Reached => (decimal)ActualPercent >= TargetPercent;
}
