using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Units;

/// <summary>A unit and the path from the top of the reader's scope down to it (for the breadcrumb).</summary>
public sealed record UnitSummary(int Id, string Code, string Name, UnitLevel Level, UnitKind Kind,
    IReadOnlyList<(int Id, string Name)> Path);
