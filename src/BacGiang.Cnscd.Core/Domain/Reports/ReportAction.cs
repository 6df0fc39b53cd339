namespace BacGiang.Cnscd.Core.Domain;

/// <summary>What someone can do to a quarterly report; <see cref="ReportWorkflow"/> says when.</summary>
public enum ReportAction
{
    EditNarrative = 1, // Soạn / sửa phần nhận xét
    Submit = 2,        // Gửi lên cấp trên
    Approve = 3,       // Duyệt
    Return = 4,        // Trả lại kèm lý do
}
