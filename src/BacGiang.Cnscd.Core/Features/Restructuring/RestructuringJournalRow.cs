namespace BacGiang.Cnscd.Core.Features.Restructuring;

/// <summary>One applied plan as the administrator's list shows it, with the district accounts it disabled.</summary>
public sealed record RestructuringJournalRow(int Id, DateOnly EffectiveOn, string Summary, DateTime AppliedAtUtc, string? AppliedBy,
    DateTime? UndoneAtUtc, string? UndoneBy, IReadOnlyList<string> DisabledAccounts)
{
    public bool IsUndone => UndoneAtUtc is not null;
}
