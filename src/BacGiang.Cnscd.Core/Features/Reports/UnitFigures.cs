namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>One row of a report's indicator table: a child unit with its figures and where they come from.</summary>
/// <param name="FromSubmittedReport">True when the figures are the child's own frozen report figures; false when computed from the data.</param>
/// <param name="ChildStatus">The child's report status when the figures were taken (null: the child has no report, e.g. a village).</param>
/// <param name="Targets">The child's targets in force at the quarter's end (rule R6), so progress shows next to the figure.</param>
public sealed record UnitFigures(int UnitId, string UnitName, IndicatorSet Figures, bool FromSubmittedReport = false,
    Domain.ReportStatus? ChildStatus = null, IReadOnlyList<TargetValue>? Targets = null)
{
    public TargetValue? TargetFor(Domain.TargetIndicator indicator) => Targets?.FirstOrDefault(t => t.Indicator == indicator);
}
