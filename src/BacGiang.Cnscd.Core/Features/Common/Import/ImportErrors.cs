namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>Row errors as a result carries them: capped, so a file of bad rows cannot make a result (or a page) huge.</summary>
public static class ImportErrors
{
    /// <summary>The first <paramref name="max"/> errors, and one more line counting the rest.</summary>
    public static IReadOnlyList<ImportRowError> Listed(IReadOnlyList<ImportRowError> errors, int? max = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var limit = max ?? UploadLimits.Default.MaxListedErrors;
        return errors.Count <= limit
            ? errors
            : [.. errors.Take(limit), new ImportRowError(0, ExcelMessages.MoreErrors(errors.Count - limit))];
    }
}
