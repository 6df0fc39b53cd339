namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>Filters of the team list; each true flag narrows the list, a unit id keeps that district's or commune's teams.</summary>
public sealed record TeamListFilter(
    bool NotConstitutedOnly = false, bool GovernanceMissingOnly = false, bool InactiveOnly = false,
    int? DistrictId = null, int? CommuneId = null);
