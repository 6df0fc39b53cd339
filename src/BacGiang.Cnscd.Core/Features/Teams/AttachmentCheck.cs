namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>The verdict on an upload: the sanitised name and the content type to store, or the Vietnamese reason it was refused.</summary>
public sealed record AttachmentCheck(bool IsAccepted, string FileName, string ContentType, string? Error)
{
    public static AttachmentCheck Refused(string error) => new(false, "", "", error);
}
