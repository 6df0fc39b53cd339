using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>
/// The outcome of a workflow step. On a conflict (someone acted first) nothing was written, <see cref="Error"/>
/// says who did what and when, and the caller keeps what was typed.
/// </summary>
public sealed record ReportResult(bool Succeeded, string? Error, IReadOnlyDictionary<string, string> FieldErrors, int Version,
    ReportStatus? Status, bool Conflict = false, int ReportId = 0)
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    public static ReportResult Ok(int reportId, int version, ReportStatus status) => new(true, null, NoErrors, version, status, ReportId: reportId);

    public static ReportResult Fail(string error, IReadOnlyDictionary<string, string>? fieldErrors = null) =>
        new(false, error, fieldErrors ?? NoErrors, 0, null);

    public static ReportResult Conflicted(string error, int currentVersion, ReportStatus currentStatus) =>
        new(false, error, NoErrors, currentVersion, currentStatus, Conflict: true);
}
