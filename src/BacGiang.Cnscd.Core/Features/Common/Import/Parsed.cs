namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>A cell parsed into a value, or the Vietnamese row error that says why it cannot be.</summary>
public readonly record struct Parsed<T>(T Value, string? Error)
{
    public bool IsValid => Error is null;
}
