namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>How the team list is ordered (always on the server, before the page is cut).</summary>
public sealed record TeamSort(TeamSortField Field = TeamSortField.Name, bool Descending = false);
