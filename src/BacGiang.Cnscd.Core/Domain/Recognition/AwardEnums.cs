namespace BacGiang.Cnscd.Core.Domain;

/// <summary>Where a DX Day nomination (§1.7, §2.1e, §2.5, §2.9đ) stands; values are stored, never renumber.</summary>
public enum AwardStatus
{
    Draft = 0,
    Submitted = 1,
    Returned = 2,

    /// <summary>Reviewed and endorsed by the level directly above the nominating unit.</summary>
    Endorsed = 3,

    /// <summary>On the Department's selection list, sent to the Department of Home Affairs.</summary>
    Selected = 4,

    /// <summary>Appraised by Home Affairs with a favourable outcome.</summary>
    Appraised = 5,

    /// <summary>Home Affairs did not approve it: the end of this nomination.</summary>
    NotApproved = 6,

    /// <summary>The commendation decision is recorded (number, date, signer).</summary>
    Decided = 7,

    /// <summary>Handed over on DX Day, 10 October.</summary>
    Awarded = 8,
}

/// <summary>A step of the nomination workflow.</summary>
public enum AwardAction
{
    Edit = 1,
    Submit = 2,
    Endorse = 3,
    Return = 4,
    Select = 5,
    Appraise = 6,
    Reject = 7,
    Decide = 8,
    Award = 9,
}

/// <summary>
/// The proposed form of commendation. The province's certificate goes through the Department's list and Home Affairs'
/// appraisal; a district's or a commune's is decided at that level (§2.9đ), in the same register.
/// </summary>
public enum AwardForm
{
    /// <summary>Bằng khen của Chủ tịch UBND tỉnh.</summary>
    ProvincialChairmanCertificate = 1,

    /// <summary>Giấy khen của Chủ tịch UBND huyện (before the 2025 reform).</summary>
    DistrictChairmanCertificate = 2,

    /// <summary>Giấy khen của Chủ tịch UBND xã.</summary>
    CommuneChairmanCertificate = 3,
}

/// <summary>Who is nominated: a collective (a team, a unit) or an individual (a team member).</summary>
public enum NomineeKind
{
    Team = 1,
    Unit = 2,
    Member = 3,
}
