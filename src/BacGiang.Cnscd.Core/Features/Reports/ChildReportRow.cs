using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>A child unit's report for a quarter as the level above sees it (rule R4: on time, late, missing).</summary>
public sealed record ChildReportRow(int UnitId, string UnitName, int? ReportId, ReportStatus? Status, DateOnly DueDate, DateTime? FirstSubmittedAtUtc,
    DateTime? LastSubmittedAtUtc, Timeliness Timeliness);
