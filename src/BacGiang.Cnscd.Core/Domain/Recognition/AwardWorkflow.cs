namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// The DX Day nomination workflow as a state machine, in one place:
/// Draft → Submitted → Endorsed by the level above, or Returned (with the reason) → Submitted again …;
/// for the province's certificate: Endorsed → Selected by the Department (or Returned by it) → Appraised by Home Affairs
/// (or NotApproved) → Decided → Awarded; for a district's or commune's certificate: Endorsed → Decided at that level → Awarded.
/// Who may take each step is <c>AwardRights</c>'s.
/// </summary>
public static class AwardWorkflow
{
    private enum Track
    {
        Both,
        Provincial,
        Local,
    }

    private static readonly Dictionary<(AwardStatus From, AwardAction Action), (AwardStatus To, Track Track)> Transitions = new()
    {
        [(AwardStatus.Draft, AwardAction.Edit)] = (AwardStatus.Draft, Track.Both),
        [(AwardStatus.Returned, AwardAction.Edit)] = (AwardStatus.Returned, Track.Both),
        [(AwardStatus.Draft, AwardAction.Submit)] = (AwardStatus.Submitted, Track.Both),
        [(AwardStatus.Returned, AwardAction.Submit)] = (AwardStatus.Submitted, Track.Both),
        [(AwardStatus.Submitted, AwardAction.Endorse)] = (AwardStatus.Endorsed, Track.Both),
        [(AwardStatus.Submitted, AwardAction.Return)] = (AwardStatus.Returned, Track.Both),
        [(AwardStatus.Endorsed, AwardAction.Return)] = (AwardStatus.Returned, Track.Both),
        [(AwardStatus.Endorsed, AwardAction.Select)] = (AwardStatus.Selected, Track.Provincial),
        [(AwardStatus.Selected, AwardAction.Appraise)] = (AwardStatus.Appraised, Track.Provincial),
        [(AwardStatus.Selected, AwardAction.Reject)] = (AwardStatus.NotApproved, Track.Provincial),
        [(AwardStatus.Appraised, AwardAction.Decide)] = (AwardStatus.Decided, Track.Provincial),
        [(AwardStatus.Endorsed, AwardAction.Decide)] = (AwardStatus.Decided, Track.Local),
        [(AwardStatus.Decided, AwardAction.Award)] = (AwardStatus.Awarded, Track.Both),
    };

    /// <summary>Every (state, step, local form?) triple the workflow allows, for tests that walk the whole machine.</summary>
    public static IEnumerable<(AwardStatus From, AwardAction Action, bool Local, AwardStatus To)> AllTransitions =>
        Transitions.SelectMany(t => new[] { false, true }
            .Where(local => Fits(t.Value.Track, local))
            .Select(local => (t.Key.From, t.Key.Action, local, t.Value.To)));

    public static bool Allows(AwardStatus from, AwardAction action, bool localForm) =>
        Transitions.TryGetValue((from, action), out var to) && Fits(to.Track, localForm);

    /// <summary>The state after <paramref name="action"/>; throws <see cref="InvalidOperationException"/> when the workflow forbids it.</summary>
    public static AwardStatus Next(AwardStatus from, AwardAction action, bool localForm) =>
        Allows(from, action, localForm) ? Transitions[(from, action)].To
            : throw new InvalidOperationException(RefusalMessage(from, action, localForm));

    /// <summary>Why the workflow does not allow the step: the other track's step (the Department's list for a district's certificate), or the state.</summary>
    public static string RefusalMessage(AwardStatus from, AwardAction action, bool localForm) =>
        Transitions.TryGetValue((from, action), out var to) && !Fits(to.Track, localForm)
            ? $"Hồ sơ đề nghị {(localForm ? "giấy khen của huyện, xã" : "Bằng khen của tỉnh")} không có bước {action.ToVietnamese()} ở trạng thái \"{from.ToVietnamese()}\"."
            : $"Không thể {action.ToVietnamese()} khi hồ sơ ở trạng thái \"{from.ToVietnamese()}\".";

    /// <summary>Nominations the decision has been made on: what the dashboard counts and the team page shows.</summary>
    public static bool IsDecided(AwardStatus status) => status is AwardStatus.Decided or AwardStatus.Awarded;

    private static bool Fits(Track track, bool localForm) =>
        track == Track.Both || (track == Track.Local) == localForm;

    public static string ToVietnamese(this AwardStatus status) => status switch
    {
        AwardStatus.Draft => "Đang soạn",
        AwardStatus.Submitted => "Đã gửi, chờ cấp trên xem xét",
        AwardStatus.Returned => "Bị trả lại",
        AwardStatus.Endorsed => "Cấp trên đã đồng ý đề nghị",
        AwardStatus.Selected => "Trong danh sách của Sở, chờ Sở Nội vụ thẩm định",
        AwardStatus.Appraised => "Sở Nội vụ đã thẩm định, chờ quyết định",
        AwardStatus.NotApproved => "Sở Nội vụ không đồng ý",
        AwardStatus.Decided => "Đã có quyết định khen thưởng",
        AwardStatus.Awarded => "Đã trao thưởng",
        _ => status.ToString(),
    };

    public static string ToVietnamese(this AwardAction action) => action switch
    {
        AwardAction.Edit => "sửa hồ sơ",
        AwardAction.Submit => "gửi hồ sơ",
        AwardAction.Endorse => "đồng ý đề nghị",
        AwardAction.Return => "trả lại hồ sơ",
        AwardAction.Select => "đưa vào danh sách của Sở",
        AwardAction.Appraise => "ghi kết quả thẩm định",
        AwardAction.Reject => "ghi không đồng ý",
        AwardAction.Decide => "ghi quyết định khen thưởng",
        AwardAction.Award => "ghi đã trao thưởng",
        _ => action.ToString(),
    };

    public static string ToVietnamese(this AwardForm form) => form switch
    {
        AwardForm.ProvincialChairmanCertificate => "Bằng khen của Chủ tịch UBND tỉnh",
        AwardForm.DistrictChairmanCertificate => "Giấy khen của Chủ tịch UBND huyện",
        AwardForm.CommuneChairmanCertificate => "Giấy khen của Chủ tịch UBND xã",
        _ => form.ToString(),
    };

    public static string ToVietnamese(this NomineeKind kind) => kind switch
    {
        NomineeKind.Team => "Tập thể (tổ CNSCĐ)",
        NomineeKind.Unit => "Tập thể (đơn vị)",
        NomineeKind.Member => "Cá nhân",
        _ => kind.ToString(),
    };
}
