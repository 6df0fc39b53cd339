using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>One indicator of one unit on the targets page: the target in force (if any) and where the unit stands now.</summary>
public sealed record TargetCell(TargetIndicator Indicator, int? TargetId, decimal? TargetPercent, DateOnly? DueDate, int Version, decimal? ActualPercent)
{
    /// <summary>Whether the unit has reached its target (null when there is no target or no figure).</summary>
    public bool? Reached => TargetPercent is { } t && ActualPercent is { } a ? a >= t : null;
}
