namespace BacGiang.Cnscd.Core.Features.Households;

/// <summary>How many households an assignment changed, or why nothing was changed.</summary>
public sealed record AssignmentResult(bool Succeeded, int Count, string? Error = null)
{
    public static AssignmentResult Ok(int count) => new(true, count);

    public static AssignmentResult Fail(string error) => new(false, 0, error);
}
