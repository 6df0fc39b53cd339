using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>
/// A person joining a team: either an existing person (<see cref="ExistingPersonId"/>, the other
/// personal fields are then ignored) or a new one described by name, year of birth, phone and Zalo.
/// </summary>
public sealed record MemberInput(
    string? FullName, int? BirthYear, string? Phone, string? Zalo, TeamPosition Position, OfficialTitle Title, Affiliation Affiliation,
    DateOnly StartDate, string? TaskAssignment = null, int? ExistingPersonId = null);
