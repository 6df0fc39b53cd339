namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>The Vietnamese messages of the report workflow, in one place so tests and pages agree.</summary>
public static class ReportMessages
{
    public const string NotFound = "Không tìm thấy báo cáo, hoặc báo cáo không thuộc phạm vi của tài khoản.";
    public const string NotTheAuthor = "Chỉ cán bộ của chính đơn vị (UBND xã hoặc UBND huyện) được soạn và gửi báo cáo này.";
    public const string NotTheReviewer = "Chỉ cấp trên trực tiếp (UBND huyện với báo cáo xã; Sở với báo cáo huyện) được duyệt hoặc trả lại báo cáo.";
    public const string NotReportingUnit = "Chỉ xã và huyện lập báo cáo quý.";
    public const string CommentRequired = "Hãy nhập lý do trả lại để đơn vị biết cần sửa gì.";
    public const string CommentTooLong = "Lý do trả lại dài quá 2000 ký tự.";
    public const string MissingFields = "Báo cáo chưa đủ các phần bắt buộc; chưa gửi.";
    public const string DeadlineOutsideQuarter = "Hạn nộp của xã phải nằm trong quý và không sau hạn của huyện (ngày 20 tháng cuối quý).";
    public const string NotTheDistrict = "Chỉ cán bộ UBND huyện (hoặc Sở, cho các xã trực thuộc tỉnh) đặt hạn nộp báo cáo cho các xã.";
    public const string NotAnExporter = "Tài khoản không được xuất báo cáo của đơn vị này.";
}
