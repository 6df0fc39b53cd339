using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>What a nominating unit fills in. <paramref name="NomineeId"/> is a team's, a unit's or a roster row's id, per <paramref name="Kind"/>.</summary>
public sealed record AwardNominationInput(int Year, NomineeKind Kind, int NomineeId, string? Achievements, int? PracticeModelId, AwardForm Form);

/// <summary>Home Affairs' appraisal as the officer records it; <paramref name="Approved"/> false ends the nomination (a reason is required).</summary>
public sealed record AwardAppraisalInput(string? Officer, DateOnly On, bool Approved, string? Comment);

/// <summary>The commendation decision: its number, date and signer.</summary>
public sealed record AwardDecisionInput(string? Number, DateOnly Date, string? Signer);

/// <summary>A nomination after a command: its id, version (for the next step) and state.</summary>
public sealed record AwardSaved(int Id, int Version, AwardStatus Status);
