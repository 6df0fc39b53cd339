using System.Text.RegularExpressions;
using BacGiang.Cnscd.Core.Features.Common.Import;

namespace BacGiang.Cnscd.Core.Features.Restructuring;

/// <summary>
/// Reads a merger plan in the columns of the official map (<c>shared/data/bac-giang-commune-merger-2025-07.csv</c>):
/// <c>old_commune_code,old_commune_name,new_province_code,new_province_name,new_commune_code,new_commune_name</c>.
/// Bounded like every upload (size, lines, field length) and all-or-nothing: any malformed line gives row-level
/// Vietnamese messages and no rows. What the codes mean (do they exist, are they current) is checked by
/// <see cref="RestructuringService"/> against the database.
/// </summary>
public static partial class MergerPlanReader
{
    public const string Header = "old_commune_code,old_commune_name,new_province_code,new_province_name,new_commune_code,new_commune_name";

    /// <summary>A plan is one line per old commune: a province has a few hundred.</summary>
    public const int MaxRows = 5_000;

    public const int MaxBytes = PlanCsv.MaxBytes;

    private const int MaxFieldLength = 200;

    /// <summary>The rows, or every problem with its line (then no rows).</summary>
    public static (IReadOnlyList<MergerPlanRow> Rows, IReadOnlyList<ImportRowError> Errors) Read(Stream csv)
    {
        var (lines, fileError) = PlanCsv.ReadLines(csv);
        if (fileError is not null)
        {
            return ([], [fileError]);
        }

        if (lines.Length == 0 || lines[0].Trim() != Header)
        {
            return ([], [new ImportRowError(1, $"Dòng tiêu đề phải là: {Header} (sáp nhập xã), hoặc: {VillagePlanReader.Header} (chuyển, nhập, tách thôn).")]);
        }

        var rows = new List<MergerPlanRow>();
        var errors = new List<ImportRowError>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            var number = i + 1;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (rows.Count + errors.Count >= MaxRows)
            {
                return ([], [new ImportRowError(number, $"Kế hoạch có quá {MaxRows:N0} dòng.")]);
            }

            var fields = PlanCsv.Split(line);
            if (fields is null)
            {
                errors.Add(new ImportRowError(number, "Dòng có dấu ngoặc kép không đóng."));
                continue;
            }

            if (fields.Count != 6)
            {
                errors.Add(new ImportRowError(number, $"Dòng phải có 6 cột, đang có {fields.Count}."));
                continue;
            }

            var f = fields.Select(v => ImportText.Clean(v)).ToList();
            var before = errors.Count;
            Check(errors, number, f[0], CommuneCode(), "Mã xã cũ", "5 chữ số");
            Check(errors, number, f[2], ProvinceCode(), "Mã tỉnh mới", "2 chữ số");
            Check(errors, number, f[4], CommuneCode(), "Mã xã mới", "5 chữ số");
            foreach (var (value, label) in new[] { (f[1], "Tên xã cũ"), (f[3], "Tên tỉnh mới"), (f[5], "Tên xã mới") })
            {
                if (value.Length == 0 || value.Length > MaxFieldLength)
                {
                    errors.Add(new ImportRowError(number, $"{label} phải có từ 1 đến {MaxFieldLength} ký tự."));
                }
            }

            if (errors.Count == before)
            {
                rows.Add(new MergerPlanRow(number, f[0], f[1], f[2], f[3], f[4], f[5]));
            }
        }

        if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add(new ImportRowError(0, "Kế hoạch không có dòng nào."));
        }

        return errors.Count > 0 ? ([], ImportErrors.Listed(errors)) : (rows, []);
    }

    private static void Check(List<ImportRowError> errors, int row, string value, Regex pattern, string label, string shape)
    {
        if (!pattern.IsMatch(value))
        {
            errors.Add(new ImportRowError(row, $"{label} “{ImportText.Echo(value)}” không hợp lệ: phải gồm {shape}."));
        }
    }

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex CommuneCode();

    [GeneratedRegex(@"^\d{2}$")]
    private static partial Regex ProvinceCode();
}
