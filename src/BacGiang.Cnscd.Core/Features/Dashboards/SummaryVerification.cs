namespace BacGiang.Cnscd.Core.Features.Dashboards;

/// <summary>The outcome of <see cref="SummaryMaintenance.VerifyAsync"/>.</summary>
public sealed record SummaryVerification(int VillagesChecked, IReadOnlyList<SummaryDifference> Differences, int VillagesRepaired)
{
    public bool IsClean => Differences.Count == 0;
}
