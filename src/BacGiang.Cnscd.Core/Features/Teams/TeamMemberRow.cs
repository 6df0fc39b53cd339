using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>
/// One membership on the roster of a date. <see cref="Phone"/> and <see cref="Zalo"/> are already
/// passed through <see cref="Privacy.PersonalDataPolicy"/>; <see cref="CanContact"/> says whether they
/// are in full (only then may a page offer click-to-call).
/// </summary>
public sealed record TeamMemberRow(
    int MembershipId, string FullName, TeamPosition Position, string PositionLabel, OfficialTitle Title, string TitleLabel,
    string AffiliationLabel, string Phone, string Zalo, bool CanContact, DateOnly StartDate, DateOnly? EndDate, bool HasTaskAssignment,
    string? TaskAssignment = null);
