using System.Globalization;

namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>The Vietnamese messages of the practice-model register, in one place for pages and tests.</summary>
public static class PracticeMessages
{
    public const string NotFound = "Không tìm thấy mô hình trong phạm vi của bạn.";

    public const string UnitNotFound = "Không tìm thấy đơn vị trong phạm vi của bạn.";

    public const string NotTheAuthor = "Chỉ tổ CNSCĐ thôn (tổ trưởng), UBND xã hoặc UBND huyện của chính đơn vị mới gửi được mô hình của đơn vị đó.";

    public const string NotTheReviewer = "Chỉ cấp trên trực tiếp của đơn vị gửi mới xem xét (chấp nhận hoặc trả lại) được mô hình.";

    public const string NotTheDepartment = "Chỉ Sở (tài khoản quản trị cấp tỉnh) mới công bố hoặc đánh dấu tiêu biểu được mô hình.";

    public const string MissingFields = "Chưa đủ thông tin, xem các ô được đánh dấu.";

    public const string TitleRequired = "Chưa nhập tên mô hình.";

    public const string DescriptionRequired = "Chưa mô tả cách làm.";

    public const string SkillsRequired = "Chọn ít nhất một kỹ năng số mà mô hình hướng tới.";

    public const string ContactRequired = "Chưa nhập người liên hệ.";

    public const string FiguresInvalid = "Số liệu kết quả không hợp lệ (từ 0 đến 1.000.000).";

    public const string PeriodInvalid = "Thời gian thực hiện không hợp lệ (bắt đầu từ năm 2020, không ở tương lai, kết thúc không trước ngày bắt đầu).";

    public const string CommentRequired = "Nhập lý do trả lại để đơn vị biết cần sửa gì.";

    public static string TooLong(string field, int max) =>
        string.Create(CultureInfo.GetCultureInfo("vi-VN"), $"{field} quá dài (tối đa {max:N0} ký tự).");
}
