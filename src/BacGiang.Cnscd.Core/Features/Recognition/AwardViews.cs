using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>What the awards list filters on: the year, a state, and "what waits for my step".</summary>
public sealed record AwardListFilter(int Year, AwardStatus? Status = null, bool AwaitingMe = false);

/// <summary>One row of the awards list.</summary>
public sealed record AwardRow(int Id, string NomineeName, NomineeKind Kind, string UnitName, AwardForm Form, AwardStatus Status, bool IsLate,
    bool AwaitsMe, DateOnly? DecisionDate, string? DecisionNumber);

/// <summary>The year's round as a page shows it: the deadline (null when no round is open) and the years that have one.</summary>
public sealed record AwardRoundView(int Year, DateOnly? Deadline, bool IsPastDeadline, IReadOnlyList<int> Years);

/// <summary>A nomination's page: every field, where it stands, and the steps the reader may take now.</summary>
public sealed record AwardDetail(
    int Id, int Year, int UnitId, string UnitName, NomineeKind Kind, int NomineeId, string NomineeName, string Achievements,
    int? PracticeModelId, string? PracticeModelTitle, AwardForm Form, Guid? DossierFileId, string? DossierFileName, AwardStatus Status,
    string? ReviewComment, string? AppraisalOfficer, DateOnly? AppraisedOn, string? AppraisalComment, string? DecisionNumber,
    DateOnly? DecisionDate, string? DecisionSigner, DateOnly? AwardedOn, string? LastActedBy, DateTime? LastActedAtUtc, bool IsLate, int Version,
    IReadOnlyList<AwardAction> Available)
{
    public bool Can(AwardAction action) => Available.Contains(action);

    /// <summary>The nomination as the form edits it.</summary>
    public AwardNominationInput ToInput() => new(Year, Kind, NomineeId, Achievements, PracticeModelId, Form);
}

/// <summary>A choice in the nomination form: a team, a unit, a member or a model of the nominating unit's subtree.</summary>
public sealed record AwardOption(int Id, string Name);

/// <summary>What the nomination form offers for a nominating unit: its nominees and its models, and the forms its reviewer may decide.</summary>
public sealed record AwardNominationOptions(IReadOnlyList<AwardOption> Teams, IReadOnlyList<AwardOption> Units, IReadOnlyList<AwardOption> Members,
    IReadOnlyList<AwardOption> Models, IReadOnlyList<AwardForm> Forms);

/// <summary>A decided commendation as the team page shows it.</summary>
public sealed record AwardHonour(int Year, string NomineeName, NomineeKind Kind, AwardForm Form, string? DecisionNumber, DateOnly? DecisionDate,
    DateOnly? AwardedOn);
