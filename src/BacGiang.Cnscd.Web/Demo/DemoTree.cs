namespace BacGiang.Cnscd.Web.Demo;

/// <summary>
/// Which administrative tree the demo shows (setting <c>Demo:Tree</c>). The default is today's: the 2023 province with
/// its first two quarters of 2025 reported through the districts, then the 1 July 2025 reform applied, so that a newcomer
/// sees both trees. <c>2023</c> stops before the reform (districts, no reports), the tree the browser journeys and the
/// restructuring page's own demonstration start from.
/// </summary>
public enum DemoTree
{
    /// <summary>Province → commune → village since 1 July 2025, with the earlier quarters under the districts.</summary>
    Reformed2025,

    /// <summary>Province → district → commune → village, as seeded, nothing reported.</summary>
    Districts2023,
}

public static class DemoTreeSetting
{
    public const string Key = "Demo:Tree";

    /// <summary>Reads <c>Demo:Tree</c>: absent or "2025" for today's tree, "2023" for the tree with districts.</summary>
    /// <exception cref="InvalidOperationException">Any other value: the start stops and names the setting.</exception>
    public static DemoTree From(IConfiguration configuration) => configuration[Key]?.Trim() switch
    {
        null or "" or "2025" => DemoTree.Reformed2025,
        "2023" => DemoTree.Districts2023,
        var other => throw new InvalidOperationException($"{Key}=\"{other}\" không hợp lệ: dùng 2025 (mặc định, sau sắp xếp) hoặc 2023 (còn cấp huyện)."),
    };
}
