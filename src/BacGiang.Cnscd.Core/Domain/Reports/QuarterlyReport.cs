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

    /// <summary>
    /// On a district's report: the date by which its communes must report this quarter (rule R4; the 15th
    /// of the quarter's last month when null). Kept here so the deadline belongs to the district and the quarter.
    /// </summary>
    public DateOnly? ChildrenDueDate { get; set; }

    /// <summary>Indicator figures frozen at the last submission (null while a draft).</summary>
    public string? FiguresJson { get; set; }

    [FreeText]
    public string? Results { get; set; }

    [FreeText]
    public string? Difficulties { get; set; }

    [FreeText]
    public string? Proposals { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    public string? SubmittedByUserId { get; set; }

    public DateTime? ReviewedAtUtc { get; set; }

    public string? ReviewedByUserId { get; set; }

    [FreeText]
    public string? ReviewComment { get; set; }

    public int Version { get; set; }

    public List<QuarterlyReportSubmission> Submissions { get; set; } = [];

    public ReportingPeriod Period => new(Year, Quarter);

    public ReportNarrative Narrative => new(Results, Difficulties, Proposals);

    /// <summary>Changes the narrative of a draft or returned report; refused once submitted or approved.</summary>
    public void EditNarrative(ReportNarrative narrative)
    {
        ArgumentNullException.ThrowIfNull(narrative);
        Status = ReportWorkflow.Next(Status, ReportAction.EditNarrative);
        SetNarrative(narrative);
    }

    /// <summary>
    /// Submits: the narrative must be complete, the figures are frozen as given, and the submitted version is
    /// kept verbatim as a new <see cref="QuarterlyReportSubmission"/> (requires <see cref="Submissions"/> loaded).
    /// </summary>
    public QuarterlyReportSubmission Submit(ReportNarrative narrative, string figuresJson, string? userId, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(narrative);
        ArgumentException.ThrowIfNullOrWhiteSpace(figuresJson);
        var next = ReportWorkflow.Next(Status, ReportAction.Submit);
        var trimmed = narrative.Trimmed();
        if (trimmed.ValidateForSubmission().Count > 0)
        {
            throw new InvalidOperationException("Báo cáo chưa đủ các phần bắt buộc.");
        }

        SetNarrative(trimmed);
        Status = next;
        FiguresJson = figuresJson;
        SubmittedAtUtc = atUtc;
        SubmittedByUserId = userId;
        ReviewedAtUtc = null;
        ReviewedByUserId = null;
        ReviewComment = null;
        var submission = new QuarterlyReportSubmission
        {
            UnitId = UnitId, Number = Submissions.Count == 0 ? 1 : Submissions.Max(s => s.Number) + 1, SubmittedAtUtc = atUtc,
            SubmittedByUserId = userId, FiguresJson = figuresJson, Results = Results, Difficulties = Difficulties, Proposals = Proposals,
        };
        Submissions.Add(submission);
        return submission;
    }

    /// <summary>Approves the submitted version: the report is locked from now on.</summary>
    public void Approve(string? userId, DateTime atUtc) => Review(ReportAction.Approve, null, userId, atUtc);

    /// <summary>Returns the submitted version with the reason: the report can be edited and submitted again.</summary>
    public void Return(string comment, string? userId, DateTime atUtc)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new ArgumentException("Trả lại báo cáo phải kèm lý do.", nameof(comment));
        }

        Review(ReportAction.Return, comment.Trim(), userId, atUtc);
    }

    private void Review(ReportAction action, string? comment, string? userId, DateTime atUtc)
    {
        Status = ReportWorkflow.Next(Status, action);
        ReviewedAtUtc = atUtc;
        ReviewedByUserId = userId;
        ReviewComment = comment;
        if (Submissions.Count > 0)
        {
            var last = Submissions.MaxBy(s => s.Number)!;
            last.Outcome = Status;
            last.ReviewComment = comment;
            last.ReviewedAtUtc = atUtc;
            last.ReviewedByUserId = userId;
        }
    }

    private void SetNarrative(ReportNarrative narrative)
    {
        Results = string.IsNullOrWhiteSpace(narrative.Results) ? null : narrative.Results;
        Difficulties = string.IsNullOrWhiteSpace(narrative.Difficulties) ? null : narrative.Difficulties;
        Proposals = string.IsNullOrWhiteSpace(narrative.Proposals) ? null : narrative.Proposals;
    }
}
