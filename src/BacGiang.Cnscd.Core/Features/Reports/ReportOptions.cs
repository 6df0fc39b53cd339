namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>Settings of the quarterly reports (appsettings section "Reports").</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>
    /// The provincial agency districts report to. Sở Thông tin và Truyền thông until 2025, Sở Khoa học và
    /// Công nghệ since the merger of the two departments: a setting, not code.
    /// </summary>
    public string RecipientName { get; set; } = "Sở Khoa học và Công nghệ";
}
