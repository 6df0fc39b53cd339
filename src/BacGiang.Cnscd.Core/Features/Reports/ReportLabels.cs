namespace BacGiang.Cnscd.Core.Features.Reports;

public static class ReportLabels
{
    public static string ToVietnamese(this Timeliness timeliness) => timeliness switch
    {
        Timeliness.OnTime => "Đúng hạn",
        Timeliness.Late => "Nộp muộn",
        Timeliness.Missing => "Quá hạn, chưa nộp",
        _ => "Chưa đến hạn",
    };

    /// <summary>
    /// Whether a report was on time: judged by its FIRST submission (a report sent on time and returned for
    /// corrections is not late), against the end of the due day in Vietnam.
    /// </summary>
    public static Timeliness Judge(DateOnly dueDate, DateTime? firstSubmittedAtUtc, DateOnly today)
    {
        if (firstSubmittedAtUtc is { } at)
        {
            var day = DateOnly.FromDateTime(Time.VietnamClock.ToVietnam(at));
            return day <= dueDate ? Timeliness.OnTime : Timeliness.Late;
        }

        return today > dueDate ? Timeliness.Missing : Timeliness.NotYetDue;
    }
}
