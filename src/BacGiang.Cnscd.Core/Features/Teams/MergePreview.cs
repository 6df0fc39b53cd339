namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>The team as it would be after the merge: who stays or joins, who leaves, and its R1 checklist.</summary>
public sealed record MergePreview(IReadOnlyList<MergeCandidate> Staying, IReadOnlyList<MergeCandidate> Leaving,
    IReadOnlyList<CompositionCheck> Checklist)
{
    public bool IsConstituted => Checklist.All(c => c.IsMet);

    public string Status => TeamStatus.Label(IsConstituted);
}
