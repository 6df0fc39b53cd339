namespace BacGiang.Cnscd.Core.Domain;

/// <summary>How a household stands against rule R3. Decided only by <see cref="HouseholdCoverageRule"/>.</summary>
public enum CoverageStatus
{
    NotCovered = 0,
    /// <summary>A member of the household can use the 5 skills and has VNeID level 2 and a public-services account.</summary>
    CoveredByOwnMember = 1,
    /// <summary>Nobody in the household can, and a team member is assigned to help it.</summary>
    CoveredByAssistance = 2,
}
