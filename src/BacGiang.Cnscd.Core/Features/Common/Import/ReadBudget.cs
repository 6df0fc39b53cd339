namespace BacGiang.Cnscd.Core.Features.Common.Import;

/// <summary>
/// The time and text one read of an upload may spend. The caller's token (the officer left the page) cancels as
/// usual; running out of time is a refusal with a message, not a cancellation.
/// </summary>
internal sealed class ReadBudget(UploadLimits limits, CancellationToken cancellationToken) : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(limits.ReadTimeout);
    private long _chars;

    public UploadLimits Limits { get; } = limits;

    /// <summary>Throws when the caller cancelled (<see cref="OperationCanceledException"/>) or time is up (a refusal).</summary>
    public void Check()
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_timeout.IsCancellationRequested)
        {
            throw new UploadRefusedException(ExcelMessages.TooSlow);
        }
    }

    /// <summary>Counts characters kept in memory (shared and inline strings) against <see cref="UploadLimits.MaxTextChars"/>.</summary>
    public void SpendText(int chars)
    {
        _chars += chars;
        if (_chars > Limits.MaxTextChars)
        {
            throw new UploadRefusedException(ExcelMessages.TooMuchText);
        }
    }

    public void Dispose() => _timeout.Dispose();
}
