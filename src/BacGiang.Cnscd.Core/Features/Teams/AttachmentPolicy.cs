using System.IO.Compression;
using System.Text;

namespace BacGiang.Cnscd.Core.Features.Teams;

/// <summary>
/// What an uploaded document may be (§2.11 regulations and plans): PDF, DOCX, XLSX, PNG or JPEG, no larger than
/// the configured limit. The type is decided by the content's leading bytes (and, for the Office formats, the
/// package's main part), and must agree with the extension: a renamed executable or an HTML page called
/// ".pdf" is refused. The stored content type comes from this table, never from the browser.
/// </summary>
public static class AttachmentPolicy
{
    public const string TypeMessage = "Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx) hoặc ảnh PNG, JPEG.";

    public const string MismatchMessage = "Nội dung tệp không đúng với phần mở rộng của tên tệp; tệp bị từ chối.";

    public const string EmptyMessage = "Tệp rỗng.";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
    };

    public static string SizeMessage(long maxBytes) => $"Tệp lớn hơn {maxBytes / (1024 * 1024)} MB.";

    /// <summary>Accepts or refuses an upload; on acceptance gives the sanitised name and the content type to store.</summary>
    public static AttachmentCheck Check(string? fileName, byte[] content, long maxBytes)
    {
        var extension = Path.GetExtension(fileName ?? "");
        if (!ContentTypes.TryGetValue(extension, out var contentType))
        {
            return AttachmentCheck.Refused(TypeMessage);
        }

        if (content.Length == 0)
        {
            return AttachmentCheck.Refused(EmptyMessage);
        }

        if (content.Length > maxBytes)
        {
            return AttachmentCheck.Refused(SizeMessage(maxBytes));
        }

        var actual = Sniff(content);
        var expected = extension.ToLowerInvariant() switch
        {
            ".jpg" or ".jpeg" => ".jpg",
            var e => e,
        };
        return actual == expected
            ? new AttachmentCheck(true, SanitiseFileName(fileName!), contentType, null)
            : AttachmentCheck.Refused(MismatchMessage);
    }

    /// <summary>
    /// The name without any folder, control or reserved characters, runs of dots or leading dots, at most 100
    /// characters before the extension; Vietnamese letters are kept. Empty names become "tai-lieu".
    /// </summary>
    public static string SanitiseFileName(string fileName)
    {
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var stem = Path.GetFileNameWithoutExtension(name).Normalize(NormalizationForm.FormC);
        var invalid = Path.GetInvalidFileNameChars().Concat(['<', '>', ':', '"', '|', '?', '*', ';', '%']).ToHashSet();
        var builder = new StringBuilder(stem.Length);
        foreach (var c in stem)
        {
            builder.Append(char.IsControl(c) || invalid.Contains(c) ? '_' : c);
        }

        var cleaned = builder.ToString().Trim().TrimStart('.');
        while (cleaned.Contains("..", StringComparison.Ordinal))
        {
            cleaned = cleaned.Replace("..", ".", StringComparison.Ordinal);
        }

        if (cleaned.Length > 100)
        {
            cleaned = cleaned[..100];
        }

        return (cleaned.Length == 0 ? "tai-lieu" : cleaned) + extension;
    }

    /// <summary>The extension the content really has, from its magic bytes; null when it is none of the accepted types.</summary>
    internal static string? Sniff(byte[] content)
    {
        if (StartsWith(content, "%PDF-"u8))
        {
            return ".pdf";
        }

        if (StartsWith(content, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ".png";
        }

        if (StartsWith(content, [0xFF, 0xD8, 0xFF]))
        {
            return ".jpg";
        }

        return StartsWith(content, "PK\u0003\u0004"u8) ? OfficePackage(content) : null;
    }

    /// <summary>A ZIP is only a Word or Excel document if it holds that format's main part.</summary>
    private static string? OfficePackage(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            return names.Contains("word/document.xml") ? ".docx" : names.Contains("xl/workbook.xml") ? ".xlsx" : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static bool StartsWith(byte[] content, ReadOnlySpan<byte> prefix) => content.AsSpan().StartsWith(prefix);
}
