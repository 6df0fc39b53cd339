namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// One applied restructuring plan (issue 12): when it took effect, who applied it, and every value it changed, so that
/// it can be undone exactly (<see cref="ChangesJson"/>). Province-level: only the province's administrators read or
/// write it, so it is not behind the unit filter (like the accounts). A journal is never deleted; an undone plan keeps
/// its row with <see cref="UndoneAtUtc"/> set.
/// </summary>
public class RestructuringJournal : IVersioned
{
    public int Id { get; set; }

    /// <summary>The first day of the new tree; the closed units' ValidTo is the day before.</summary>
    public DateOnly EffectiveOn { get; set; }

    /// <summary>SHA-256 of the plan file as uploaded (hex), to tell two plans apart in the list.</summary>
    public string PlanSha256 { get; set; } = "";

    /// <summary>One line of counts, as the preview gave them ("195 xã đóng, 58 xã mở, …").</summary>
    public string Summary { get; set; } = "";

    /// <summary>
    /// The province's name before the plan renamed it (in place: the province keeps its row and code), or null when the plan
    /// kept the name. Read by <see cref="Features.Units.UnitNames"/> so that a report of an earlier quarter carries the name
    /// valid then; a column rather than a field of <see cref="ChangesJson"/> so that reading it does not parse the journal.
    /// </summary>
    public string? ProvinceNameBefore { get; set; }

    public DateTime AppliedAtUtc { get; set; }

    public string? AppliedByUserName { get; set; }

    public DateTime? UndoneAtUtc { get; set; }

    public string? UndoneByUserName { get; set; }

    /// <summary>What the apply changed, with the values before it (see RestructuringChanges).</summary>
    public string ChangesJson { get; set; } = "{}";

    public int Version { get; set; }
}
