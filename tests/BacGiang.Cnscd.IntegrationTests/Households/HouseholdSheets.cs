using BacGiang.Cnscd.Core.Features.Households.Import;
using ClosedXML.Excel;

namespace BacGiang.Cnscd.IntegrationTests.Households;

/// <summary>Real .xlsx files for the household import tests, written with ClosedXML as Excel would save them.</summary>
internal static class HouseholdSheets
{
    public static readonly string[] Header =
        ["Mã thôn", "Họ và tên chủ hộ", "Địa chỉ", "Ngày sinh chủ hộ", "Số điện thoại", "Số nhân khẩu", "VNeID mức 2", "Tài khoản DVC trực tuyến", "Cần người hỗ trợ"];

    /// <summary>A workbook whose first sheet holds <paramref name="header"/> and the rows; a cell may be a string, number, date or null.</summary>
    public static MemoryStream Workbook(IReadOnlyList<object?[]> rows, string[]? header = null, string sheetName = "Hộ gia đình")
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(sheetName);
        header ??= Header;
        for (var c = 0; c < header.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(header[c]);
        }

        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (rows[r][c])
                {
                    case null:
                        break;
                    case string s:
                        cell.SetValue(s);
                        break;
                    case DateTime d:
                        cell.SetValue(d);
                        cell.Style.DateFormat.Format = "dd/MM/yyyy";
                        break;
                    case int i:
                        cell.SetValue(i);
                        break;
                    case double n:
                        cell.SetValue(n);
                        break;
                    default:
                        throw new ArgumentException("Unsupported cell value", nameof(rows));
                }
            }
        }

        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    /// <summary>A well-formed row for a village: the head's name makes the household unique.</summary>
    public static object?[] Row(string villageCode, string head, string address = "Xóm Đông", object? birth = null, object? phone = null,
        object? size = null, string vneid = "Có", string dvc = "Không", string assistance = "Không") =>
        [villageCode, head, address, birth ?? "05/09/1968", phone ?? "0912 345 678", size ?? "4", vneid, dvc, assistance];

    /// <summary>Synchronous progress (Progress&lt;T&gt; posts to the thread pool), so a test can act at a given percentage.</summary>
    public sealed class Recorder(Action<int>? onReport = null) : IProgress<int>
    {
        public List<int> Reports { get; } = [];

        public void Report(int value)
        {
            Reports.Add(value);
            onReport?.Invoke(value);
        }
    }

    public static string Messages(HouseholdImportResult result) => string.Join("\n", result.Errors.Select(e => $"{e.Row}: {e.Message}"));
}
