using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>One person of the Project 06 working team's roster, as typed or read from its spreadsheet (§1.1).</summary>
public sealed record MergeEntry(string? FullName, int? BirthYear, string? Phone, Affiliation Affiliation = Affiliation.Official,
    OfficialTitle Title = OfficialTitle.None);
