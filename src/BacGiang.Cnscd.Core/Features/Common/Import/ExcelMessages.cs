using System.Globalization;

namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>The messages every Excel import gives for the same failure, worded once.</summary>
public static class ExcelMessages
{
    public const string NotAWorkbook = "Tệp không phải là bảng tính Excel (.xlsx) hợp lệ.";

    public const string Unsafe =
        "Tệp Excel có cấu trúc bất thường (quá nhiều thành phần, hoặc nén quá mức) nên không được đọc. Hãy lưu lại tệp bằng Excel rồi nhập lại.";

    public const string TooMuchText = "Tệp có quá nhiều chữ để đọc trong một lần nhập. Hãy chia tệp thành nhiều tệp nhỏ hơn.";

    public const string TooSlow = "Đọc tệp quá lâu nên đã dừng. Hãy chia tệp thành nhiều tệp nhỏ hơn rồi nhập lại.";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string TooManyColumns(int max) =>
        string.Create(Vietnamese, $"Tệp có ô nằm ngoài {max:N0} cột đầu tiên. Hãy chỉ dùng các cột của tệp mẫu.");

    public static string TooManyCells(int max) =>
        string.Create(Vietnamese, $"Tệp có quá nhiều ô (hơn {max:N0}, kể cả ô trống có định dạng). Hãy xoá các dòng, cột thừa rồi nhập lại.");

    /// <summary>A cell longer than any field may be; the cell is named, its content is not echoed.</summary>
    public static string CellTooLong(string cell, int max) =>
        string.Create(Vietnamese, $"Ô {cell} dài quá {max:N0} ký tự.");

    public static string MissingColumn(string name) => $"Thiếu cột '{name}'.";

    public static string DuplicateColumn(string name, string first, string second) =>
        $"Cột '{name}' có hai lần (cột {first} và cột {second}); hãy giữ lại một.";

    public static string YesNoInvalid(string column, string echoed) => $"Cột '{column}' chỉ nhận 'Có' hoặc 'Không' (đang là '{echoed}').";

    public static string MoreErrors(int count) =>
        string.Create(Vietnamese, $"… và {count:N0} lỗi khác. Hãy sửa các lỗi trên rồi nhập lại.");
}
