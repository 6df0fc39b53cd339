using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Units;

/// <summary>A unit as the unit browser lists it, with the counts of its subtree.</summary>
public sealed record UnitRow(int Id, string Code, string Name, UnitLevel Level, UnitKind Kind,
    int Villages, int Teams, int Members, int Households);
