namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// The quarterly report workflow (§2.9e) as a state machine, in one place:
/// Draft → Submitted (figures frozen) → Approved (locked) or Returned (unlocked, with the reason) → Submitted …
/// Pages ask <see cref="Allows"/> to show buttons; <see cref="QuarterlyReport"/> refuses anything else.
/// </summary>
public static class ReportWorkflow
{
    private static readonly Dictionary<(ReportStatus From, ReportAction Action), ReportStatus> Transitions = new()
    {
        [(ReportStatus.Draft, ReportAction.EditNarrative)] = ReportStatus.Draft,
        [(ReportStatus.Returned, ReportAction.EditNarrative)] = ReportStatus.Returned,
        [(ReportStatus.Draft, ReportAction.Submit)] = ReportStatus.Submitted,
        [(ReportStatus.Returned, ReportAction.Submit)] = ReportStatus.Submitted,
        [(ReportStatus.Submitted, ReportAction.Approve)] = ReportStatus.Approved,
        [(ReportStatus.Submitted, ReportAction.Return)] = ReportStatus.Returned,
    };

    public static bool Allows(ReportStatus from, ReportAction action) => Transitions.ContainsKey((from, action));

    /// <summary>The state after <paramref name="action"/>; throws <see cref="ReportTransitionException"/> when the workflow forbids it.</summary>
    public static ReportStatus Next(ReportStatus from, ReportAction action) =>
        Transitions.TryGetValue((from, action), out var to) ? to : throw new ReportTransitionException(from, action);

    /// <summary>Only drafts and returned reports can change; submitted ones wait for review, approved ones are locked.</summary>
    public static bool IsEditable(ReportStatus status) => Allows(status, ReportAction.EditNarrative);

    public static string ToVietnamese(this ReportStatus status) => status switch
    {
        ReportStatus.Draft => "Đang soạn",
        ReportStatus.Submitted => "Đã gửi, chờ duyệt",
        ReportStatus.Returned => "Bị trả lại",
        ReportStatus.Approved => "Đã duyệt",
        _ => status.ToString(),
    };

    public static string ToVietnamese(this ReportAction action) => action switch
    {
        ReportAction.EditNarrative => "sửa báo cáo",
        ReportAction.Submit => "gửi báo cáo",
        ReportAction.Approve => "duyệt báo cáo",
        ReportAction.Return => "trả lại báo cáo",
        _ => action.ToString(),
    };
}
