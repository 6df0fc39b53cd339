namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>An exported workbook and the name the browser saves it under.</summary>
public sealed record ReportFile(byte[] Content, string FileName)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
