using BacGiang.Cnscd.Core.Features.Common.Import;

namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>The outcome of a roster import: how many members were added, or every problem with its row (nothing saved).</summary>
public sealed record RosterImportResult(bool Succeeded, int Added, IReadOnlyList<ImportRowError> Errors, int? Version = null, bool IsConflict = false)
{
    public static RosterImportResult Fail(params ImportRowError[] errors) => new(false, 0, errors);
}
