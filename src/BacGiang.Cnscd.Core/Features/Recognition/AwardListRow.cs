using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>
/// One nomination as the awards' documents print it: the nominee, the nominating unit named for the list's level
/// ("Thôn Đồng Tâm, xã Đồng Tiến" in a district's list), the achievements in full, and the register's later steps.
/// </summary>
public sealed record AwardListRow(
    int Id,
    string NomineeName,
    NomineeKind Kind,
    string NominatingUnit,
    string Achievements,
    AwardForm Form,
    AwardStatus Status,
    string? AppraisalOfficer,
    DateOnly? AppraisedOn,
    string? AppraisalComment,
    string? DecisionNumber,
    DateOnly? DecisionDate,
    string? DecisionSigner,
    DateOnly? AwardedOn)
{
    /// <summary>"Tập thể" for a team or a unit, "Cá nhân" for a member: the list's "Loại" column.</summary>
    public string KindLabel => Kind == NomineeKind.Member ? "Cá nhân" : "Tập thể";

    public bool IsCollective => Kind != NomineeKind.Member;

    /// <summary>Home Affairs' outcome in words, once appraised: the appraisal columns of the Excel list.</summary>
    public string AppraisalOutcome => Status == AwardStatus.NotApproved ? "Không đồng ý"
        : AppraisedOn is not null ? "Đồng ý"
        : "";
}
