namespace BacGiang.Cnscd.Core.Domain;

/// <summary>An earlier submitted version of a report, kept verbatim and viewable.</summary>
public class QuarterlyReportSubmission : UnitScopedEntity
{
    public int Id { get; set; }

    public int ReportId { get; set; }

    public int Number { get; set; }

    public DateTime SubmittedAtUtc { get; set; }

    public string? SubmittedByUserId { get; set; }

    public string FiguresJson { get; set; } = "{}";

    [FreeText]
    public string? Results { get; set; }

    [FreeText]
    public string? Difficulties { get; set; }

    [FreeText]
    public string? Proposals { get; set; }

    /// <summary>What the reviewer decided about this version, once they did.</summary>
    public ReportStatus? Outcome { get; set; }

    [FreeText]
    public string? ReviewComment { get; set; }

    public DateTime? ReviewedAtUtc { get; set; }

    public string? ReviewedByUserId { get; set; }
}
