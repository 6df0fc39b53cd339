using System.IO.Compression;
using System.Text;

namespace BacGiang.Cnscd.Core.Tests.Common.Import;

/// <summary>
/// Minimal .xlsx packages written byte by byte, so a test can hold what no spreadsheet program would save (a formula
/// chain without cached values, a forged dimension, a zip bomb) without any library trying to make sense of it.
/// </summary>
internal static class RawXlsx
{
    public const string SheetName = "Hộ gia đình";

    /// <summary>A workbook with one sheet whose &lt;sheetData&gt; is <paramref name="sheetData"/>; extra entries added as given.</summary>
    public static MemoryStream Build(string sheetData, string? dimension = null, IReadOnlyList<string>? sharedStrings = null,
        Action<ZipArchive>? extra = null, CompressionLevel level = CompressionLevel.Optimal, string? styles = null)
    {
        var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        if (dimension is not null)
        {
            sheet.Append("<dimension ref=\"").Append(dimension).Append("\"/>");
        }

        sheet.Append("<sheetData>").Append(sheetData).Append("</sheetData></worksheet>");
        return Package(sheet.ToString(), sharedStrings, extra, level, styles);
    }

    /// <summary>A row of inline-string cells from column A.</summary>
    public static string Row(int number, params string[] texts)
    {
        var sb = new StringBuilder($"<row r=\"{number}\">");
        for (var i = 0; i < texts.Length; i++)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"<c r=\"{(char)('A' + i)}{number}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{Escape(texts[i])}</t></is></c>");
        }

        return sb.Append("</row>").ToString();
    }

    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    public static MemoryStream Package(string sheetXml, IReadOnlyList<string>? sharedStrings, Action<ZipArchive>? extra, CompressionLevel level, string? styles = null)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>", level);
            Add(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>", level);
            Add(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"" + SheetName + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>", level);
            var rels = "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>";
            if (sharedStrings is not null)
            {
                rels += "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>";
                var sst = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
                foreach (var s in sharedStrings)
                {
                    sst.Append("<si><t>").Append(Escape(s)).Append("</t></si>");
                }

                Add(zip, "xl/sharedStrings.xml", sst.Append("</sst>").ToString(), level);
            }

            if (styles is not null)
            {
                rels += "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"/xl/styles.xml\"/>";
                Add(zip, "xl/styles.xml", styles, level);
            }

            Add(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + rels + "</Relationships>", level);
            Add(zip, "xl/worksheets/sheet1.xml", sheetXml, level);
            extra?.Invoke(zip);
        }

        stream.Position = 0;
        return stream;
    }

    public static void Add(ZipArchive zip, string name, string content, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, level).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
