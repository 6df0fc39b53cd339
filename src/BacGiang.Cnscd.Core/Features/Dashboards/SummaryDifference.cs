namespace BacGiang.Cnscd.Core.Features.Dashboards;

/// <summary>One counter of one village whose stored summary differs from the households (zero expected).</summary>
public sealed record SummaryDifference(int VillageId, string VillageCode, string VillageName, string Counter, int Stored, int Actual);
