namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>The two layouts of a quarterly report: the Excel workbook, and the Word document a clerk files.</summary>
public enum ReportFormat
{
    Excel = 0,
    Word = 1,
}

/// <summary>An exported file and the name the browser saves it under.</summary>
public sealed record ReportFile(byte[] Content, string FileName, ReportFormat Format = ReportFormat.Excel)
{
    public const string ExcelContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string WordContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public string ContentType => Format == ReportFormat.Word ? WordContentType : ExcelContentType;

    public static string Extension(ReportFormat format) => format == ReportFormat.Word ? ".docx" : ".xlsx";
}
