namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>A stored document as a page links to it (the file itself is served by the attachment endpoint).</summary>
public sealed record AttachmentLink(Guid Id, string FileName, long Size);
