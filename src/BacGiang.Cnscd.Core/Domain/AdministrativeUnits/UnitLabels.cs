namespace BacGiang.Cnscd.Core.Domain;

public static class UnitLabels
{
    public static string ToVietnamese(this UnitKind kind) => kind switch
    {
        UnitKind.Province => "Tỉnh",
        UnitKind.City => "Thành phố",
        UnitKind.RuralDistrict => "Huyện",
        UnitKind.Town => "Thị xã",
        UnitKind.Commune => "Xã",
        UnitKind.Ward => "Phường",
        UnitKind.Township => "Thị trấn",
        UnitKind.Village => "Thôn",
        UnitKind.ResidentialGroup => "Tổ dân phố",
        _ => kind.ToString(),
    };

    public static string ToVietnamese(this UnitLevel level) => level switch
    {
        UnitLevel.Province => "Cấp tỉnh",
        UnitLevel.District => "Cấp huyện",
        UnitLevel.Commune => "Cấp xã",
        UnitLevel.Village => "Thôn, tổ dân phố",
        _ => level.ToString(),
    };

    /// <summary>Parses the kind words used in the official lists ("Thành phố", "Thị trấn" …).</summary>
    public static UnitKind ParseKind(string text) => text.Trim() switch
    {
        "Tỉnh" => UnitKind.Province,
        "Thành phố" => UnitKind.City,
        "Huyện" => UnitKind.RuralDistrict,
        "Thị xã" => UnitKind.Town,
        "Xã" => UnitKind.Commune,
        "Phường" => UnitKind.Ward,
        "Thị trấn" => UnitKind.Township,
        "Thôn" => UnitKind.Village,
        "Tổ dân phố" => UnitKind.ResidentialGroup,
        _ => throw new FormatException($"Loại đơn vị hành chính không hợp lệ: '{text}'"),
    };
}
