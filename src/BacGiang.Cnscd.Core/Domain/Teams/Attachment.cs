namespace BacGiang.Cnscd.Core.Domain;

/// <summary>
/// An uploaded document (regulation, plan). Stored in the database so that it is backed up,
/// scoped and served exactly like the rows that point at it.
/// </summary>
public class Attachment : UnitScopedEntity
{
    public Guid Id { get; set; }

    /// <summary>Sanitised file name shown to users.</summary>
    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public byte[] Content { get; set; } = [];

    public DateTime UploadedAtUtc { get; set; }
}
