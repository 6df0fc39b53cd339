namespace BacGiang.Cnscd.Core.Seeding;

/// <summary>
/// What a seed's progress lines call each table it writes: the words of the people who read the first start's output
/// (issue 21), not the database's table names.
/// </summary>
public static class SeedProgressLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["People"] = "Người (thành viên tổ)",
        ["Teams"] = "Tổ CNSCĐ",
        ["TeamMembers"] = "Thành viên trong tổ",
        ["TeamActivities"] = "Hoạt động của tổ",
        ["AnnualPlans"] = "Kế hoạch năm của tổ",
        ["Households"] = "Hộ gia đình",
        ["HouseholdSkills"] = "Kỹ năng số của hộ",
        ["HouseholdVisits"] = "Lượt thăm hộ",
        ["VillageQuarterSummaries"] = "Số liệu theo quý của thôn",
    };

    /// <summary>The Vietnamese label of <paramref name="table"/>; the table's own name when it has none yet.</summary>
    public static string Of(string table) => Labels.GetValueOrDefault(table, table);
}
