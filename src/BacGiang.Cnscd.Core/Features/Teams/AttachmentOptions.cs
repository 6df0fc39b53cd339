namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>Limits on uploaded documents (regulations, plans), bound from the configuration section <c>Attachments</c>.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>The largest file accepted, in bytes (default 10 MB): a scanned decision fits, a video does not.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}
