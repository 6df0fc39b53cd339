namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>
/// What an import expects of its sheet: the sheet's name (else the first sheet is read, in case it was renamed), the
/// template's columns and which of them must be there, the most data rows, and the import's own "too many rows" message.
/// </summary>
internal sealed record ImportSheetSpec(string SheetName, IReadOnlyList<string> Columns, IReadOnlyList<string> Required, int MaxRows, string TooManyRows);
