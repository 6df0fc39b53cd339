namespace BacGiang.Cnscd.Core.Features.Common;

/// <summary>A page to fetch; the size is capped so no caller can bind a whole table.</summary>
public sealed record PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 100;

    public int Skip => Math.Max(0, Page) * Take;

    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);
}
