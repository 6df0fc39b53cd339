using System.Globalization;

namespace BacGiang.Cnscd.Core.Features.Recognition;

/// <summary>The Vietnamese messages of the awards register, in one place for pages and tests.</summary>
public static class AwardMessages
{
    public const string NotFound = "Không tìm thấy hồ sơ đề nghị khen thưởng trong phạm vi của bạn.";

    public const string NotTheNominator = "Chỉ tổ trưởng thôn, UBND xã hoặc UBND huyện của chính đơn vị mới lập và gửi được hồ sơ đề nghị của đơn vị đó.";

    public const string NotTheReviewer = "Chỉ cấp trên trực tiếp của đơn vị đề nghị mới xem xét (đồng ý hoặc trả lại) được hồ sơ.";

    public const string NotTheDepartment = "Chỉ Sở (tài khoản quản trị cấp tỉnh) mới lập danh sách, trả lại sau khi cấp trên đã đồng ý, ghi quyết định và ghi trao thưởng Bằng khen của tỉnh.";

    public const string NotTheAppraiser = "Chỉ chuyên viên Sở Nội vụ mới ghi kết quả thẩm định.";

    public const string NotTheDecider = "Giấy khen của huyện, xã do chính cấp đó quyết định và trao.";

    public const string NomineeOutOfScope = "Đối tượng đề nghị không thuộc đơn vị của bạn.";

    public const string MissingFields = "Chưa đủ thông tin, xem các ô được đánh dấu.";

    public const string AchievementsRequired = "Chưa nêu thành tích.";

    public const string DossierRequired = "Chưa đính kèm hồ sơ (tờ trình, báo cáo thành tích) — cần có trước khi gửi.";

    public const string ModelNotFound = "Không tìm thấy mô hình được liên kết trong phạm vi của bạn.";

    public const string CommentRequired = "Nhập lý do trả lại để đơn vị biết cần sửa gì.";

    public const string RejectionReasonRequired = "Nhập lý do Sở Nội vụ không đồng ý.";

    public const string OfficerRequired = "Nhập họ tên chuyên viên thẩm định.";

    public const string DecisionNumberRequired = "Nhập số quyết định.";

    public const string DecisionSignerRequired = "Nhập người ký quyết định.";

    public const string DateInvalid = "Ngày không hợp lệ (không ở tương lai, không trước năm xét khen thưởng).";

    public const string NotTheDepartmentForRounds = "Chỉ Sở (tài khoản quản trị cấp tỉnh) mới mở đợt và đặt hạn đề nghị khen thưởng.";

    public static string NoRound(int year) => string.Create(CultureInfo.InvariantCulture, $"Chưa mở đợt đề nghị khen thưởng năm {year}.");

    public static string PastDeadline(int year, DateOnly deadline) =>
        string.Create(CultureInfo.InvariantCulture, $"Đã quá hạn gửi hồ sơ đề nghị khen thưởng năm {year} (hạn {deadline:dd/MM/yyyy}).");

    public static string FormNotAtThisLevel(string form) =>
        $"{form} do cấp trên trực tiếp của đơn vị quyết định; cấp trên trực tiếp của đơn vị bạn không phải cấp đó.";

    public static string TooLong(string field, int max) =>
        string.Create(CultureInfo.GetCultureInfo("vi-VN"), $"{field} quá dài (tối đa {max:N0} ký tự).");
}
