namespace BacGiang.Cnscd.Core.Features.Restructuring;

/// <summary>One line of a merger plan: an old commune and the new commune (and province) it becomes part of.</summary>
/// <param name="Row">The line number in the file (the header is line 1).</param>
public sealed record MergerPlanRow(int Row, string OldCommuneCode, string OldCommuneName, string NewProvinceCode, string NewProvinceName,
    string NewCommuneCode, string NewCommuneName);
