using BacGiang.Cnscd.Core.Features.Common.Import;

namespace BacGiang.Cnscd.Core.Features.Households.Import;

/// <summary>The Vietnamese messages of the household import, shared by the service, the page and the tests.</summary>
public static class HouseholdImportMessages
{
    public const string NotAWorkbook = ExcelMessages.NotAWorkbook;

    public const string TooLarge = "Tệp lớn hơn 20 MB.";

    public const string Empty = "Tệp không có dòng hộ gia đình nào.";

    public const string NotAnImporter = "Chỉ cán bộ xã và trưởng thôn được nhập sổ hộ gia đình từ Excel.";

    public const string VillageCodeMissing = "Hãy nhập mã thôn.";

    public const string HeadNameMissing = "Hãy nhập họ và tên chủ hộ.";

    public const string HeadNameTooLong = "Họ và tên chủ hộ không được dài quá 150 ký tự.";

    public const string AddressMissing = "Hãy nhập địa chỉ của hộ.";

    public const string AddressTooLong = "Địa chỉ không được dài quá 300 ký tự.";

    public const string SizeInvalid = "Số nhân khẩu phải là số nguyên từ 1 đến 50.";

    public const string InRegister = "Hộ đã có trong sổ hộ của thôn (cùng họ tên chủ hộ và địa chỉ).";

    public const string ReadFailed = "Không đọc được tệp tải lên. Hãy thử lại.";

    public static string TooManyRows(int max) =>
        string.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), $"Tệp có quá nhiều dòng: mỗi lần nhập tối đa {max:N0} hộ.");

    public static string MissingColumn(string name) => ExcelMessages.MissingColumn(name);

    public static string UnknownVillage(string code) => $"Không có thôn nào mã {code}.";

    public static string OutsideScope(string code) => $"Thôn {code} không thuộc phạm vi đơn vị của bạn.";

    public static string BirthInvalid(string text) =>
        $"Ngày sinh chủ hộ '{ImportText.Echo(text)}' không hợp lệ: nhập dạng dd/MM/yyyy (ví dụ 05/09/1968) hoặc chỉ năm sinh, không sau hôm nay.";

    public static string PhoneInvalid(string text) =>
        $"Số điện thoại '{ImportText.Echo(text)}' không hợp lệ: {VietnamesePhone.Rule}.";

    public static string YesNoInvalid(string column, string text) => ExcelMessages.YesNoInvalid(column, ImportText.Echo(text));

    public static string DuplicateOf(int row) => $"Hộ trùng với dòng {row} (cùng thôn, họ tên chủ hộ và địa chỉ).";

    public static string MoreErrors(int count) => ExcelMessages.MoreErrors(count);
}
