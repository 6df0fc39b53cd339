namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>
/// The first step of a merge: every person of both rosters once (duplicates folded together, with a note),
/// the input rows that cannot be used (Vietnamese, with the row number) and the team version the plan is based on.
/// </summary>
public sealed record MergeAnalysis(int TeamId, string TeamName, Domain.UnitLevel Level, int Version,
    IReadOnlyList<MergeCandidate> Candidates, IReadOnlyList<string> RowErrors)
{
    public bool HasErrors => RowErrors.Count > 0;
}
