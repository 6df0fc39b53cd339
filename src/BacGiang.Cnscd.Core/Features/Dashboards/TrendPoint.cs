namespace BacGiang.Cnscd.Core.Features.Dashboards;

/// <summary>The unit's household figures at the end of a quarter (the current quarter: now).</summary>
public sealed record TrendPoint(int Year, int Quarter, int Households, int Covered, int CoveredByAssistance, int VneidLevel2, int PublicServiceAccount)
{
    public string Label => $"Q{Quarter}/{Year}";
}
