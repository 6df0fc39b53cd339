using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>
/// One person of the Project 06 working team's roster, as typed or read from its spreadsheet (§1.1). <see cref="Position"/>
/// is the position the sheet asks for (typed entries have none: the office suggests one); <see cref="Row"/> is the sheet's
/// row number, so that messages point at the line the officer sees in Excel (typed entries are numbered 1, 2, … in order).
/// </summary>
public sealed record MergeEntry(string? FullName, int? BirthYear, string? Phone, Affiliation Affiliation = Affiliation.Official,
    OfficialTitle Title = OfficialTitle.None, TeamPosition? Position = null, int? Row = null);
