using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>
/// One person of the merged team as the officer decides it: a current member (<see cref="MembershipId"/>), a
/// person of the scope who joins (<see cref="PersonId"/>), or a new person. <see cref="Keep"/>, <see cref="Position"/>
/// and <see cref="Title"/> are the officer's choices; <see cref="Source"/> and <see cref="Notes"/> say where the
/// person came from and which input rows were found to be the same person.
/// </summary>
public sealed class MergeCandidate
{
    public required string FullName { get; init; }

    public int? BirthYear { get; init; }

    /// <summary>
    /// For current members and people already on record: as <see cref="Privacy.PersonalDataPolicy"/> lets the reader see it.
    /// For people typed from the Project 06 list: as typed (normalised), since it becomes their phone.
    /// </summary>
    public string Phone { get; set; } = "";

    /// <summary>The stored phone, for recognising the same person; never shown.</summary>
    internal string? MatchPhone { get; set; }

    public int? MembershipId { get; init; }

    public int? PersonId { get; init; }

    public Affiliation Affiliation { get; set; }

    public MergeSource Source { get; set; }

    public List<string> Notes { get; } = [];

    public bool Keep { get; set; } = true;

    public TeamPosition Position { get; set; }

    public OfficialTitle Title { get; set; }

    /// <summary>Rows of the Project 06 input (1-based) that are this person.</summary>
    public List<int> InputRows { get; } = [];
}
