using System.Text.Json;

namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>
/// What a report's figures are: one row per child unit, as of the quarter's end, plus the unit's own targets.
/// Serialised to <see cref="Domain.QuarterlyReport.FiguresJson"/> at submission and never recomputed after.
/// </summary>
public sealed record ReportFigures(DateOnly AsOf, IReadOnlyList<UnitFigures> Rows, IReadOnlyList<TargetValue> Targets)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IndicatorSet Total => Rows.Aggregate(IndicatorSet.Zero, (sum, row) => sum.Add(row.Figures));

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReportFigures FromJson(string json) =>
        JsonSerializer.Deserialize<ReportFigures>(json, Json) ?? throw new InvalidOperationException("Số liệu báo cáo đã lưu không đọc được.");
}
