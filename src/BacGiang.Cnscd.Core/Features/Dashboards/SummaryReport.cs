using System.Globalization;
using System.Text;

namespace BacGiang.Cnscd.Core.Features.Dashboards;

/// <summary>The text the <c>verify-summaries</c> command prints: one line per difference, then a total line.</summary>
public static class SummaryReport
{
    public static string Format(SummaryVerification result, bool repaired)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        foreach (var d in result.Differences)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"Chênh lệch: thôn {d.VillageCode} ({d.VillageId}) {d.Counter}: đã lưu {d.Stored}, thực tế {d.Actual}"));
        }

        text.Append(string.Create(CultureInfo.InvariantCulture, $"Đã kiểm tra {result.VillagesChecked} thôn: {result.Differences.Count} chênh lệch"));
        if (repaired && result.VillagesRepaired > 0)
        {
            text.Append(string.Create(CultureInfo.InvariantCulture, $"; đã sửa {result.VillagesRepaired} thôn"));
        }

        text.Append('.');
        return text.ToString();
    }
}
