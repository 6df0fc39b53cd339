namespace BacGiang.Cnscd.Core.Features.Households;

/// <summary>The Vietnamese messages of the household feature, shared by the service, the pages and the tests.</summary>
public static class HouseholdMessages
{
    public const string FutureVisit = "Ngày thăm không được sau hôm nay.";

    public const string MemberNotInTeam = "Người đi thăm phải là thành viên đang hoạt động của Tổ CNSCĐ thôn này.";

    public const string NoteTooLong = "Ghi chú không được dài quá 1.000 ký tự.";

    public const string NotFound = "Không tìm thấy hộ gia đình, hoặc hộ không thuộc phạm vi của tài khoản.";

    public const string NotAVisitor = "Chỉ cán bộ xã và tổ trưởng thôn ghi lượt thăm hộ gia đình.";

    public const string AssigneeNotInTeam = "Người được phân công phải là thành viên đang hoạt động của Tổ CNSCĐ của thôn có hộ.";

    public const string NothingSelected = "Chưa chọn hộ gia đình nào.";

    public const string AssistantNotInTeam = "Người hỗ trợ phải là thành viên đang hoạt động của Tổ CNSCĐ của thôn có hộ.";

    public const string NotAnAssistanceEditor = "Chỉ cán bộ xã và trưởng thôn sửa thông tin hỗ trợ của hộ gia đình.";

    public const string Stale = "Hộ gia đình vừa được người khác cập nhật. Thông tin mới đã được tải lại; hãy kiểm tra rồi lưu lại.";

    public const string ExportRefused = "Không có quyền xuất sổ hộ của đơn vị này.";

    public const string Busy = "Hộ gia đình vừa được cập nhật cùng lúc; vui lòng lưu lại.";
}
