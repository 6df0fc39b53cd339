namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// A unit's report for one quarter (§2.9e, rule R4). Figures are computed from the data and frozen
/// as JSON at submission; people write only the three narrative parts.
/// </summary>
public class QuarterlyReport : UnitScopedEntity, IVersioned
{
    public int Id { get; set; }

    public int Year { get; set; }

    /// <summary>1–4 (Q1 = January–March).</summary>
    public int Quarter { get; set; }

    public ReportStatus Status { get; set; }

    public DateOnly DueDate { get; set; }

    /// <summary>Indicator figures frozen at the last submission (null while a draft).</summary>
    public string? FiguresJson { get; set; }

    public string? Results { get; set; }

    public string? Difficulties { get; set; }

    public string? Proposals { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    public string? SubmittedByUserId { get; set; }

    public DateTime? ReviewedAtUtc { get; set; }

    public string? ReviewedByUserId { get; set; }

    public string? ReviewComment { get; set; }

    public int Version { get; set; }

    public List<QuarterlyReportSubmission> Submissions { get; set; } = [];
}
