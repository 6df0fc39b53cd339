using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>A submitted version exactly as it was sent: its frozen figures and narrative, and what the reviewer decided.</summary>
public sealed record SubmissionView(int Id, int ReportId, int UnitId, string UnitName, ReportingPeriod Period, int Number, DateTime SubmittedAtUtc,
    ReportFigures Figures, ReportNarrative Narrative, ReportStatus? Outcome, string? ReviewComment, DateTime? ReviewedAtUtc);
