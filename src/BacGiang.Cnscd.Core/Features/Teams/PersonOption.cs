namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>A person of the reader's scope offered when adding an existing person; the phone is already masked as policy requires.</summary>
public sealed record PersonOption(int PersonId, string FullName, int? BirthYear, string Phone);
