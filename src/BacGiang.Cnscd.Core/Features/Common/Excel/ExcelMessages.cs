namespace BacGiang.Cnscd.Core.Features.Common.Excel;

/// <summary>The messages every Excel import gives for the same failure, worded once.</summary>
public static class ExcelMessages
{
    public const string NotAWorkbook = "Tệp không phải là bảng tính Excel (.xlsx) hợp lệ.";
}
