using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Households;

/// <summary>A recent visit of a village, for the phone's "recently visited" list.</summary>
public sealed record RecentVisitRow(long VisitId, int HouseholdId, string HeadName, string Address, DateOnly VisitedOn, DigitalSkills Skills);
