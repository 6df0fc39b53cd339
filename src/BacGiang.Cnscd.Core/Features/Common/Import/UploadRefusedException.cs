namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>
/// Reading an upload stopped at a bound or at malformed content; <see cref="Error"/> is what the officer is shown.
/// Thrown only inside the reader and caught by <see cref="ImportSheetReader"/>: it never leaves an import.
/// </summary>
internal sealed class UploadRefusedException(ImportRowError error) : Exception(error.Message)
{
    public ImportRowError Error { get; } = error;

    public UploadRefusedException(string message)
        : this(new ImportRowError(0, message))
    {
    }
}
