namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// The practice-model workflow (§1.6, §2.1đ) as a state machine, in one place:
/// Draft → Submitted → Accepted by the level above (with comments) or Returned (with the reason) → Submitted again …;
/// Accepted → Published by the Department (or Returned by it) → Featured ⇄ Published.
/// Who may take each step is <c>PracticeRights</c>'s; pages ask <see cref="Allows"/> to show buttons.
/// </summary>
public static class PracticeWorkflow
{
    private static readonly Dictionary<(PracticeStatus From, PracticeAction Action), PracticeStatus> Transitions = new()
    {
        [(PracticeStatus.Draft, PracticeAction.Edit)] = PracticeStatus.Draft,
        [(PracticeStatus.Returned, PracticeAction.Edit)] = PracticeStatus.Returned,
        [(PracticeStatus.Draft, PracticeAction.Submit)] = PracticeStatus.Submitted,
        [(PracticeStatus.Returned, PracticeAction.Submit)] = PracticeStatus.Submitted,
        [(PracticeStatus.Submitted, PracticeAction.Accept)] = PracticeStatus.Accepted,
        [(PracticeStatus.Submitted, PracticeAction.Return)] = PracticeStatus.Returned,
        [(PracticeStatus.Accepted, PracticeAction.Return)] = PracticeStatus.Returned,
        [(PracticeStatus.Accepted, PracticeAction.Publish)] = PracticeStatus.Published,
        [(PracticeStatus.Published, PracticeAction.Feature)] = PracticeStatus.Featured,
        [(PracticeStatus.Featured, PracticeAction.Unfeature)] = PracticeStatus.Published,
    };

    /// <summary>Every (state, step) pair the workflow allows, for tests that walk the whole machine.</summary>
    public static IEnumerable<(PracticeStatus From, PracticeAction Action, PracticeStatus To)> AllTransitions =>
        Transitions.Select(t => (t.Key.From, t.Key.Action, t.Value));

    public static bool Allows(PracticeStatus from, PracticeAction action) => Transitions.ContainsKey((from, action));

    /// <summary>The state after <paramref name="action"/>; throws <see cref="PracticeTransitionException"/> when the workflow forbids it.</summary>
    public static PracticeStatus Next(PracticeStatus from, PracticeAction action) =>
        Transitions.TryGetValue((from, action), out var to) ? to : throw new PracticeTransitionException(from, action);

    /// <summary>Published and featured models are in the library that every account reads.</summary>
    public static bool IsPublic(PracticeStatus status) => status is PracticeStatus.Published or PracticeStatus.Featured;

    public static string ToVietnamese(this PracticeStatus status) => status switch
    {
        PracticeStatus.Draft => "Đang soạn",
        PracticeStatus.Submitted => "Đã gửi, chờ xem xét",
        PracticeStatus.Returned => "Bị trả lại",
        PracticeStatus.Accepted => "Đã được cấp trên chấp nhận",
        PracticeStatus.Published => "Đã công bố",
        PracticeStatus.Featured => "Tiêu biểu",
        _ => status.ToString(),
    };

    public static string ToVietnamese(this PracticeAction action) => action switch
    {
        PracticeAction.Edit => "sửa mô hình",
        PracticeAction.Submit => "gửi mô hình",
        PracticeAction.Accept => "chấp nhận mô hình",
        PracticeAction.Return => "trả lại mô hình",
        PracticeAction.Publish => "công bố mô hình",
        PracticeAction.Feature => "đánh dấu tiêu biểu",
        PracticeAction.Unfeature => "bỏ đánh dấu tiêu biểu",
        _ => action.ToString(),
    };
}
