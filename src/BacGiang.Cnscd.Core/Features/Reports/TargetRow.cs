namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>A child unit on the targets page with one cell per indicator (rule R6).</summary>
public sealed record TargetRow(int UnitId, string UnitName, IReadOnlyList<TargetCell> Cells);
