namespace BacGiang.Cnscd.Core.Features.Common;

/// <summary>One page of a server-paged list and the total it was cut from.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);
