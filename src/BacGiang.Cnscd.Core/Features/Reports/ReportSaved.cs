using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>
/// A report as a workflow step left it: its id, version and status. On a conflict it is the report as the other person
/// left it, so the form can show what happened.
/// </summary>
public sealed record ReportSaved(int ReportId, int Version, ReportStatus Status);
