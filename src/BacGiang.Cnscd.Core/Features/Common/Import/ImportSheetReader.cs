using System.Xml;

namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>
/// The one way an import reads its uploaded sheet (decision 044): bounded zip and XML reading, the header map, the
/// non-blank rows. Whatever the file holds, the result is rows or Vietnamese errors — never an exception, except
/// <see cref="OperationCanceledException"/> when the caller cancels.
/// </summary>
internal static class ImportSheetReader
{
    /// <summary>
    /// Reads the sheet named in <paramref name="spec"/> (or the first) of <paramref name="content"/>, a seekable copy of
    /// the upload. Row 1 is the header; a data row whose number is above <see cref="ImportSheetSpec.MaxRows"/> + 1,
    /// blank or not, refuses the file. <paramref name="rowsRead"/> receives the number of rows read now and then.
    /// </summary>
    public static ImportSheet Read(Stream content, ImportSheetSpec spec, CancellationToken cancellationToken, Action<int>? rowsRead = null,
        UploadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(spec);
        using var budget = new ReadBudget(limits ?? UploadLimits.Default, cancellationToken);
        try
        {
            using var workbook = UploadWorkbook.Open(content, budget);
            var name = workbook.SheetNames.FirstOrDefault(n => n == spec.SheetName) ?? (workbook.SheetNames.Count > 0 ? workbook.SheetNames[0] : null);
            var path = name is null ? null : workbook.SheetPath(name);
            if (path is null)
            {
                return ImportSheet.Failed(new ImportRowError(0, ExcelMessages.NotAWorkbook));
            }

            SheetRow? header = null;
            HeaderMap? map = null;
            var rows = new List<SheetRow>();
            var any = false;
            foreach (var row in SheetStreamReader.Rows(workbook, path, spec.MaxRows + 1, spec.TooManyRows))
            {
                any = true;
                if (map is null)
                {
                    header = row.Number == 1 ? row : null;
                    var (built, errors) = HeaderMap.Build(header, spec.Columns, spec.Required);
                    if (errors.Count > 0)
                    {
                        return new ImportSheet(built, [], errors, false);
                    }

                    map = built;
                    if (header is not null)
                    {
                        continue;
                    }
                }

                rows.Add(row);
                if (rows.Count % 1000 == 0)
                {
                    rowsRead?.Invoke(rows.Count);
                }
            }

            if (map is null)
            {
                // No non-blank row at all: the required columns are missing too, but "empty" is what the officer needs to hear.
                var (built, errors) = HeaderMap.Build(null, spec.Columns, spec.Required);
                return new ImportSheet(built, [], errors, IsEmpty: !any);
            }

            return new ImportSheet(map, rows, [], false);
        }
        catch (UploadRefusedException refused)
        {
            return ImportSheet.Failed(refused.Error);
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or NotSupportedException or ArgumentException
                                       or OverflowException)
        {
            // The zip and XML readers throw a handful of types for a file that is not a workbook; to the officer they all mean the same.
            return ImportSheet.Failed(new ImportRowError(0, ExcelMessages.NotAWorkbook));
        }
    }
}
