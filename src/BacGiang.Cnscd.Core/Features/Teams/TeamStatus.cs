namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>The Vietnamese words for the R1 result, the same on every page and export.</summary>
public static class TeamStatus
{
    public const string Constituted = "Đã kiện toàn";

    public const string NotConstituted = "Chưa kiện toàn";

    public static string Label(bool isConstituted) => isConstituted ? Constituted : NotConstituted;
}
