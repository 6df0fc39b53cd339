namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>The choices of the library's filters: today's districts (none since the 2025 reform) and communes, and the years that have public models.</summary>
public sealed record PracticeLibraryOptions(IReadOnlyList<PracticeUnitOption> Districts, IReadOnlyList<PracticeUnitOption> Communes, IReadOnlyList<int> Years);

/// <summary>A unit in a filter's list.</summary>
public sealed record PracticeUnitOption(int Id, string Name);
