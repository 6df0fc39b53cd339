using BacGiang.Cnscd.Core.Features.Common.Import;

namespace BacGiang.Cnscd.Core.Features.Restructuring;

/// <summary>
/// The preview of a plan — a commune merger (<see cref="Preview"/>) or a village plan (<see cref="Villages"/>) — or every
/// reason it is refused (row-level, Vietnamese); never both. After an apply, <see cref="JournalId"/> names the journal
/// that can undo it.
/// </summary>
public sealed record RestructuringPreviewResult(RestructuringPreview? Preview, IReadOnlyList<ImportRowError> Errors, int? JournalId = null,
    VillagePlanPreview? Villages = null)
{
    public bool Succeeded => Preview is not null || Villages is not null;
}
