using MiniExcelLibs.Attributes;

namespace BacGiang.Cnscd.Core.Features.Households.Export;

/// <summary>
/// One row of the register export. A typed row rather than a dictionary per row: MiniExcel reads the columns
/// once for the type, and a district's 60,000 rows allocate far less.
/// </summary>
public sealed class HouseholdExportRow
{
    [ExcelColumnName("Mã thôn")]
    public string VillageCode { get; init; } = "";

    [ExcelColumnName("Thôn")]
    public string VillageName { get; init; } = "";

    [ExcelColumnName("Họ và tên chủ hộ")]
    public string HeadName { get; init; } = "";

    [ExcelColumnName("Địa chỉ")]
    public string Address { get; init; } = "";

    [ExcelColumnName("Năm sinh chủ hộ")]
    public int? HeadBirthYear { get; init; }

    [ExcelColumnName("Số điện thoại")]
    public string Phone { get; init; } = "";

    [ExcelColumnName("Số nhân khẩu")]
    public int Size { get; init; }

    [ExcelColumnName("Kỹ năng đã hướng dẫn (/5)")]
    public int SkillsGuided { get; init; }

    [ExcelColumnName("VNeID mức 2")]
    public string Vneid { get; init; } = "";

    [ExcelColumnName("Tài khoản DVC trực tuyến")]
    public string PublicServices { get; init; } = "";

    [ExcelColumnName("Cần người hỗ trợ")]
    public string NeedsAssistance { get; init; } = "";

    [ExcelColumnName("Người hỗ trợ")]
    public string Assistant { get; init; } = "";

    [ExcelColumnName("Tình trạng phủ")]
    public string Coverage { get; init; } = "";

    /// <summary>Text, not a date cell: dd/MM/yyyy whatever the reader's Excel locale.</summary>
    [ExcelColumnName("Lần thăm gần nhất")]
    public string LastVisitedOn { get; init; } = "";
}
