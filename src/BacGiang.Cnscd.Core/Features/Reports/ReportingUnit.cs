using BacGiang.Cnscd.Core.Domain;

namespace BacGiang.Cnscd.Core.Features.Reports;

/// <summary>A unit that writes or receives quarterly reports, with what the workflow needs to know about it.</summary>
public sealed record ReportingUnit(int Id, string Name, UnitLevel Level, UnitKind Kind, int? ParentId);
