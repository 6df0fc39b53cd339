using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>A target in force for a unit (rule R6): percent to reach by a date.</summary>
public sealed record TargetValue(TargetIndicator Indicator, decimal Percent, DateOnly DueDate);
