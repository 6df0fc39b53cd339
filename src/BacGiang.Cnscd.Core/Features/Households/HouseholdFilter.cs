namespace BacGiang.Cnscd.Core.Features.Households;

/// <summary>
/// The filter chips of the household register. Every chip that is on narrows the list (they combine with AND).
/// </summary>
/// <param name="NotCovered">Only households not covered under rule R3.</param>
/// <param name="NoVneid">Only households without a VNeID level-2 account.</param>
/// <param name="NoPublicServiceAccount">Only households without an online-public-services account.</param>
/// <param name="NeedsAssistanceUnassigned">Only households that need assistance but have nobody assigned to help.</param>
/// <param name="NotVisitedForDays">Only households not visited for at least this many days (never visited included).</param>
public sealed record HouseholdFilter(
    bool NotCovered = false,
    bool NoVneid = false,
    bool NoPublicServiceAccount = false,
    bool NeedsAssistanceUnassigned = false,
    int? NotVisitedForDays = null)
{
    public static HouseholdFilter None { get; } = new();
}
