namespace BacGiang.Cnscd.Core.Features.Restructuring;

/// <summary>What a line of a village plan does to its village.</summary>
public enum VillageAction
{
    /// <summary>The village, with everything in it, moves to another commune (it keeps its code and name).</summary>
    Move = 1,

    /// <summary>The village is merged into another village: it closes, and its households, visits and people move there.</summary>
    Merge = 2,

    /// <summary>Part of the village (the households whose address matches) becomes a new village, in the same or another commune.</summary>
    Split = 3,
}

/// <summary>
/// One line of a village plan (<see cref="VillagePlanReader"/>).
/// </summary>
/// <param name="Row">The line number in the file (the header is line 1).</param>
/// <param name="CommuneCode">Move: the commune it moves to. Split: the commune of the new village. Merge: empty.</param>
/// <param name="TargetVillageCode">Merge: the village it merges into. Split: the new village's code. Move: empty.</param>
/// <param name="TargetVillageName">Split: the new village's name. Otherwise empty.</param>
/// <param name="Addresses">Split: the address fragments (diacritics and case ignored) of the households that leave. Otherwise empty.</param>
public sealed record VillagePlanRow(int Row, VillageAction Action, string VillageCode, string VillageName, string CommuneCode,
    string TargetVillageCode, string TargetVillageName, IReadOnlyList<string> Addresses);
