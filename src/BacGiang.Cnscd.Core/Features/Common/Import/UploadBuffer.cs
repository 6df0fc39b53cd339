namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>Reads an uploaded spreadsheet into memory with a hard size limit; shared by every Excel import.</summary>
public static class UploadBuffer
{
    /// <summary>
    /// The upload, in memory (an xlsx is a zip and needs a seekable stream; a browser upload is not), or null if it
    /// is larger than <paramref name="maxBytes"/>: reading stops there, whatever the stream claims its length is.
    /// </summary>
    public static async Task<MemoryStream?> ReadLimitedAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        if (source.CanSeek && source.Length - source.Position > maxBytes)
        {
            return null;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                await buffer.DisposeAsync();
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }
}
