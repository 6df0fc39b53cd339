namespace BacGiang.Cnscd.Core.Features.Households;

/// <summary>A household on a member's "my households" list, with what it still lacks for rule R3.</summary>
public sealed record AssignedHouseholdRow(int Id, string HeadName, string Address, DateOnly? LastVisitedOn, IReadOnlyList<string> Missing);
