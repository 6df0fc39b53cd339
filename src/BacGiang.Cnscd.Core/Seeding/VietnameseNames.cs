namespace BacGiang.Cnscd.Core.Seeding;

/// <summary>Realistic Vietnamese names and places for generated data, diacritics and all.</summary>
internal static class VietnameseNames
{
    // Weighted roughly by frequency; Thân and Giáp are common in Bắc Giang.
    private static readonly (string Name, int Weight)[] FamilyNames =
    [
        ("Nguyễn", 36), ("Trần", 10), ("Lê", 9), ("Phạm", 6), ("Hoàng", 5), ("Vũ", 4), ("Đặng", 3), ("Bùi", 3),
        ("Đỗ", 3), ("Ngô", 3), ("Dương", 2), ("Thân", 3), ("Giáp", 2), ("Đào", 2), ("Đinh", 2), ("Lương", 1),
        ("Trịnh", 1), ("Phan", 2), ("Hà", 1), ("Lý", 1), ("Chu", 1), ("Tạ", 1), ("Nông", 1), ("Mai", 1),
    ];

    private static readonly string[] MaleMiddle = ["Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Xuân", "Thanh", "Ngọc", "Đình"];
    private static readonly string[] FemaleMiddle = ["Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hồng", "Phương", "Kim"];

    private static readonly string[] MaleGiven =
    [
        "Anh", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hùng", "Hưng", "Khánh", "Long", "Mạnh", "Nam", "Phong",
        "Quân", "Sơn", "Thắng", "Thành", "Toàn", "Trung", "Tuấn", "Việt", "Vinh", "Hiếu", "Tiến", "Lâm", "Quý",
    ];

    private static readonly string[] FemaleGiven =
    [
        "Hà", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Loan", "Mai", "Nga", "Ngọc", "Nhung", "Oanh", "Phương",
        "Quỳnh", "Thảo", "Thủy", "Trang", "Uyên", "Vân", "Yến", "Huyền", "Dung", "Liên", "Thơm",
    ];

    private static readonly string[] VillageNames =
    [
        "Đông", "Tây", "Nam", "Bắc", "Trung", "Thượng", "Hạ", "Đồng Tâm", "Hòa Bình", "Tân Lập", "Quyết Tiến",
        "Chiến Thắng", "Đoàn Kết", "Phúc Lâm", "Yên Ninh", "Hương Câu", "Trại Mới", "Cầu Gạo", "Bến Tuần",
        "Đồng Mai", "Làng Thượng", "Làng Hạ", "Khuôn Thần", "Bãi Dài", "Cống Luận", "Đồng Quan", "Phố Mới",
        "Tiền Phong", "Hợp Tiến", "Thanh Bình", "An Lập", "Đông Lạc", "Nội Ninh", "Ngọc Sơn", "Chùa", "Giếng",
        "Non Tá", "Khe Nghè", "Hố Sâu", "Đồng Bài",
    ];

    private static readonly int TotalFamilyWeight = FamilyNames.Sum(f => f.Weight);

    public static string FullName(Random random, bool male)
    {
        var pick = random.Next(TotalFamilyWeight);
        var family = FamilyNames[^1].Name;
        foreach (var (name, weight) in FamilyNames)
        {
            if (pick < weight)
            {
                family = name;
                break;
            }

            pick -= weight;
        }

        var middle = male ? MaleMiddle[random.Next(MaleMiddle.Length)] : FemaleMiddle[random.Next(FemaleMiddle.Length)];
        var given = male ? MaleGiven[random.Next(MaleGiven.Length)] : FemaleGiven[random.Next(FemaleGiven.Length)];
        return $"{family} {middle} {given}";
    }

    /// <summary>Villages of a rural commune are "Thôn …"; of a ward or township, "Tổ dân phố số N".</summary>
    public static IReadOnlyList<string> Villages(Random random, int count, bool urban)
    {
        if (urban)
        {
            return Enumerable.Range(1, count).Select(i => $"Tổ dân phố số {i}").ToList();
        }

        var names = VillageNames.OrderBy(_ => random.Next()).Take(count).Select(n => "Thôn " + n).ToList();
        for (var i = names.Count + 1; names.Count < count; i++)
        {
            names.Add($"Thôn {i}");
        }

        return names;
    }

    public static string Address(Random random, string villageName, bool urban) => urban
        ? $"Số {random.Next(1, 200)}, ngõ {random.Next(1, 40)}, {villageName}"
        : $"Xóm {random.Next(1, 12)}, {villageName}";

    public static string Phone(Random random)
    {
        string[] prefixes = ["09", "03", "08", "07"];
        return prefixes[random.Next(prefixes.Length)] + random.Next(10_000_000, 99_999_999).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
