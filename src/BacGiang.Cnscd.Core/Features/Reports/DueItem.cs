namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>Something the signed-in account must deliver soon (shown on the home page).</summary>
public sealed record DueItem(string Text, DateOnly DueDate, string Href);
