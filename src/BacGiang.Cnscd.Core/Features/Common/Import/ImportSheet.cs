namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>
/// What <see cref="ImportSheetReader.Read"/> found: the header's <see cref="Columns"/> and the non-blank data rows,
/// or the <see cref="Errors"/> that make the file unreadable (then there are no rows). <see cref="IsEmpty"/>: the
/// sheet has no non-blank row at all, not even a header.
/// </summary>
internal sealed record ImportSheet(HeaderMap Columns, IReadOnlyList<SheetRow> Rows, IReadOnlyList<ImportRowError> Errors, bool IsEmpty)
{
    public static ImportSheet Failed(ImportRowError error) => new(HeaderMap.None, [], [error], false);
}
