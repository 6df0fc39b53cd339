using System.IO.Compression;
using System.Text;
using BacGiang.Cnscd.Core.Features.Teams;

namespace BacGiang.Cnscd.Core.Tests.Features.Teams;

public class AttachmentPolicyTests
{
    private const long Limit = 1024 * 1024;

    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"u8.ToArray();

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];

    /// <summary>A minimal Office package: [Content_Types].xml and the format's main part.</summary>
    private static byte[] Package(string mainPart)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", mainPart })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write("<?xml version=\"1.0\"?><x/>");
            }
        }

        return buffer.ToArray();
    }

    public static TheoryData<string, string> Accepted => new()
    {
        { "quy-che.pdf", "application/pdf" },
        { "anh.PNG", "image/png" },
        { "anh.jpg", "image/jpeg" },
        { "anh.jpeg", "image/jpeg" },
        { "ke-hoach.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "chi-tieu.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    };

    private static byte[] ContentFor(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".pdf" => Pdf,
        ".png" => Png,
        ".jpg" or ".jpeg" => Jpeg,
        ".docx" => Package("word/document.xml"),
        _ => Package("xl/workbook.xml"),
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Check_AllowedTypeWhoseContentMatches_IsAccepted_WithTheTypeFromTheTable(string name, string contentType)
    {
        var check = AttachmentPolicy.Check(name, ContentFor(name), Limit);

        Assert.True(check.IsAccepted, check.Error);
        Assert.Equal(contentType, check.ContentType);
    }

    [Theory]
    [InlineData("quy-che.pdf", "anh.png")]      // a PNG renamed .pdf
    [InlineData("anh.png", "quy-che.pdf")]
    [InlineData("anh.jpg", "anh.png")]
    [InlineData("ke-hoach.docx", "chi-tieu.xlsx")] // an Excel package renamed .docx
    [InlineData("chi-tieu.xlsx", "ke-hoach.docx")]
    public void Check_ContentOfAnotherType_IsRefused(string name, string contentOf)
    {
        var check = AttachmentPolicy.Check(name, ContentFor(contentOf), Limit);

        Assert.False(check.IsAccepted);
        Assert.Equal(AttachmentPolicy.MismatchMessage, check.Error);
    }

    [Fact]
    public void Check_HtmlOrAPlainZipCalledPdfOrDocx_IsRefused()
    {
        Assert.Equal(AttachmentPolicy.MismatchMessage, AttachmentPolicy.Check("x.pdf", "<html><script>alert(1)</script>"u8.ToArray(), Limit).Error);
        Assert.Equal(AttachmentPolicy.MismatchMessage, AttachmentPolicy.Check("x.docx", Package("readme.txt"), Limit).Error);
        Assert.Equal(AttachmentPolicy.MismatchMessage, AttachmentPolicy.Check("x.docx", "PK\u0003\u0004 not a zip"u8.ToArray(), Limit).Error);
    }

    [Theory]
    [InlineData("virus.exe")]
    [InlineData("trang.html")]
    [InlineData("tai-lieu.doc")]
    [InlineData("khong-duoi")]
    [InlineData("anh.svg")]
    public void Check_ExtensionNotAllowed_IsRefused(string name)
    {
        Assert.Equal(AttachmentPolicy.TypeMessage, AttachmentPolicy.Check(name, Pdf, Limit).Error);
    }

    [Fact]
    public void Check_OverTheLimit_OrEmpty_IsRefused()
    {
        var big = new byte[Limit + 1];
        Pdf.CopyTo(big, 0);

        Assert.Equal("Tệp lớn hơn 1 MB.", AttachmentPolicy.Check("lon.pdf", big, Limit).Error);
        Assert.True(AttachmentPolicy.Check("vua.pdf", big[..(int)Limit], Limit).IsAccepted);
        Assert.Equal(AttachmentPolicy.EmptyMessage, AttachmentPolicy.Check("rong.pdf", [], Limit).Error);
    }

    [Theory]
    [InlineData("Quy chế hoạt động.pdf", "Quy chế hoạt động.pdf")]
    [InlineData("..\\..\\windows\\system32\\a.pdf", "a.pdf")]
    [InlineData("../../etc/passwd.PDF", "passwd.pdf")]
    [InlineData("a<b>:c|d?.pdf", "a_b__c_d_.pdf")]
    [InlineData("...pdf", "tai-lieu.pdf")]
    [InlineData("bao..cao.pdf", "bao.cao.pdf")]
    [InlineData("x\u0000y\r\n.pdf", "x_y__.pdf")]
    public void SanitiseFileName_KeepsVietnamese_DropsFoldersAndReservedCharacters(string name, string expected)
    {
        Assert.Equal(expected, AttachmentPolicy.SanitiseFileName(name));
    }

    [Fact]
    public void SanitiseFileName_CutsLongNames_KeepingTheExtension()
    {
        var name = AttachmentPolicy.SanitiseFileName(new string('a', 300) + ".pdf");

        Assert.Equal(104, name.Length);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }
}
