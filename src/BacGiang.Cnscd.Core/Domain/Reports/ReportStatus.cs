namespace BacGiang.Cnscd.Core.Domain;

public enum ReportStatus
{
    Draft = 0,     // Đang soạn
    Submitted = 1, // Đã gửi
    Returned = 2,  // Bị trả lại
    Approved = 3,  // Đã duyệt
}
