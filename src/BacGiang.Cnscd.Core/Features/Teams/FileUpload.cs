namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>A file as the user uploaded it: the name they gave it and its bytes (already bounded by the size limit while reading).</summary>
public sealed record FileUpload(string FileName, byte[] Content);
