namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>
/// One problem found in an imported sheet, in Vietnamese. <see cref="Row"/> is the sheet's own row number as
/// Excel shows it (the header is row 1); 0 means the file as a whole (not a workbook, too large, too many rows).
/// </summary>
public sealed record ImportRowError(int Row, string Message);
