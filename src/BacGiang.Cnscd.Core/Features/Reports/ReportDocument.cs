using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>Everything the administrative-format workbook shows, gathered before any cell is written.</summary>
/// <param name="IssuingBody">Top left, upper case: "UBND HUYỆN LỤC NAM".</param>
/// <param name="Place">The place of the date line: "Lục Nam".</param>
/// <param name="Recipient">"Kính gửi": the level above (the district, or the Department from the settings).</param>
/// <param name="Narrative">Null for the province's compilation, which has no narrative of its own.</param>
public sealed record ReportDocument(string IssuingBody, string Place, DateOnly Date, string Recipient, string UnitName, ReportingPeriod Period,
    ReportFigures Figures, ReportNarrative? Narrative, string ChildColumnTitle, bool IsDraft);
