using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>
/// What the library is narrowed to: words typed with or without diacritics (every word must appear in the title or
/// the description), a skill, a district or commune (a commune's villages included), a year, the submitting level.
/// </summary>
public sealed record PracticeLibraryFilter(string? Query = null, DigitalSkills? Skill = null, int? DistrictId = null, int? CommuneId = null,
    int? Year = null, UnitLevel? Level = null);
