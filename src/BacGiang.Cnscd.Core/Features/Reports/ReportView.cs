using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>A unit's report for a quarter as the editor and the reviewer see it.</summary>
/// <param name="ReportId">0 while nothing has been saved.</param>
/// <param name="Figures">Frozen figures once submitted; while editable, the figures as they would be frozen now.</param>
public sealed record ReportView(
    int ReportId, int UnitId, string UnitName, UnitLevel Level, ReportingPeriod Period, ReportStatus Status, DateOnly DueDate,
    DateOnly? ChildrenDueDate, ReportNarrative Narrative, ReportFigures Figures, bool FiguresFrozen, DateTime? SubmittedAtUtc,
    DateTime? ReviewedAtUtc, string? ReviewComment, int Version, IReadOnlyList<SubmissionRow> Submissions, bool CanEdit, bool CanReview,
    Timeliness Timeliness);
