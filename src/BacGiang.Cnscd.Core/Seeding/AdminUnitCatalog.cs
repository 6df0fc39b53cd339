using System.Reflection;
using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Seeding;

/// <summary>
/// The official list of the province's units (GSO codes, 2025-03-01), carried in the assembly from
/// <c>shared/data/bac-giang-admin-units-2025-03.csv</c>.
/// </summary>
public static class AdminUnitCatalog
{
    public static readonly DateOnly ListDate = new(2025, 3, 1);

    public sealed record Row(string ProvinceCode, string ProvinceName, string DistrictCode, string DistrictName,
        UnitKind DistrictKind, string CommuneCode, string CommuneName, UnitKind CommuneKind);

    public static IReadOnlyList<Row> Load()
    {
        using var stream = typeof(AdminUnitCatalog).Assembly.GetManifestResourceStream(
            "BacGiang.Cnscd.Core.Seeding.Data.bac-giang-admin-units-2025-03.csv")
            ?? throw new InvalidOperationException("The administrative-unit list is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var rows = new List<Row>();
        var header = reader.ReadLine();
        if (header != "province_code,province_name,district_code,district_name,district_type,commune_code,commune_name,commune_type")
        {
            throw new InvalidDataException("Unexpected header in the administrative-unit list: " + header);
        }

        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var f = line.Split(',');
            if (f.Length != 8)
            {
                throw new InvalidDataException("Malformed line in the administrative-unit list: " + line);
            }

            rows.Add(new Row(f[0], f[1], f[2], f[3], UnitLabels.ParseKind(f[4]), f[5], f[6], UnitLabels.ParseKind(f[7])));
        }

        return rows;
    }

    /// <summary>
    /// The official commune merger map of 1 July 2025 (<c>shared/data/bac-giang-commune-merger-2025-07.csv</c>), in the
    /// columns a restructuring plan takes: the plan the province applies, and the one the tests and the demo use.
    /// </summary>
    public static Stream MergerPlan2025() =>
        typeof(AdminUnitCatalog).Assembly.GetManifestResourceStream("BacGiang.Cnscd.Core.Seeding.Data.bac-giang-commune-merger-2025-07.csv")
        ?? throw new InvalidOperationException("The 2025 merger map is not embedded in the assembly.");

    /// <summary>Keeps the compiler from trimming the resource lookup's assembly reference.</summary>
    internal static Assembly Assembly => typeof(AdminUnitCatalog).Assembly;
}
