using System.Text.RegularExpressions;
using BacGiang.Cnscd.Core.Features.Common.Import;

namespace BacGiang.Cnscd.Core.Features.Restructuring;

/// <summary>
/// Reads a village plan — the general tool of issue 12 beside the commune merger map: one line per village that is
/// moved to another commune, merged into another village, or split (part of its households becoming a new village):
/// <c>action,village_code,village_name,commune_code,target_village_code,target_village_name,addresses</c>.
/// <list type="bullet">
/// <item><c>move,07444-02,Thôn Hạ,07450,,,</c> — the village moves to commune 07450.</item>
/// <item><c>merge,07444-03,Thôn Trung,,07444-04,,</c> — Thôn Trung merges into village 07444-04.</item>
/// <item><c>split,07444-05,Thôn Đông,07450,07450-31,Thôn Đông Mới,"Xóm Chùa;Xóm Giếng"</c> — the households whose address
/// holds "xóm chùa" or "xóm giếng" form the new village 07450-31 of commune 07450.</item>
/// </list>
/// Bounded and all-or-nothing like the merger plan; what the codes mean is checked by <see cref="VillagePlanChecker"/>.
/// </summary>
public static partial class VillagePlanReader
{
    public const string Header = "action,village_code,village_name,commune_code,target_village_code,target_village_name,addresses";

    /// <summary>A village plan changes a few villages at a time; a province has about 2,000.</summary>
    public const int MaxRows = 2_000;

    private const int MaxFieldLength = 200;

    private const int MaxAddresses = 50;

    public static (IReadOnlyList<VillagePlanRow> Rows, IReadOnlyList<ImportRowError> Errors) Read(Stream csv)
    {
        var (lines, fileError) = PlanCsv.ReadLines(csv);
        if (fileError is not null)
        {
            return ([], [fileError]);
        }

        if (lines.Length == 0 || lines[0].Trim() != Header)
        {
            return ([], [new ImportRowError(1, "Dòng tiêu đề phải là: " + Header)]);
        }

        var rows = new List<VillagePlanRow>();
        var errors = new List<ImportRowError>();
        for (var i = 1; i < lines.Length; i++)
        {
            var number = i + 1;
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            if (rows.Count + errors.Count >= MaxRows)
            {
                return ([], [new ImportRowError(number, $"Kế hoạch có quá {MaxRows:N0} dòng.")]);
            }

            var fields = PlanCsv.Split(lines[i]);
            if (fields is null)
            {
                errors.Add(new ImportRowError(number, "Dòng có dấu ngoặc kép không đóng."));
                continue;
            }

            if (fields.Count != 7)
            {
                errors.Add(new ImportRowError(number, $"Dòng phải có 7 cột, đang có {fields.Count}."));
                continue;
            }

            var f = fields.Select(v => ImportText.Clean(v)).ToList();
            if (Read(number, f, errors) is { } row)
            {
                rows.Add(row);
            }
        }

        if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add(new ImportRowError(0, "Kế hoạch không có dòng nào."));
        }

        return errors.Count > 0 ? ([], ImportErrors.Listed(errors)) : (rows, []);
    }

    private static VillagePlanRow? Read(int number, List<string> f, List<ImportRowError> errors)
    {
        var before = errors.Count;
        VillageAction? action = f[0].ToLowerInvariant() switch
        {
            "move" => VillageAction.Move,
            "merge" => VillageAction.Merge,
            "split" => VillageAction.Split,
            _ => null,
        };
        if (action is null)
        {
            errors.Add(new ImportRowError(number, $"Thao tác “{ImportText.Echo(f[0])}” không hợp lệ: phải là move (chuyển thôn sang xã khác), merge (nhập vào thôn khác) hoặc split (tách thôn)."));
            return null;
        }

        Code(errors, number, f[1], VillageCode(), "Mã thôn", required: true);
        Text(errors, number, f[2], "Tên thôn", required: true);
        var addresses = f[6].Split(';').Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
        switch (action)
        {
            case VillageAction.Move:
                Code(errors, number, f[3], CommuneCode(), "Mã xã chuyển đến", required: true);
                Empty(errors, number, f, [4, 5, 6], "chuyển thôn");
                break;
            case VillageAction.Merge:
                Code(errors, number, f[4], VillageCode(), "Mã thôn nhận nhập", required: true);
                Empty(errors, number, f, [3, 5, 6], "nhập thôn");
                break;
            case VillageAction.Split:
                Code(errors, number, f[3], CommuneCode(), "Mã xã của thôn mới", required: true);
                Code(errors, number, f[4], VillageCode(), "Mã thôn mới", required: true);
                Text(errors, number, f[5], "Tên thôn mới", required: true);
                if (addresses.Count == 0 || addresses.Count > MaxAddresses || addresses.Any(a => a.Length > MaxFieldLength))
                {
                    errors.Add(new ImportRowError(number,
                        $"Tách thôn cần cột addresses: 1 đến {MaxAddresses} đoạn địa chỉ (mỗi đoạn tối đa {MaxFieldLength} ký tự), cách nhau bằng dấu chấm phẩy."));
                }

                break;
        }

        return errors.Count > before ? null
            : new VillagePlanRow(number, action.Value, f[1], f[2], f[3], f[4], f[5], action == VillageAction.Split ? addresses : []);
    }

    private static void Code(List<ImportRowError> errors, int row, string value, Regex pattern, string label, bool required)
    {
        if (value.Length == 0 && required)
        {
            errors.Add(new ImportRowError(row, $"Thiếu {label.ToLowerInvariant()}."));
        }
        else if (value.Length > 0 && !pattern.IsMatch(value))
        {
            errors.Add(new ImportRowError(row, $"{label} “{ImportText.Echo(value)}” không hợp lệ."));
        }
    }

    private static void Text(List<ImportRowError> errors, int row, string value, string label, bool required)
    {
        if ((required && value.Length == 0) || value.Length > MaxFieldLength)
        {
            errors.Add(new ImportRowError(row, $"{label} phải có từ 1 đến {MaxFieldLength} ký tự."));
        }
    }

    private static void Empty(List<ImportRowError> errors, int row, List<string> fields, int[] columns, string what)
    {
        var names = Header.Split(',');
        foreach (var column in columns.Where(c => fields[c].Length > 0))
        {
            errors.Add(new ImportRowError(row, $"Cột {names[column]} phải để trống khi {what}."));
        }
    }

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex CommuneCode();

    /// <summary>Village codes are not official: the seed and imports write the commune code and a suffix ("07444-02").</summary>
    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z._-]{0,29}$")]
    private static partial Regex VillageCode();
}
