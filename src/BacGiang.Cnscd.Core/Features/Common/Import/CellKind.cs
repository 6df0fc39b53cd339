namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>What a cell of an uploaded sheet holds, as stored in the file (formulas contribute their cached value only).</summary>
public enum CellKind
{
    Empty,
    Text,
    Number,
    Boolean,
    Date,
    Error,
}
