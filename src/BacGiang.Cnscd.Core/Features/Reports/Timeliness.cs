namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>Where a unit's report stands against its deadline (rule R4).</summary>
public enum Timeliness
{
    NotYetDue = 0, // Chưa đến hạn
    OnTime = 1,    // Đúng hạn
    Late = 2,      // Nộp muộn
    Missing = 3,   // Quá hạn, chưa nộp
}
