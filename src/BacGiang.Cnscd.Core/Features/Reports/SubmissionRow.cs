using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>One submitted version in a report's history.</summary>
public sealed record SubmissionRow(int Id, int Number, DateTime SubmittedAtUtc, string? SubmittedBy, ReportStatus? Outcome, string? ReviewComment,
    DateTime? ReviewedAtUtc);
