namespace BacGiang.Cnscd.Core.Features.Households.Export;

/// <summary>
/// An export that <see cref="HouseholdExport.PrepareAsync"/> allowed and audited: the unit (a village, commune,
/// district or the province) with the register's filter and search, and the file's download name.
/// </summary>
public sealed record HouseholdExportRequest(int UnitId, Domain.UnitLevel Level, HouseholdFilter Filter, string? Search, DateOnly Today, string FileName);
