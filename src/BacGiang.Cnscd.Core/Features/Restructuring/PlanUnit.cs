using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Restructuring;

/// <summary>A unit as a plan is checked against it (every unit, current or closed, read once).</summary>
internal sealed record PlanUnit(int Id, string Code, string Name, UnitLevel Level, int? ParentId, int? DistrictId, DateOnly ValidFrom, DateOnly? ValidTo,
    int? SuccessorId)
{
    public bool IsCurrent(DateOnly on) => ValidFrom <= on && (ValidTo is null || ValidTo >= on);
}

/// <summary>
/// A plan that passed every check: its rows, the old commune of each row, the tree it was checked against, and the
/// province and districts it closes or renames.
/// </summary>
internal sealed record CheckedPlan(
    IReadOnlyList<MergerPlanRow> Rows,
    IReadOnlyDictionary<int, PlanUnit> OldCommuneByRow,
    IReadOnlyList<PlanUnit> Units,
    PlanUnit Province,
    IReadOnlyList<PlanUnit> Districts,
    DateOnly EffectiveOn)
{
    public DateOnly DayBefore => EffectiveOn.AddDays(-1);

    public string NewProvinceName => Rows[0].NewProvinceName;

    /// <summary>The new communes in code order, each with the old communes it takes over.</summary>
    public IReadOnlyList<(string Code, string Name, IReadOnlyList<PlanUnit> Old)> NewCommunes { get; } =
        Rows.GroupBy(r => r.NewCommuneCode, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.First().NewCommuneName, (IReadOnlyList<PlanUnit>)g.Select(r => OldCommuneByRow[r.Row]).ToList()))
            .ToList();

    /// <summary>The villages under <paramref name="commune"/> the day before the effective date: they move with it.</summary>
    public IEnumerable<PlanUnit> VillagesOf(PlanUnit commune) =>
        Units.Where(u => u.Level == UnitLevel.Village && u.ParentId == commune.Id && u.IsCurrent(DayBefore));
}
