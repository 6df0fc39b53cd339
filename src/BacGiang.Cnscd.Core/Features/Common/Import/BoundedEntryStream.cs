namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>
/// A zip entry's content that stops at a byte limit whatever the entry declared (a forged header may claim a small
/// size and inflate to gigabytes), and that honours the read's cancellation on every read.
/// </summary>
internal sealed class BoundedEntryStream(Stream inner, long maxBytes, ReadBudget budget) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        budget.Check();
        var n = inner.Read(buffer);
        _read += n;
        if (_read > maxBytes)
        {
            throw new UploadRefusedException(ExcelMessages.Unsafe);
        }

        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
