namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>A stored document to send to the browser.</summary>
public sealed record AttachmentContent(string FileName, string ContentType, byte[] Content);
